package irw.service;

import irw.service.api.MetricsPoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The start of a job whose trainer cannot resume mid-run (Label Refinery and MIC keep their
 * models in memory until the end, and have no checkpoint): every attempt starts from step 1 with
 * the job's seed, so a restarted job repeats the interrupted run. A restart first removes what
 * the interrupted attempt left in the job's directory, and says that it starts from the beginning
 * ({@link JobContext#started}): the history gets the {@link MetricsPoint#RESUMED} marker, then a point
 * at step 0 with {@value #RESTARTED} = the attempt number, so that it shows the run began again.
 */
final class FreshStart {
    static final String RESTARTED = MetricsPoint.RESTARTED_FROM_SCRATCH;

    private FreshStart() {
    }

    /** @param outputs files or directories inside the job's directory that an attempt writes */
    static void begin(JobContext context, long totalSteps, Path... outputs) throws IOException {
        if (context.attempt() <= 1) {
            return;
        }
        for (Path output : outputs) {
            deleteTree(output);
        }
        context.started(0, false, totalSteps);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
