package irw.ui.common;

import irw.app.workbench.WorkbenchModel;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.converter.DoubleStringConverter;

/**
 * The α, β and λ weights of refinement, each as a slider with a numeric field. As in Bai et al.,
 * eq. 3 (L = ℓ_pred + α·ℓ_reg + β·ℓ_proto): α weighs staying close to the input, β the prototype
 * term; λ is the Q&A trade-off of per-pattern refinement (see irw.engine.PerPatternRefiner) and, in
 * classifier training, the weight of the prototype loss (Algorithm 1). Both edit the shared
 * properties of the {@link WorkbenchModel}.
 */
public final class WeightControls extends GridPane {
    public WeightControls(WorkbenchModel model, String idPrefix) {
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(4));
        row(0, idPrefix + "Alpha", "α", "weight of staying close to the input (ℓ_reg, eq. 3 and 7)", model.alphaProperty(), 0, 5);
        row(1, idPrefix + "Beta", "β", "weight of the prototype term (ℓ_proto, eq. 5 and 6)", model.betaProperty(), 0, 5);
        row(2, idPrefix + "Lambda", "λ", "preview: 0 keeps the input, 1 only pleases the classifier; classifier training: weight of the prototype loss",
                model.lambdaProperty(), 0, 1);
    }

    private void row(int r, String id, String symbol, String help, DoubleProperty value, double min, double max) {
        Label label = new Label(symbol);
        label.setTooltip(new Tooltip(help));
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id + "Slider");
        slider.setBlockIncrement((max - min) / 50);
        slider.valueProperty().bindBidirectional(value);
        TextField field = new TextField();
        field.setId(id + "Field");
        field.setPrefColumnCount(5);
        TextFormatter<Double> formatter = new TextFormatter<>(new DoubleStringConverter() {
            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.strip());
                    return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : value.get();
                } catch (NumberFormatException e) {
                    return value.get(); // an unparsable entry reverts to the current value
                }
            }

            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", v);
            }
        }, value.get());
        field.setTextFormatter(formatter);
        value.addListener((o, a, b) -> formatter.setValue(b.doubleValue()));
        formatter.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != value.get()) {
                value.set(b);
            }
        });
        GridPane.setHgrow(slider, Priority.ALWAYS);
        addRow(r, label, slider, field);
    }
}
