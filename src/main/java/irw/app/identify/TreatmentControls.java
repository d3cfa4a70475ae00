package irw.app.identify;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The Identify view's switches on the measured pattern: SNIP background width and "subtract", Kα2
 * stripping, smoothing, and the peak list's threshold. They change what is shown, never the file's data
 * (switching one off is its undo).
 */
public final class TreatmentControls {
    private final DoubleProperty backgroundWidth = new SimpleDoubleProperty(this, "backgroundWidth", PatternTreatment.DEFAULT_BACKGROUND_WIDTH);
    private final DoubleProperty minPeakPercent = new SimpleDoubleProperty(this, "minPeakPercent", PatternTreatment.DEFAULT_MIN_PERCENT);
    private final BooleanProperty subtractBackground = new SimpleBooleanProperty(this, "subtractBackground");
    private final BooleanProperty stripKAlpha2 = new SimpleBooleanProperty(this, "stripKAlpha2");
    private final BooleanProperty smooth = new SimpleBooleanProperty(this, "smooth");

    TreatmentControls() {
    }

    /** The steps the switches stand for now. */
    PatternTreatment steps() {
        return new PatternTreatment(backgroundWidth.get(), subtractBackground.get(), stripKAlpha2.get(), smooth.get(), minPeakPercent.get());
    }

    /** Calls {@code changed} whenever a switch moves. */
    void onChange(InvalidationListener changed) {
        backgroundWidth.addListener(changed);
        minPeakPercent.addListener(changed);
        subtractBackground.addListener(changed);
        stripKAlpha2.addListener(changed);
        smooth.addListener(changed);
    }

    public DoubleProperty backgroundWidthProperty() {
        return backgroundWidth;
    }

    /** The peak list keeps peaks at least this many percent of the strongest. */
    public DoubleProperty minPeakPercentProperty() {
        return minPeakPercent;
    }

    public BooleanProperty subtractBackgroundProperty() {
        return subtractBackground;
    }

    /** Rachinger Kα2 stripping; only offered when the wavelength states Kα1 and Kα2. */
    public BooleanProperty stripKAlpha2Property() {
        return stripKAlpha2;
    }

    public BooleanProperty smoothProperty() {
        return smooth;
    }
}
