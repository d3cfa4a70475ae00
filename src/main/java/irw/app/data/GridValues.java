package irw.app.data;

import irw.core.Pattern;
import irw.core.TwoThetaGrid;

import java.util.Arrays;

/**
 * A pattern that covers only some cells of the models' grid (refined patterns and model inputs
 * keep to the measured range) spread over the whole grid, for views that need one value per cell.
 */
public final class GridValues {
    private GridValues() {
    }

    /** One value per grid cell: the pattern's value at its cells, {@code fill} elsewhere. */
    public static double[] of(Pattern p, TwoThetaGrid grid, double fill) {
        double[] out = new double[grid.points()];
        Arrays.fill(out, fill);
        for (int i = 0; i < p.size(); i++) {
            int cell = (int) Math.round(grid.indexOf(p.twoTheta(i)));
            if (cell >= 0 && cell < out.length) {
                out[cell] = p.intensity(i);
            }
        }
        return out;
    }
}
