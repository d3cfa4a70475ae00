package irw.cli;

import irw.service.EngineRunners;
import irw.service.ServiceConfig;
import irw.service.TrainingService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Runs the training service in the foreground until it is interrupted or terminated. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the background training service (HTTP on 127.0.0.1; token in <data-dir>/token).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port to listen on; 0 (default) picks a free one, written to <data-dir>/port")
    int port;

    @Option(names = "--data-dir", description = "job store, checkpoints, models, token (default: ~/.local/share/irw/service, $XDG_DATA_HOME/irw/service)")
    Path dataDir;

    @Option(names = "--bind", description = "address to listen on (default: 127.0.0.1)")
    String bind = ServiceConfig.LOOPBACK;

    @Option(names = "--allow-remote", description = "allow --bind to a non-loopback address (the token is still required)")
    boolean allowRemote;

    @Option(names = "--jobs", description = "jobs that train at the same time (default: 1)")
    int jobs = 1;

    @Override
    public Integer call() throws Exception {
        ServiceConfig config = new ServiceConfig(dataDir == null ? ServiceConfig.defaultDataDir() : dataDir, bind, port, allowRemote, jobs);
        TrainingService service = TrainingService.start(config, EngineRunners.create());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "irw-service-shutdown"));
        System.out.println("training service on http://" + bind + ":" + service.port() + " (data " + config.dataDir()
                + "; token in " + config.dataDir().resolve("token") + ")");
        if (!service.resumedJobs().isEmpty()) {
            System.out.println("resuming interrupted jobs: " + String.join(", ", service.resumedJobs()));
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
