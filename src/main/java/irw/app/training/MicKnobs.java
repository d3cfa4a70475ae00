package irw.app.training;

import irw.service.MicSettings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Training form's knobs of a mic run (Modular Inverse Classification), starting at the service's defaults. */
public final class MicKnobs {
    private final IntegerProperty types = new SimpleIntegerProperty(this, "micTypes", MicSettings.DEFAULTS.types());
    private final StringProperty selection = new SimpleStringProperty(this, "micSelection", MicSettings.DEFAULTS.selection());
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "micIterations", MicSettings.DEFAULTS.iterations());
    private final DoubleProperty noiseIn = new SimpleDoubleProperty(this, "micNoiseIn", MicSettings.DEFAULTS.noiseIn());
    private final DoubleProperty noiseOut = new SimpleDoubleProperty(this, "micNoiseOut", MicSettings.DEFAULTS.noiseOut());

    /** Adds the five knobs under the service's own field names. */
    void putInto(ObjectNode hyper) {
        hyper.put("types", types.get());
        hyper.put("selection", selection.get());
        hyper.put("iterations", iterations.get());
        hyper.put("noiseIn", noiseIn.get());
        hyper.put("noiseOut", noiseOut.get());
    }

    /** Training items (types) per class, each with its own one-hot input (Hobbhahn 3.2). */
    public IntegerProperty typesProperty() {
        return types;
    }

    /** How the types are chosen, "clustered" (k-means) or "random" (3.5.1). */
    public StringProperty selectionProperty() {
        return selection;
    }

    /** Adam steps per class generator. */
    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    /** Standard deviation of the noise on the generators' one-hot input in training (3.5.2). */
    public DoubleProperty noiseInProperty() {
        return noiseIn;
    }

    /** Standard deviation of the noise on the generators' target sequence in training (3.5.2). */
    public DoubleProperty noiseOutProperty() {
        return noiseOut;
    }
}
