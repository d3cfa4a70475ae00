package irw.engine.mic;

import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;

import java.util.Map;

/**
 * Follows MIC training and classification. {@link #isCancelled} is polled before every step; a
 * cancelled call throws {@link java.util.concurrent.CancellationException} (a generator set with
 * missing classes, or half a classification, is of no use).
 */
public interface MicListener {
    /** The value {@link #of} reports the generator's class index under (a position, not a quantity). */
    String CLASS = "class";

    MicListener NONE = p -> { };

    void onProgress(MicProgress progress);

    default boolean isCancelled() {
        return false;
    }

    /**
     * Reports to an engine TrainingListener, epoch 0: values "class" and, while training, "loss" (a
     * NaN training loss is passed on, so that the listener sees the divergence). Classification
     * reports carry no loss: MicProgress holds NaN there, and listeners such as the training
     * service take a non-finite value for a diverged run.
     */
    static MicListener of(TrainingListener listener) {
        return new MicListener() {
            @Override
            public void onProgress(MicProgress p) {
                Map<String, Double> values = "train".equals(p.phase())
                        ? Map.of("loss", p.value(), CLASS, (double) p.classIndex())
                        : Map.of(CLASS, (double) p.classIndex());
                listener.onMetrics(new TrainingMetrics(0, p.step(), p.totalSteps(), values));
            }

            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
    }
}
