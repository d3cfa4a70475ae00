package irw.service.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A job as the API shows it. {@code attempts} counts starts (more than one after a resume);
 * {@code step}/{@code totalSteps}/{@code epoch} are from its latest metrics report.
 */
public record JobView(String id, String kind, JobState state, String reason, String submittedAt, String startedAt,
                      String finishedAt, int attempts, int epoch, long step, long totalSteps, boolean cancelRequested,
                      List<String> artifacts, JsonNode spec) {

    public JobView {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** Progress in [0, 1], or 0 before the first report. */
    @JsonIgnore
    public double progress() {
        return state == JobState.FINISHED ? 1.0 : totalSteps <= 0 ? 0.0 : Math.min(1.0, (double) step / totalSteps);
    }
}
