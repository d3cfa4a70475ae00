package irw.service;

import java.util.Map;

/** The runners of the job kinds whose trainers the engine provides. */
public final class EngineRunners {
    private EngineRunners() {
    }

    public static JobRunners create() {
        return new JobRunners(Map.of());
    }
}
