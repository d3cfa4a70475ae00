package irw.xrd.preprocess;

import irw.core.GridBinning;
import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a diffraction pattern becomes a classifier's input, used alike by training, the CLI,
 * the service and the workbench, and recorded in the model file ({@link #toMap()}, {@link #fromMap}):
 * <ol>
 *   <li>the 2θ axis is converted to the model's wavelength through the d-spacing when the file states
 *       another anode (Bragg: sin θ' = λ_model / λ_file · sin θ); a file that states none is taken as
 *       measured with the model's wavelength, and the prepared pattern says so;</li>
 *   <li>the counts are averaged into the grid's cells ({@link GridBinning});</li>
 *   <li>the background is estimated by SNIP over the measured cells and subtracted (on a fixed count
 *       scale, so that a simulated pattern scaled to 1 and a measurement of 30,000 counts are clipped
 *       alike);</li>
 *   <li>the measured cells are scaled so that the strongest is 1;</li>
 *   <li>cells the instrument did not measure are set to {@link #UNMEASURED} (−1): the measured range
 *       travels inside the item, so the classifier sees where nothing was measured instead of zeros
 *       that look like a measured flat background, and refiners can leave those cells alone.</li>
 * </ol>
 * Inputs that cannot be classified honestly are refused with a reason ({@link Refusal}).
 *
 * @param grid                 the model's 2θ grid and wavelength
 * @param snipHalfWidthDegrees SNIP's widest clipping distance in degrees 2θ (0: no background removal)
 * @param minCoverage          the smallest share of the grid that must be measured
 */
public record ModelInputPreparation(TwoThetaGrid grid, double snipHalfWidthDegrees, double minCoverage) {
    /** The value of a cell the instrument did not measure. */
    public static final float UNMEASURED = -1f;
    /** Counts of the strongest cell when SNIP runs, whatever the input's scale. */
    static final double SNIP_SCALE = 10_000;
    /** Measured Bragg angles closer to 180° than this are dropped when converting wavelengths. */
    private static final double MAX_SIN = 0.999999;

    public ModelInputPreparation {
        if (!(snipHalfWidthDegrees >= 0) || !(minCoverage > 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("SNIP half-width must be >= 0 and the minimum coverage in (0, 1], got "
                    + snipHalfWidthDegrees + " and " + minCoverage);
        }
    }

    /** SNIP over 1.5° (wider than lab peaks, narrower than amorphous humps); at least a quarter of the grid measured. */
    public static ModelInputPreparation standard(TwoThetaGrid grid) {
        return new ModelInputPreparation(grid, 1.5, 0.25);
    }

    /** Why a pattern is not classified. */
    public enum Refusal {
        TOO_LITTLE_MEASURED("too little of the pattern measured"),
        NO_SIGNAL("no diffraction signal");

        private final String words;

        Refusal(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * A pattern as a model input.
     *
     * @param values     one value per grid cell: background-free, max-scaled, {@link #UNMEASURED} outside the measured range
     * @param coverage   the measured share of the grid
     * @param refusal    why it must not be classified, if so
     * @param detail     the refusal's or the wavelength conversion's explanation, for the user
     */
    public record Prepared(float[] values, double coverage, Optional<Refusal> refusal, String detail) {
        public boolean measured(int cell) {
            return values[cell] != UNMEASURED;
        }

        /** "too little of the pattern measured (5 % of 5-80°, at least 25 % needed)" or the like. */
        public String refusalMessage() {
            return refusal.map(r -> r.words() + (detail.isEmpty() ? "" : " (" + detail + ")")).orElse("");
        }
    }

    /** A measured or simulated pattern on its own axis. */
    public Prepared prepare(Pattern pattern) {
        String note = "";
        Pattern onModelWavelength = pattern;
        Optional<Wavelength> stated = pattern.metadata().wavelength();
        if (stated.isPresent() && Math.abs(stated.get().kAlpha1() - grid.wavelength().kAlpha1()) > 1e-4) {
            onModelWavelength = convertWavelength(pattern, stated.get().kAlpha1());
            note = String.format(java.util.Locale.ROOT, "2θ converted from %.5f Å to %.5f Å", stated.get().kAlpha1(),
                    grid.wavelength().kAlpha1());
            if (onModelWavelength == null) {
                return refused(Refusal.TOO_LITTLE_MEASURED, 0, "no measured angle lies inside the model's range after converting to "
                        + grid.wavelength().kAlpha1() + " Å");
            }
        }
        GridBinning.Binned b = GridBinning.bin(onModelWavelength, grid);
        Prepared p = prepare(b.values(), b.measured());
        return note.isEmpty() || p.refusal().isPresent() ? p : new Prepared(p.values(), p.coverage(), p.refusal(), note);
    }

    /** A pattern already on the grid, measured everywhere (simulated data sets). */
    public Prepared prepareOnGrid(float[] values) {
        boolean[] all = new boolean[values.length];
        Arrays.fill(all, true);
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return prepare(d, all);
    }

    /** Values on the grid with the cells the instrument measured. */
    public Prepared prepare(double[] values, boolean[] measured) {
        if (values.length != grid.points() || measured.length != grid.points()) {
            throw new IllegalArgumentException("pattern has " + values.length + " cells, the model's grid " + grid.points());
        }
        int first = -1, last = -1, count = 0;
        for (int i = 0; i < measured.length; i++) {
            if (measured[i]) {
                first = first < 0 ? i : first;
                last = i;
                count++;
            }
        }
        double coverage = (double) count / grid.points();
        if (coverage < minCoverage) {
            String span = first < 0 ? "nothing inside " + range() : String.format(java.util.Locale.ROOT, "%.1f-%.1f°, %.0f %% of %s",
                    grid.at(first), grid.at(last), 100 * coverage, range());
            return refused(Refusal.TOO_LITTLE_MEASURED, coverage, span + "; at least " + Math.round(100 * minCoverage) + " % needed");
        }
        if (count != last - first + 1) {
            throw new IllegalArgumentException("the measured cells must form one range");
        }
        double[] seg = Arrays.copyOfRange(values, first, last + 1);
        double max = maxOf(seg);
        if (!(max > 0)) {
            return refused(Refusal.NO_SIGNAL, coverage, "every count is zero or negative");
        }
        for (int i = 0; i < seg.length; i++) {
            seg[i] = seg[i] / max * SNIP_SCALE;
        }
        if (snipHalfWidthDegrees > 0) {
            double[] bg = new SnipBackground(Math.max(1, (int) Math.round(snipHalfWidthDegrees / grid.step()))).estimate(seg);
            for (int i = 0; i < seg.length; i++) {
                seg[i] = Math.max(0, seg[i] - bg[i]);
            }
        }
        double peak = maxOf(seg);
        if (!(peak > 1e-6 * SNIP_SCALE)) {
            return refused(Refusal.NO_SIGNAL, coverage, "no peak rises above the background");
        }
        float[] out = new float[grid.points()];
        Arrays.fill(out, UNMEASURED);
        for (int i = 0; i < seg.length; i++) {
            out[first + i] = (float) (seg[i] / peak);
        }
        return new Prepared(out, coverage, Optional.empty(), "");
    }

    /** The largest value (0 for none), as Arrays.stream(values).max().orElse(0) gives it, without the stream. */
    private static double maxOf(double[] values) {
        double max = values.length == 0 ? 0 : Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private Prepared refused(Refusal why, double coverage, String detail) {
        float[] out = new float[grid.points()];
        Arrays.fill(out, UNMEASURED);
        return new Prepared(out, coverage, Optional.of(why), detail);
    }

    private String range() {
        return String.format(java.util.Locale.ROOT, "%.0f-%.0f°", grid.start(), grid.end());
    }

    /** The same d-spacings seen with the model's wavelength; null when no angle survives. */
    private Pattern convertWavelength(Pattern p, double fileLambda) {
        double ratio = grid.wavelength().kAlpha1() / fileLambda;
        double[] x = new double[p.size()];
        double[] y = new double[p.size()];
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            double s = ratio * Math.sin(Math.toRadians(p.twoTheta(i) / 2));
            if (s > 0 && s < MAX_SIN) {
                x[n] = 2 * Math.toDegrees(Math.asin(s));
                y[n] = p.intensity(i);
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        return new Pattern(Arrays.copyOf(x, n), Arrays.copyOf(y, n), p.metadata().withWavelength(grid.wavelength()));
    }

    /** What the model file records. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resampling", "bin-average");
        m.put("background", snipHalfWidthDegrees > 0 ? "snip" : "none");
        m.put("snipHalfWidthDegrees", snipHalfWidthDegrees);
        m.put("scaling", "max");
        m.put("unmeasured", UNMEASURED);
        m.put("minCoverage", minCoverage);
        return m;
    }

    public static ModelInputPreparation fromMap(TwoThetaGrid grid, Map<String, Object> m) {
        if (!"bin-average".equals(m.get("resampling")) || !"max".equals(m.get("scaling"))) {
            throw new IllegalArgumentException("unknown preprocessing " + m + "; this program knows bin-average resampling and max scaling");
        }
        return new ModelInputPreparation(grid, ((Number) m.get("snipHalfWidthDegrees")).doubleValue(),
                ((Number) m.get("minCoverage")).doubleValue());
    }
}
