package irw.core;

/**
 * Puts measured counts onto a {@link TwoThetaGrid} by averaging every point that falls into a grid
 * cell (cells are centred on the grid points, one step wide). A 0.01° scan on the 0.0375° model grid
 * thus keeps all its counts instead of the quarter that linear interpolation between neighbours
 * samples, and its counting noise is averaged instead of aliased. Cells inside the measured range
 * that no point falls into (a scan coarser than the grid) are interpolated linearly between the
 * neighbouring measured points. Cells outside the measured range are not measured: they carry no
 * value, and {@link Binned#measured()} says so.
 */
public final class GridBinning {
    private GridBinning() {
    }

    /**
     * @param values   the mean counts of each cell (0 where not measured)
     * @param measured whether the instrument measured the cell's 2θ
     */
    public record Binned(double[] values, boolean[] measured) {
        /** The share of the grid's cells that were measured. */
        public double coverage() {
            int n = 0;
            for (boolean m : measured) {
                if (m) {
                    n++;
                }
            }
            return (double) n / measured.length;
        }
    }

    /** The pattern on the grid; its axis must already be in the grid's wavelength. */
    public static Binned bin(Pattern pattern, TwoThetaGrid grid) {
        int n = grid.points();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int i = 0; i < pattern.size(); i++) {
            long cell = Math.round(grid.indexOf(pattern.twoTheta(i)));
            if (cell >= 0 && cell < n) {
                sum[(int) cell] += pattern.intensity(i);
                count[(int) cell]++;
            }
        }
        double[] values = new double[n];
        boolean[] measured = new boolean[n];
        int j = 0;
        for (int c = 0; c < n; c++) {
            double x = grid.at(c);
            if (x < pattern.firstTwoTheta() - grid.step() / 2 || x > pattern.lastTwoTheta() + grid.step() / 2) {
                continue;
            }
            measured[c] = true;
            if (count[c] > 0) {
                values[c] = sum[c] / count[c];
                continue;
            }
            while (j < pattern.size() - 2 && pattern.twoTheta(j + 1) < x) {
                j++;
            }
            double x0 = pattern.twoTheta(j);
            double x1 = pattern.twoTheta(j + 1);
            double t = Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
            values[c] = pattern.intensity(j) * (1 - t) + pattern.intensity(j + 1) * t;
        }
        return new Binned(values, measured);
    }
}
