package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns the raw columns a reader found into a valid {@link Pattern}, or says precisely why not.
 *
 * <p>Axis policy: a strictly increasing 2θ axis is taken as it is. A strictly decreasing one (a scan
 * run from high to low angle) is reversed together with its intensities, which loses nothing, and
 * the metadata records {@code axis_reversed=true}. Anything else (a repeated angle, a zig-zag) is
 * not one scan and is rejected, naming the first offending point. NaN or infinite values are
 * rejected, naming the point.
 */
final class ScanAssembly {
    /** More points than any 1-D scan has; a header claiming more is corrupt. */
    static final int MAX_POINTS = 20_000_000;

    private ScanAssembly() {
    }

    static Pattern toPattern(SourceFile src, double[] twoTheta, double[] intensity, PatternMetadata metadata,
                             IntFunction<String> where) throws PatternFormatException {
        int n = twoTheta.length;
        if (n != intensity.length) {
            throw src.fail(n + " angles but " + intensity.length + " intensities");
        }
        if (n < 2) {
            throw src.fail(n == 0 ? "no data points" : "only 1 data point; a pattern needs at least 2");
        }
        if (n > MAX_POINTS) {
            throw src.fail(n + " points, more than any 1-D scan has (" + MAX_POINTS + "): a corrupt or forged file");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(twoTheta[i])) {
                throw src.fail(where.apply(i) + ": 2θ is " + twoTheta[i] + ", not a finite number");
            }
            if (!Double.isFinite(intensity[i])) {
                throw src.fail(where.apply(i) + ": intensity is " + intensity[i] + ", not a finite number");
            }
        }
        boolean increasing = twoTheta[1] > twoTheta[0];
        for (int i = 1; i < n; i++) {
            boolean ok = increasing ? twoTheta[i] > twoTheta[i - 1] : twoTheta[i] < twoTheta[i - 1];
            if (!ok) {
                throw src.fail(where.apply(i) + ": 2θ axis is not monotonic (" + twoTheta[i - 1] + " then "
                        + twoTheta[i] + "); a scan must run strictly up or strictly down in angle");
            }
        }
        PatternMetadata md = metadata;
        if (!increasing) {
            reverse(twoTheta);
            reverse(intensity);
            md = md.withExtras(Map.of("axis_reversed", "true"));
        }
        return new Pattern(twoTheta, intensity, md);
    }

    /** Checks a point count from an untrusted header against what the remaining bytes can hold. */
    static int checkedCount(SourceFile src, long count, long bytesPerPoint, long bytesAvailable, String what)
            throws PatternFormatException {
        if (count < 0 || count > MAX_POINTS) {
            throw src.fail(what + " claims " + count + " points, which is not a plausible scan length");
        }
        if (bytesPerPoint > 0 && count * bytesPerPoint > bytesAvailable) {
            throw src.fail(what + " claims " + count + " points of " + bytesPerPoint + " bytes but only "
                    + bytesAvailable + " bytes follow: the file is truncated or corrupt");
        }
        return (int) count;
    }

    /** An evenly stepped axis: start + i·step, checked for a sane count. */
    static double[] steppedAxis(SourceFile src, double start, double step, int count) throws PatternFormatException {
        if (!Double.isFinite(start) || !Double.isFinite(step) || step == 0) {
            throw src.fail("scan start " + start + "° and step " + step + "° do not define an axis");
        }
        double[] axis = new double[count];
        for (int i = 0; i < count; i++) {
            axis[i] = start + i * step;
        }
        return axis;
    }

    /** An axis from start to end in {@code count} equal steps, as XRDML and RASX describe it. */
    static double[] linearAxis(SourceFile src, double start, double end, int count) throws PatternFormatException {
        if (!Double.isFinite(start) || !Double.isFinite(end) || start == end) {
            throw src.fail("scan from " + start + "° to " + end + "° does not define an axis");
        }
        if (count < 2) {
            throw src.fail("only " + count + " data point(s); a pattern needs at least 2");
        }
        double[] axis = new double[count];
        double step = (end - start) / (count - 1);
        for (int i = 0; i < count; i++) {
            axis[i] = start + i * step;
        }
        axis[count - 1] = end;
        return axis;
    }

    /** Several scans from one file get "name scan 1", "name scan 2"... so they stay apart in exports. */
    static List<Pattern> numbered(List<Pattern> patterns, String word) {
        if (patterns.size() < 2) {
            return patterns;
        }
        List<Pattern> out = new java.util.ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            out.add(p.withMetadata(p.metadata().withSampleName(p.name() + " " + word + " " + (i + 1))));
        }
        return out;
    }

    static Map<String, String> extras(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null && !keyValues[i + 1].isBlank()) {
                m.put(keyValues[i], keyValues[i + 1].strip());
            }
        }
        return m;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
