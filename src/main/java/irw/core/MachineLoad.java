package irw.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load as benches print it next to every figure: a timing on 2 cores shared with other
 * jobs means little without it (the same step measured 1.06× and 2.07× PyTorch's at different loads).
 */
public final class MachineLoad {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {
    }

    /** The 1-minute load average, or NaN where the system does not publish it. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** "load average 17.4 on 2 cores" (or "load average unknown on 2 cores"). */
    public static String describe() {
        double l = oneMinute();
        int cores = Runtime.getRuntime().availableProcessors();
        return Double.isNaN(l) ? "load average unknown on " + cores + " cores"
                : String.format(Locale.ROOT, "load average %.1f on %d cores", l, cores);
    }
}
