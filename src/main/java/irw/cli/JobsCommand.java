package irw.cli;

import irw.service.api.JobView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** Lists the service's jobs, oldest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List the training service's jobs.")
final class JobsCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        List<JobView> jobs = service.client().jobs();
        System.out.printf("%-10s %-15s %-9s %9s %15s %8s  %s%n", "id", "kind", "state", "progress", "step", "attempts", "reason");
        for (JobView j : jobs) {
            System.out.printf("%-10s %-15s %-9s %8.1f%% %15s %8d  %s%n", j.id(), j.kind(), j.state(), 100 * j.progress(),
                    j.step() + "/" + j.totalSteps(), j.attempts(), j.reason() == null ? "" : j.reason());
        }
        return 0;
    }
}
