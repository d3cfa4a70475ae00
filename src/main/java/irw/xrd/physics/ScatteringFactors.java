package irw.xrd.physics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Atomic X-ray scattering factors f0(s) = c + Σ a_i exp(-b_i s²), s = sinθ/λ, with the nine
 * Cromer-Mann coefficients of International Tables for Crystallography Vol. C (1992), Table 6.1.1.4
 * (neutral atoms H-Cf and their common ions), loaded from
 * {@code resources/irw/xrd/physics/cromer-mann-itc-c-6.1.1.4.tsv}.
 */
public final class ScatteringFactors {
    /** Which entry of the table an ion uses. */
    public enum Model {
        /** The ion's own entry (Mn3+), falling back to the neutral atom when the table has no such ion. */
        IONS,
        /** Always the neutral atom, as pymatgen's XRDCalculator does (it uses the element of a species). */
        NEUTRAL_ATOMS
    }

    /** a1..a4, b1..b4, c in the table's order. */
    public record Coefficients(String species, double[] a, double[] b, double c) {
        public double f0(double s2) {
            return c + a[0] * Math.exp(-b[0] * s2) + a[1] * Math.exp(-b[1] * s2) + a[2] * Math.exp(-b[2] * s2) + a[3] * Math.exp(-b[3] * s2);
        }
    }

    public static final String RESOURCE = "/irw/xrd/physics/cromer-mann-itc-c-6.1.1.4.tsv";
    private static final ScatteringFactors TABLE = load();

    private final Map<String, Coefficients> entries;

    private ScatteringFactors(Map<String, Coefficients> entries) {
        this.entries = entries;
    }

    public static ScatteringFactors table() {
        return TABLE;
    }

    private static ScatteringFactors load() {
        Map<String, Coefficients> map = new HashMap<>();
        try (InputStream in = ScatteringFactors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scattering-factor table " + RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                double[] v = new double[9];
                for (int i = 0; i < 9; i++) {
                    v[i] = Double.parseDouble(p[i + 1]);
                }
                map.put(p[0], new Coefficients(p[0], new double[]{v[0], v[1], v[2], v[3]}, new double[]{v[4], v[5], v[6], v[7]}, v[8]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScatteringFactors(map);
    }

    /** The coefficients for an element with a formal charge; throws when the element is not tabulated. */
    public Coefficients coefficients(String element, int charge, Model model) {
        if (model == Model.IONS && charge != 0) {
            Coefficients ion = entries.get(element + Math.abs(charge) + (charge > 0 ? "+" : "-"));
            if (ion != null) {
                return ion;
            }
        }
        Coefficients neutral = entries.get(element);
        if (neutral == null) {
            throw new IllegalArgumentException("no X-ray scattering factor for element '" + element + "'");
        }
        return neutral;
    }

    public boolean has(String species) {
        return entries.containsKey(species);
    }
}
