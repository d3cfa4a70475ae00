package irw.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.converter.DoubleStringConverter;

import java.util.Locale;

/**
 * One loss weight (α, β or λ of Bai et al., eq. 3-7) as a slider with a numeric field, for use in
 * FXML ({@code <WeightSlider id="previewAlpha" symbol="α" max="5" help="…"/>}). The slider and the
 * field take their ids from the control's: {@code previewAlphaSlider}, {@code previewAlphaField}.
 * A typed value is clamped to the slider's range; an unparsable one reverts to the current value.
 */
public final class WeightSlider extends HBox {
    private final Label symbol = new Label();
    private final Slider slider = new Slider(0, 1, 0);
    private final TextField field = new TextField();
    private final Tooltip help = new Tooltip();
    private final TextFormatter<Double> formatter;
    private DoubleProperty bound;

    public WeightSlider() {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        symbol.setMinWidth(14);
        symbol.setTooltip(help);
        slider.setTooltip(help);
        field.setPrefColumnCount(5);
        HBox.setHgrow(slider, Priority.ALWAYS);
        formatter = new TextFormatter<>(new DoubleStringConverter() {
            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.strip());
                    return Double.isFinite(v) ? Math.max(slider.getMin(), Math.min(slider.getMax(), v)) : slider.getValue();
                } catch (NumberFormatException e) {
                    return slider.getValue();
                }
            }

            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
            }
        }, 0.0);
        field.setTextFormatter(formatter);
        slider.valueProperty().addListener((o, a, b) -> formatter.setValue(b.doubleValue()));
        formatter.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != slider.getValue()) {
                slider.setValue(b);
            }
        });
        idProperty().addListener((o, a, id) -> {
            slider.setId(id == null ? null : id + "Slider");
            field.setId(id == null ? null : id + "Field");
        });
        getChildren().addAll(symbol, slider, field);
    }

    /** Shows and edits {@code value} (the slider follows it, and it follows the slider and the field). */
    public void bindBidirectional(DoubleProperty value) {
        if (bound != null) {
            slider.valueProperty().unbindBidirectional(bound);
        }
        bound = value;
        slider.valueProperty().bindBidirectional(value);
        formatter.setValue(value.get());
    }

    public String getSymbol() {
        return symbol.getText();
    }

    public void setSymbol(String text) {
        symbol.setText(text);
    }

    public double getMin() {
        return slider.getMin();
    }

    public void setMin(double min) {
        slider.setMin(min);
        slider.setBlockIncrement((slider.getMax() - min) / 50);
    }

    public double getMax() {
        return slider.getMax();
    }

    public void setMax(double max) {
        slider.setMax(max);
        slider.setBlockIncrement((max - slider.getMin()) / 50);
    }

    /** What the weight does, shown as the tooltip of the symbol and the slider. */
    public String getHelp() {
        return help.getText();
    }

    public void setHelp(String text) {
        help.setText(text);
    }
}
