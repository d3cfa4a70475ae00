package irw.core;

/**
 * An evenly spaced 2θ axis that models work on. The paper's XRD patterns have 2,000 points
 * between 5° and 80° (Cu Kα).
 */
public record TwoThetaGrid(double start, double end, int points, Wavelength wavelength) {

    public static final TwoThetaGrid DEFAULT = new TwoThetaGrid(5.0, 80.0, 2000, Wavelength.CU_KALPHA);

    public TwoThetaGrid {
        if (!(end > start) || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("grid needs start < end, got " + start + " to " + end);
        }
        if (points < 2) {
            throw new IllegalArgumentException("grid needs at least 2 points, got " + points);
        }
    }

    public double step() {
        return (end - start) / (points - 1);
    }

    public double at(int i) {
        return start + i * step();
    }

    public double[] axis() {
        double[] axis = new double[points];
        for (int i = 0; i < points; i++) {
            axis[i] = at(i);
        }
        return axis;
    }

    /** Fractional index of a 2θ value on this grid (may lie outside [0, points-1]). */
    public double indexOf(double twoTheta) {
        return (twoTheta - start) / step();
    }
}
