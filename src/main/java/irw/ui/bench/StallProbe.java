package irw.ui.bench;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the FX thread is unavailable: every 5 ms a probe is queued with runLater, and
 * the longest time a probe waited is the longest stall a user would feel as a frozen window.
 */
final class StallProbe {
    private final AtomicLong longestNanos = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long longestAt;
    private final AtomicLong longestAfterFirstSecond = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final Thread thread;

    StallProbe() {
        thread = new Thread(this::loop, "fx-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private volatile long postedAt;
    private volatile Thread fxThread;

    private void loop() {
        boolean trace = Boolean.getBoolean("irw.bench.trace");
        while (running.get()) {
            if (trace && inFlight.get() && fxThread != null && System.nanoTime() - postedAt > 60_000_000L) {
                StackTraceElement[] st = fxThread.getStackTrace();
                StringBuilder sb = new StringBuilder("FX busy " + (System.nanoTime() - postedAt) / 1_000_000 + " ms:");
                for (int i = 0; i < Math.min(st.length, 40); i++) {
                    sb.append("\n    ").append(st[i]);
                }
                System.err.println(sb);
            }
            if (inFlight.compareAndSet(false, true)) {
                long posted = System.nanoTime();
                postedAt = posted;
                Platform.runLater(() -> {
                    fxThread = Thread.currentThread();
                    long waited = System.nanoTime() - posted;
                    if (posted - started > 1_000_000_000L) {
                        longestAfterFirstSecond.accumulateAndGet(waited, Math::max);
                    }
                    if (waited > longestNanos.get()) {
                        longestNanos.set(waited);
                        longestAt = posted - started;
                    }
                    inFlight.set(false);
                });
            }
            try {
                Thread.sleep(trace ? 20 : 5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Seconds after the probe started at which the longest stall began. */
    double longestAtSeconds() {
        return longestAt / 1e9;
    }

    /** The longest stall that began after the first second (the first rows' cold start excluded), in ms. */
    double longestAfterFirstSecondMillis() {
        return longestAfterFirstSecond.get() / 1e6;
    }

    /** Stops probing; returns the longest stall in milliseconds. */
    double stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return longestNanos.get() / 1e6;
    }
}
