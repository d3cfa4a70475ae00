package irw.experiments;

import irw.core.PatternMetrics;

/**
 * Views of a model-space item (the classifier's prepared input, or a refined one) restricted to
 * the cells the instrument measured: the preparation marks the others with a negative value (−1).
 */
public final class MeasuredCells {
    private MeasuredCells() {
    }

    /** The measured values, in order. */
    public static float[] values(float[] item) {
        int n = 0;
        for (float v : item) {
            n += v >= 0 ? 1 : 0;
        }
        float[] out = new float[n];
        for (int i = 0, k = 0; i < item.length; i++) {
            if (item[i] >= 0) {
                out[k++] = item[i];
            }
        }
        return out;
    }

    /** Roughness: the total variation of the measured cells scaled to a maximum of 1. */
    public static double roughness(float[] item) {
        return PatternMetrics.totalVariation(GroundTruthDistances.maxScaled(values(item)));
    }

    /** Cells where {@code refined} breaks the mask of {@code raw}: measured in one and not the other, or unmeasured but changed. */
    public static int maskViolations(float[] raw, float[] refined) {
        int bad = 0;
        for (int i = 0; i < raw.length; i++) {
            bad += (raw[i] < 0) != (refined[i] < 0) || (raw[i] < 0 && refined[i] != raw[i]) ? 1 : 0;
        }
        return bad;
    }
}
