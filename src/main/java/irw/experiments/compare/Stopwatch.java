package irw.experiments.compare;

/**
 * Wall-clock and process CPU time of one piece of work. CPU time is the whole JVM's (every thread,
 * native OpenMP threads of ND4J included), so on an otherwise idle JVM it is the work's CPU cost; the
 * comparison runs one method at a time so that this holds.
 */
record Stopwatch(long wallStart, long cpuStart) {
    static Stopwatch start() {
        return new Stopwatch(System.nanoTime(), cpuNanos());
    }

    double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    double cpuSeconds() {
        return Math.max(0, cpuNanos() - cpuStart) / 1e9;
    }

    static long cpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
