package irw.core;

import java.util.Optional;

/**
 * Whether a pattern holds anything a model can judge on its 2θ grid. A classifier given nothing
 * still answers with a class ("tetragonal 0.1488" for an all-zero pattern, "trigonal 1.000" for
 * all-negative counts), so such inputs are refused with the reason instead: no point inside the
 * model's range, or, inside it, intensities that are all zero, all negative, or all equal.
 */
public final class SignalCheck {
    private SignalCheck() {
    }

    /** Why {@code pattern} cannot be classified on {@code grid}, or empty when it can. */
    public static Optional<String> refusal(Pattern pattern, TwoThetaGrid grid) {
        double lo = Math.min(grid.start(), grid.end());
        double hi = Math.max(grid.start(), grid.end());
        int inside = 0;
        int finite = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pattern.size(); i++) {
            double t = pattern.twoTheta(i);
            double v = pattern.intensity(i);
            if (t < lo || t > hi) {
                continue;
            }
            inside++;
            if (Double.isFinite(v)) {
                finite++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        String range = number(lo) + "-" + number(hi) + "°";
        if (inside < 2) {
            String own = pattern.size() == 0 ? "(no points)" : number(pattern.firstTwoTheta()) + "-" + number(pattern.lastTwoTheta()) + "°";
            return Optional.of("its 2θ range " + own + " lies outside the model's range " + range + " (" + inside + " point"
                    + (inside == 1 ? "" : "s") + " inside)");
        }
        if (finite == 0) {
            return Optional.of("no finite intensity inside the model's range " + range);
        }
        if (max == 0 && min == 0) {
            return Optional.of("all " + inside + " intensities inside the model's range " + range + " are zero: nothing was measured there");
        }
        if (max < 0) {
            return Optional.of("all intensities inside the model's range " + range + " are negative (the largest is " + number(max)
                    + "): counts are never negative; was a background subtracted?");
        }
        if (max <= 0) {
            return Optional.of("no intensity inside the model's range " + range + " is above zero");
        }
        if (max == min) {
            return Optional.of("all intensities inside the model's range " + range + " are equal (" + number(max) + "): no peak to judge");
        }
        return Optional.empty();
    }

    /** 5, 80, 100.25, -100: as few digits as the value needs (at most 4 decimals). */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
