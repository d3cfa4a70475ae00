package irw.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.function.Supplier;

/**
 * Runs work with a given number of OpenMP threads for the native ops called from THIS thread.
 * <p>
 * Why: a batch-1 gradient step of a small network is a chain of ~110 tiny ops. libgomp's helper
 * threads spin between parallel regions (the default active wait policy); when the process has a
 * single OpenMP team and the cores are busy (training in another process), the spinning thread and
 * the descheduled one stall every op. Per-pattern refinement then took 2.7-6.7 s for 15 steps instead
 * of 0.2-0.5 s on one thread. With OMP_WAIT_POLICY=passive, or in a process where other threads
 * already run OpenMP work (libgomp then throttles spinning, as in the workbench), two threads are
 * fine again and, on busy cores, up to 1.2-3× faster than one. One thread is still the default of
 * {@link PerPatternRefiner}: never pathological, and its results do not depend on OMP_NUM_THREADS
 * (one and two threads differ by up to 0.07 per pixel after 15 digit steps). The count is a per-thread
 * setting (verified: setting it on one Java thread leaves other threads, and later ones, at the
 * process default), so training elsewhere keeps its threads.
 */
final class OpenMpThreads {
    private OpenMpThreads() {
    }

    /** Runs {@code work} with {@code threads} OpenMP threads on this thread (0: leave as is), then restores the previous count. */
    static <T> T with(int threads, Supplier<T> work) {
        if (threads <= 0 || !Nd4j.getEnvironment().isCPU()) {
            return work.get();
        }
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        if (before == threads) {
            return work.get();
        }
        ops.setOmpNumThreads(threads);
        try {
            return work.get();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }
}
