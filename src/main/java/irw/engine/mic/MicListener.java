package irw.engine.mic;

/**
 * Follows MIC training and classification. {@link #isCancelled} is polled before every step; a
 * cancelled call throws {@link java.util.concurrent.CancellationException} (a generator set with
 * missing classes, or half a classification, is of no use).
 */
public interface MicListener {
    MicListener NONE = p -> { };

    void onProgress(MicProgress progress);

    default boolean isCancelled() {
        return false;
    }
}
