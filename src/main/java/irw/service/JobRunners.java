package irw.service;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The runner of each job kind this service can train. */
public final class JobRunners {
    private final Map<JobKind, JobRunner> byKind;

    public JobRunners(Map<JobKind, JobRunner> byKind) {
        this.byKind = byKind.isEmpty() ? Map.of() : new EnumMap<>(byKind);
    }

    public Optional<JobRunner> forKind(JobKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The data roles of every available kind, for {@link JobSpecParser}. */
    public Map<JobKind, JobSpecParser.DataRoles> dataRoles() {
        return byKind.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().dataRoles()));
    }
}
