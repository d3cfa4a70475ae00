package irw.cli;

import irw.service.api.JobState;
import irw.service.api.JobView;
import irw.service.api.MetricsPoint;
import irw.service.client.JobEventListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** Streams a job's progress until it ends; exit code 0 only if it FINISHED. */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Follow a training job's progress live (a progress bar and its metrics).")
final class WatchCommand implements Callable<Integer> {
    private static final int BAR_WIDTH = 30;

    @Parameters(index = "0", paramLabel = "ID", description = "the job id (e.g. job-3)")
    String id;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        // On a terminal the bar redraws in place; in a pipe or a log, each report is a line.
        boolean terminal = System.console() != null;
        JobView last = service.client().follow(id, new JobEventListener() {
            @Override
            public void onState(JobView job) {
                out.print((terminal ? "\r\033[K" : "") + job.id() + " " + job.state()
                        + (job.reason() == null ? "" : ": " + job.reason()) + System.lineSeparator());
            }

            @Override
            public void onPoint(MetricsPoint point) {
                if (point.isResumeMarker()) {
                    // classifier and refiner jobs go on from their last checkpoint; label-refinery and mic
                    // jobs start again at step 1 (their next point says restartedFromScratch)
                    Double from = point.values().get(MetricsPoint.FROM_STEP);
                    out.print((terminal ? "\r\033[K" : "") + "-- interrupted after step " + point.step() + ", "
                            + (from == null ? "started again" : from > 0 ? "resumed from the checkpoint at step " + from.longValue()
                            : "started again from the beginning")
                            + " (attempt " + point.values().getOrDefault(MetricsPoint.ATTEMPT, 0.0).intValue() + ")" + System.lineSeparator());
                    return;
                }
                out.print((terminal ? "\r\033[K" : "") + line(point) + (terminal ? "" : System.lineSeparator()));
                out.flush();
            }
        });
        if (terminal) {
            out.println();
        }
        return last.state() == JobState.FINISHED ? 0 : 1;
    }

    static String line(MetricsPoint p) {
        double fraction = p.totalSteps() <= 0 ? 0 : Math.min(1, (double) p.step() / p.totalSteps());
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        StringBuilder s = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        s.append(String.format(Locale.ROOT, "%5.1f%% epoch %d step %d/%d", 100 * fraction, p.epoch(), p.step(), p.totalSteps()));
        for (Map.Entry<String, Double> e : new TreeMap<>(p.values()).entrySet()) {
            s.append(String.format(Locale.ROOT, " %s=%.4g", e.getKey(), e.getValue()));
        }
        return s.toString();
    }
}
