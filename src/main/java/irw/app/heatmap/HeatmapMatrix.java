package irw.app.heatmap;

import irw.app.workbench.PatternEntry;

import java.util.List;

/**
 * A batch × 2θ image: row r is {@code rows.get(r)} on the grid {@code twoTheta}; {@code z} is
 * row-major ({@code z[r * columns + c]}). Rows without the requested quantity (not refined yet,
 * no ground truth) are zero and listed in {@code missing}.
 */
public record HeatmapMatrix(HeatmapKind kind, double[] twoTheta, List<PatternEntry> rows, double[] z,
                            double zMin, double zMax, int missing) {
    public int columns() {
        return twoTheta.length;
    }

    public int rowCount() {
        return rows.size();
    }

    public double at(int row, int column) {
        return z[row * twoTheta.length + column];
    }
}
