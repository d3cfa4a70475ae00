package irw.core;

import java.util.Optional;

/**
 * The X-ray wavelength a pattern was measured or simulated with.
 *
 * <p>A laboratory tube emits a Kα1/Kα2 doublet; {@code kAlpha2} is empty for a monochromatic
 * beam, a synchrotron, or when the file states a single line.
 *
 * @param anode         the anode element ("Cu", "Co", ...), or empty when unknown
 * @param kAlpha1       Kα1 (or the single line) in ångström
 * @param kAlpha2       Kα2 in ångström, when present
 * @param kAlpha2Ratio  intensity of Kα2 relative to Kα1 (0.5 for Cu by convention)
 */
public record Wavelength(Optional<String> anode, double kAlpha1, Optional<Double> kAlpha2, double kAlpha2Ratio) {

    /** Cu Kα1 / Kα2 (Hölzer et al. 1997), ratio 0.5. */
    public static final Wavelength CU_KALPHA = new Wavelength(Optional.of("Cu"), 1.540562, Optional.of(1.544390), 0.5);
    /** Cu Kα as a single averaged line, as pymatgen's "CuKa". */
    public static final Wavelength CU_KALPHA_AVERAGE = single(1.54184);

    public Wavelength {
        if (!(kAlpha1 > 0) || !Double.isFinite(kAlpha1)) {
            throw new IllegalArgumentException("wavelength must be a positive number of ångström, got " + kAlpha1);
        }
        kAlpha2.ifPresent(k2 -> {
            if (!(k2 > 0) || !Double.isFinite(k2)) {
                throw new IllegalArgumentException("Kα2 must be a positive number of ångström, got " + k2);
            }
        });
    }

    public static Wavelength single(double angstrom) {
        return new Wavelength(Optional.empty(), angstrom, Optional.empty(), 0);
    }

    public static Wavelength of(String anode, double kAlpha1, Double kAlpha2, double ratio) {
        return new Wavelength(Optional.ofNullable(anode), kAlpha1, Optional.ofNullable(kAlpha2), kAlpha2 == null ? 0 : ratio);
    }

    /** Kα1 and Kα2 of the common laboratory anodes, ångström (Hölzer et al. 1997; International Tables C). */
    private static final java.util.Map<String, double[]> ANODES = java.util.Map.of(
            "Cu", new double[]{1.540562, 1.544390}, "Co", new double[]{1.788965, 1.792850},
            "Fe", new double[]{1.936042, 1.939980}, "Cr", new double[]{2.289700, 2.293606},
            "Mo", new double[]{0.709300, 0.713590}, "Ag", new double[]{0.559421, 0.563813});

    /**
     * What a user types: an anode ("Cu", "co": its Kα1/Kα2 doublet, ratio 0.5) or a single line in ångström
     * ("1.5406").
     *
     * @throws IllegalArgumentException naming what was typed and what is accepted
     */
    public static Wavelength parse(String text) {
        String t = text == null ? "" : text.trim();
        for (var e : ANODES.entrySet()) {
            if (e.getKey().equalsIgnoreCase(t)) {
                return of(e.getKey(), e.getValue()[0], e.getValue()[1], 0.5);
            }
        }
        try {
            return single(Double.parseDouble(t.replace("Å", "").trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a wavelength is an anode (Cu, Co, Fe, Cr, Mo, Ag) or a number of ångström, got '" + t + "'");
        }
    }

    public boolean hasKAlpha2() {
        return kAlpha2.isPresent() && kAlpha2Ratio > 0;
    }

    /** The intensity-weighted mean line, used when a single wavelength must stand for the doublet. */
    public double weightedMean() {
        return kAlpha2.map(k2 -> (kAlpha1 + kAlpha2Ratio * k2) / (1 + kAlpha2Ratio)).orElse(kAlpha1);
    }

    @Override
    public String toString() {
        String head = anode.map(a -> a + " ").orElse("");
        return kAlpha2.map(k2 -> String.format("%sKα1 %.5f Å, Kα2 %.5f Å (ratio %.2f)", head, kAlpha1, k2, kAlpha2Ratio))
                .orElse(String.format("%s%.5f Å", head, kAlpha1));
    }
}
