package irw.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.function.Supplier;

/**
 * Runs work with a given number of OpenMP threads for the native ops called from THIS thread.
 * <p>
 * Why: a batch-1 gradient step of a small network is a chain of tiny ops. With OMP_NUM_THREADS = 2
 * on a machine whose cores are busy (training in another process), every op's parallel region waits
 * for a thread that is not scheduled; per-pattern refinement measured 2.5-27× slower than on one thread
 * (15 steps of a digit: 5.0-6.7 s against 0.24-0.53 s; 2,000 points: 0.7-5.6 s against 0.26-0.69 s). The
 * OpenMP thread count is a per-thread setting (verified: setting it on one Java thread leaves the
 * others, and threads started later, at the process default), so training elsewhere keeps its threads.
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
