package irw.engine;

import irw.engine.net.ModelSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 17: DL4J's "Added differentiated op" lines never reach the CLI's stdout. The probe
 * saw "…conv2d\njob-1" where {@code irw submit} prints only the job id; here a real gradient
 * function is built (a classifier's first training step) while stdout is captured.
 */
class LibraryNoiseTest {

    @Test
    void theFilterDropsOnlyTheNoiseLinesEvenWhenTheyArriveInPieces() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new LibraryNoise.Filtered(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out.println("Added differentiated op conv2d");
        out.print("Added differen");
        out.flush(); // a flush mid-line must not let half a noise line through
        out.print("tiated op add_3\n");
        out.print("job-1");
        out.flush();
        out.println();
        out.println("Added 3 patterns"); // shares a prefix with the noise, but is not noise
        out.println("Added");
        out.println("résumé ✓");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("job-1\nAdded 3 patterns\nAdded\nrésumé ✓\n");
    }

    @Test
    void trainingWritesNothingOfDl4jToStdout() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8)); // as a test or a script captures it
        try {
            ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(1.0, 1, 2, 1e-3, 3, ModelSpec.SMALL).withStepsPerEpoch(2);
            new ClassifierTrainer(cfg).train(TestData.peaks(3, 6, 200, 1), TrainingListener.NONE);
            System.out.println("job-1");
            System.out.flush();
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("job-1\n");
    }
}
