package irw.ui.spectra;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.control.Label;

import java.util.function.BiFunction;

/**
 * A crosshair over the spectra with the point's coordinates in the units users read (the text
 * comes from the view model: 2θ, d and the intensity, rounded). It shows only while the mouse is
 * over the plot and has a meaningful point under it, and hides when the mouse leaves.
 * ChartFX's own CrosshairIndicator printed every digit of a double, "NaN, NaN" off the data,
 * and stayed after the mouse left. The lines and the label live in the plot area's own
 * coordinates (its local bounds, as the mouse events are), and the label has a background so that
 * the traces under it do not hide its digits.
 */
final class SpectraCrosshair extends ChartPlugin {
    private static final double LABEL_OFFSET = 12;
    private final Path lines = new Path();
    private final Label label = new Label();
    private final BiFunction<Double, Double, String> text;

    /** @param text the label for a point in data coordinates (x on the chart's axis, y), "" for none */
    SpectraCrosshair(BiFunction<Double, Double, String> text) {
        this.text = text;
        lines.getStyleClass().add("chart-crosshair-path");
        label.getStyleClass().add("chart-crosshair-label");
        lines.setManaged(false);
        label.setManaged(false);
        // never under the mouse themselves: entering them would read as leaving the plot
        lines.setMouseTransparent(true);
        label.setMouseTransparent(true);
        hide();
        getChartChildren().addAll(lines, label);
        registerInputEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        registerInputEventHandler(MouseEvent.MOUSE_DRAGGED, this::moved);
        registerInputEventHandler(MouseEvent.MOUSE_EXITED, e -> hide());
    }

    private void moved(MouseEvent e) {
        if (getChart() == null || !isMouseEventWithinCanvas(e)) {
            hide();
            return;
        }
        Axis x = getChart().getFirstAxis(Orientation.HORIZONTAL);
        Axis y = getChart().getFirstAxis(Orientation.VERTICAL);
        Point2D inPlot = getLocationInPlotArea(e);
        String shown = x == null || y == null ? "" : text.apply(x.getValueForDisplay(inPlot.getX()), y.getValueForDisplay(inPlot.getY()));
        if (shown.isEmpty()) {
            hide();
            return;
        }
        Bounds plot = getChart().getPlotArea().getBoundsInLocal();
        lines.getElements().setAll(new MoveTo(plot.getMinX() + 1, e.getY()), new LineTo(plot.getMaxX(), e.getY()),
                new MoveTo(e.getX(), plot.getMinY() + 1), new LineTo(e.getX(), plot.getMaxY()));
        label.setText(shown);
        double w = label.prefWidth(-1);
        double h = label.prefHeight(w);
        double lx = e.getX() + LABEL_OFFSET + w > plot.getMaxX() ? e.getX() - LABEL_OFFSET - w : e.getX() + LABEL_OFFSET;
        double ly = e.getY() + LABEL_OFFSET + h > plot.getMaxY() ? e.getY() - LABEL_OFFSET : e.getY() + LABEL_OFFSET + h;
        label.resizeRelocate(lx, ly - h, w, h);
        lines.setVisible(true);
        label.setVisible(true);
    }

    private void hide() {
        lines.setVisible(false);
        label.setVisible(false);
    }

    /** The two lines (for tests: they span the plot area and cross at the mouse). */
    Path lines() {
        return lines;
    }

    /** The coordinates text, and whether it shows (for tests). */
    Label label() {
        return label;
    }
}
