package irw.app.task;

import java.util.concurrent.Executor;

/** Runs work and delivers results on the calling thread: for view-model tests and the CLI. */
public final class CurrentThreadTaskExecutor extends WorkerTaskExecutor {
    public CurrentThreadTaskExecutor() {
        super(Runnable::run, Runnable::run);
    }

    @Override
    public Executor newSerialWorker(String name) {
        return Runnable::run;
    }
}
