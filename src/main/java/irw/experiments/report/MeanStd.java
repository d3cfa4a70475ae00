package irw.experiments.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * The mean and sample standard deviation (n − 1 in the denominator) of one number measured over
 * several seeds. Every number a report shows is one of these, so the spread is never hidden.
 *
 * @param values the per-seed values, in seed order
 */
public record MeanStd(double mean, double std, double[] values) {

    public MeanStd {
        values = values.clone();
    }

    public static MeanStd of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to aggregate");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN;
        return new MeanStd(mean, std, values);
    }

    public int n() {
        return values.length;
    }

    /** The median of the per-seed values. */
    public double median() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** "71.28 ± 1.05" with the given number of decimals; a single value shows "± n/a". */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        String s = Double.isNaN(std) ? "n/a" : String.format(Locale.ROOT, f, std);
        return String.format(Locale.ROOT, f, mean) + " ± " + s;
    }

    /** As {@link #format(int)}, values in [0, 1] shown as percentages. */
    public String formatPercent(int decimals) {
        return new MeanStd(mean * 100, std * 100, values).format(decimals) + " %";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeanStd m && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return format(4) + " (n=" + values.length + ")";
    }
}
