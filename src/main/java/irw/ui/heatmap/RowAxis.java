package irw.ui.heatmap;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;

import java.util.List;

/**
 * The heatmap's row axis. Rows are whole numbers, so ticks fall on whole rows only (never 0.5);
 * when few rows are in view (a small batch, or zoomed in) each tick names its pattern as well.
 */
public final class RowAxis extends DefaultNumericAxis {
    /** Up to this many rows in view, ticks carry the pattern names. */
    static final int NAMED_ROWS = 30;
    private static final int NAME_CHARS = 24;
    private List<String> names = List.of();

    public RowAxis() {
        super("pattern (row)");
        setUnit(null);
        setAutoRangeRounding(false);
    }

    /** The pattern name of every row, row 0 first. */
    void setNames(List<String> rowNames) {
        names = List.copyOf(rowNames);
        requestAxisLayout();
    }

    @Override
    protected double computeTickUnit(double rangeAsked) {
        double unit = super.computeTickUnit(rangeAsked);
        if (unit <= 1) {
            return 1;
        }
        // the default supplier's steps are 1, 2.5 and 5 times a power of ten: 2.5 becomes 5
        return unit == Math.rint(unit) ? unit : Math.ceil(unit * 2);
    }

    @Override
    public String getTickMarkLabel(double value) {
        long row = Math.round(value);
        if (Math.abs(value - row) > 1e-6) {
            return ""; // not a row (should not happen with whole-number ticks)
        }
        boolean few = Math.abs(getMax() - getMin()) <= NAMED_ROWS;
        if (few && row >= 0 && row < names.size()) {
            String name = names.get((int) row);
            return row + "  " + (name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…");
        }
        return Long.toString(row);
    }
}
