package irw.service;

/**
 * Wakes whoever follows jobs (event streams, idle workers) when any job changes. The store stays
 * the single source of truth: a woken listener re-reads it, so nothing is lost or reordered
 * between a wake-up and the next.
 */
public final class JobEvents {
    private long version;

    public synchronized void changed() {
        version++;
        notifyAll();
    }

    public synchronized long version() {
        return version;
    }

    /** Waits until something changed after {@code seenVersion}; false on time-out. */
    public synchronized boolean awaitChange(long seenVersion, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (version == seenVersion) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
