package irw.ui.bench;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Starting JavaFX for a benchmark, headless where there is no display, and timing FX frames. */
final class FxBenchSupport {
    private FxBenchSupport() {
    }

    /** Starts the toolkit; on a machine without a display, on Monocle's headless glass. */
    static void startToolkit() throws Exception {
        boolean noDisplay = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
        if (noDisplay && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
    }

    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(120, TimeUnit.SECONDS);
    }

    static void onFx(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Milliseconds from running {@code change} on the FX thread until the frame it causes is fully
     * processed: layout, ChartFX's canvas drawing and the scene sync (measured from a runLater
     * queued after the pulse's layout phase).
     */
    static double frameMillis(Scene scene, Runnable change) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        long[] start = new long[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(() -> done.complete(System.nanoTime()));
        };
        Platform.runLater(() -> {
            start[0] = System.nanoTime();
            change.run();
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        long end = done.get(60, TimeUnit.SECONDS);
        return (end - start[0]) / 1e6;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }
}
