package irw.app.models;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The models the workbench works with now: one XRD classifier (with its refiner network when one
 * was loaded beside it), one digit classifier and one MIC model of digits. View models observe it; only
 * {@link ModelsViewModel} changes it. One per window.
 */
public final class LoadedModels {
    private final ObjectProperty<XrdModels> xrd = new SimpleObjectProperty<>(this, "xrd");
    private final ObjectProperty<DigitRefinement> digits = new SimpleObjectProperty<>(this, "digits");
    private final ObjectProperty<DigitMic> mic = new SimpleObjectProperty<>(this, "mic");
    private final StringBinding summary = Bindings.createStringBinding(() -> "models: "
            + (xrd.get() == null ? "no XRD model" : "XRD " + xrd.get().description())
            + " · " + (digits.get() == null ? "no digit model" : "digits " + digits.get().description())
            + (mic.get() == null ? "" : " · MIC " + mic.get().description()), xrd, digits, mic);

    /** Which models are active, for the status bar: "models: XRD a.irwm + b.irwm · digits c.irwm · MIC d". */
    public StringBinding summary() {
        return summary;
    }

    /** The XRD classifier (predictions, embeddings, the live preview) and its refiner; null while none is loaded. */
    public ObjectProperty<XrdModels> xrdProperty() {
        return xrd;
    }

    public XrdModels xrd() {
        return xrd.get();
    }

    /** The digit classifier of the Digits view; null while none is loaded. */
    public ObjectProperty<DigitRefinement> digitsProperty() {
        return digits;
    }

    public DigitRefinement digits() {
        return digits.get();
    }

    /** The Modular Inverse Classification model of the Digits view (its class generators); null while none is loaded. */
    public ObjectProperty<DigitMic> micProperty() {
        return mic;
    }

    public DigitMic mic() {
        return mic.get();
    }
}
