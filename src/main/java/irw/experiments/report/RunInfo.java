package irw.experiments.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader needs to re-run a reproduction: the command, the seeds, every setting, the data
 * and how long it took. Written at the top of each report.
 */
public final class RunInfo {
    private final String command;
    private final List<Long> seeds;
    private final Instant started = Instant.now();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final List<Long> completed = new ArrayList<>();

    public RunInfo(String command, List<Long> seeds) {
        if (seeds.size() < 3) {
            throw new IllegalArgumentException("every number must be a mean over at least 3 seeds, got " + seeds.size());
        }
        this.command = command;
        this.seeds = List.copyOf(seeds);
    }

    public RunInfo setting(String name, Object value) {
        settings.put(name, String.valueOf(value));
        return this;
    }

    public RunInfo note(String text) {
        notes.add(text);
        return this;
    }

    /** Adds time to a named phase (e.g. "classifier training"), summed over seeds. */
    public synchronized void addTime(String phase, Duration d) {
        phases.merge(phase, d, Duration::plus);
    }

    /** Marks a seed as finished; a report written before all are finished says it is partial. */
    public synchronized void completed(long seed) {
        completed.add(seed);
    }

    public synchronized boolean finished() {
        return completed.containsAll(seeds);
    }

    public List<Long> seeds() {
        return seeds;
    }

    public Duration elapsed() {
        return Duration.between(started, Instant.now());
    }

    /** The "How this was run" section. */
    public void writeTo(MarkdownReport report) {
        report.heading(2, "How this was run");
        List<String> lines = new ArrayList<>();
        lines.add("command: `" + command + "`");
        lines.add("started: " + started + ", wall time " + format(elapsed()) + ", process CPU time " + format(processCpuTime()) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores (Java " + System.getProperty("java.version") + "; on a shared "
                + "machine the wall time overstates, CPU time / cores is the better guide to an idle machine's wall time)");
        lines.add("seeds: " + seeds + " (every number below is mean ± sample std over these " + seeds.size() + " seeds)");
        if (!finished()) {
            lines.add("**PARTIAL REPORT: seeds finished so far " + completed + "; numbers are over those only** (the run is still going or was stopped)");
        }
        settings.forEach((k, v) -> lines.add(k + ": " + v));
        phases.forEach((k, v) -> lines.add("time in " + k + ": " + format(v)));
        lines.addAll(notes);
        report.bullets(lines);
    }

    /** CPU time of this JVM so far (all threads, native code included), or zero where the platform does not say. */
    static Duration processCpuTime() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(Math.max(0, os.getProcessCpuTime()));
        }
        return Duration.ZERO;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
