package irw.xrd.physics;

import java.util.Arrays;

/**
 * Sticks as parallel arrays that a renderer reuses from pattern to pattern (no object per stick): the
 * hot path of on-the-fly training patterns renders thousands of patterns a second. Not thread-safe;
 * one per thread.
 */
public final class StickBuffer {
    private double[] twoTheta = new double[64];
    private double[] d = new double[64];
    private double[] intensity = new double[64];
    private int size;

    public int size() {
        return size;
    }

    public double twoTheta(int i) {
        return twoTheta[i];
    }

    public double d(int i) {
        return d[i];
    }

    public double intensity(int i) {
        return intensity[i];
    }

    public StickBuffer clear() {
        size = 0;
        return this;
    }

    public void add(double twoThetaDeg, double dSpacing, double integratedIntensity) {
        if (size == twoTheta.length) {
            int n = 2 * size;
            twoTheta = Arrays.copyOf(twoTheta, n);
            d = Arrays.copyOf(d, n);
            intensity = Arrays.copyOf(intensity, n);
        }
        twoTheta[size] = twoThetaDeg;
        d[size] = dSpacing;
        intensity[size] = integratedIntensity;
        size++;
    }

    /** Drops the sticks weaker than {@code fraction} of the strongest (order kept). */
    void dropWeakerThan(double fraction) {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, intensity[i]);
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (intensity[i] >= fraction * max) {
                twoTheta[kept] = twoTheta[i];
                d[kept] = d[i];
                intensity[kept] = intensity[i];
                kept++;
            }
        }
        size = kept;
    }

    /** The sticks of a stick pattern. */
    public static StickBuffer of(StickPattern pattern) {
        StickBuffer b = new StickBuffer();
        for (Stick s : pattern.sticks()) {
            b.add(s.twoTheta(), s.d(), s.intensity());
        }
        return b;
    }
}
