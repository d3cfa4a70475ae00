package irw.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSpecParserTest {
    private static final Path MNIST = Path.of("sample-data/mnist/train-images-idx3-ubyte.gz").toAbsolutePath();
    private static final Path LABELS = Path.of("sample-data/mnist/train-labels-idx1-ubyte.gz").toAbsolutePath();
    private final ObjectMapper json = new ObjectMapper();
    private final JobSpecParser parser = new JobSpecParser(json, Map.of(
            JobKind.CLASSIFIER, new JobSpecParser.DataRoles(Set.of("train"), Set.of("test")),
            JobKind.REFINER, new JobSpecParser.DataRoles(Set.of("train", "classifier"), Set.of("test"))));

    private String spec(String hyper) {
        return """
                {"kind": "refiner", "data": {"train": "%s", "classifier": "%s"},
                 "hyperParameters": {%s}, "seed": 7}""".formatted(MNIST, LABELS, hyper);
    }

    @Test
    void fillsDefaultsAndKeepsTheSeed() throws Exception {
        JobSpec spec = parser.parse(spec("\"alpha\": 0.5, \"targeted\": false, \"epochs\": 3"));
        assertThat(spec.kind()).isEqualTo(JobKind.REFINER);
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.hyperParameters()).isEqualTo(new HyperParameters(0.5, 1.0, 0.1, false, 3, 32, 1e-3, "small", 1, false, 0));
        assertThat(spec.data("train")).isEqualTo(MNIST);
        assertThat(spec.checkpointEvery()).isEqualTo(50);
        // The normalised form round-trips: a stored spec parses to the same spec.
        assertThat(parser.parse(parser.toJson(spec))).isEqualTo(spec);
    }

    @Test
    void namesTheFieldOfEveryProblem() {
        assertField("not json", "(body)");
        assertField("[1,2]", "(body)");
        assertField("{\"data\": {}, \"seed\": 1}", "kind");
        assertField("{\"kind\": \"gan\", \"data\": {}, \"seed\": 1}", "kind");
        assertField("{\"kind\": \"mic\", \"data\": {}, \"seed\": 1}", "kind");
        assertField("{\"kind\": \"refiner\", \"seed\": 1}", "data");
        assertField(spec("").replace("\"seed\": 7", "\"sede\": 7"), "sede");
        assertField(spec("").replace(", \"seed\": 7", ""), "seed");
        assertField(spec("").replace("\"seed\": 7", "\"seed\": 7.5"), "seed");
        assertField(spec("\"alpha\": -1"), "hyperParameters.alpha");
        assertField(spec("\"beta\": \"big\""), "hyperParameters.beta");
        assertField(spec("\"lambda\": 1e300"), "hyperParameters.lambda");
        assertField(spec("\"targeted\": 1"), "hyperParameters.targeted");
        assertField(spec("\"epochs\": 0"), "hyperParameters.epochs");
        assertField(spec("\"batch\": 2.5"), "hyperParameters.batch");
        assertField(spec("\"learningRate\": 0"), "hyperParameters.learningRate");
        assertField(spec("\"modelSize\": \"huge\""), "hyperParameters.modelSize");
        assertField(spec("\"learning_rate\": 0.1"), "hyperParameters.learning_rate");
        assertField(spec("\"p\": 3"), "hyperParameters.p");
        assertField(spec("\"featureSpaceReg\": \"yes\""), "hyperParameters.featureSpaceReg");
        assertField(spec("\"stepsPerEpoch\": -1"), "hyperParameters.stepsPerEpoch");
        assertField(spec("").replace("\"seed\": 7", "\"seed\": 7, \"checkpointEvery\": 0"), "checkpointEvery");
    }

    @Test
    void checksTheDataReferences() {
        assertField(spec("").replace(MNIST.toString(), "/no/such/file.bin"), "data.train");
        assertField(spec("").replace(MNIST.toString(), "relative/file.bin"), "data.train");
        assertField(spec("").replace(MNIST.toString(), ""), "data.train");
        assertField(spec("").replace("\"classifier\"", "\"ideal\""), "data.ideal");
        assertField(spec("").replace(", \"classifier\": \"" + LABELS + "\"", ""), "data.classifier");
        assertThatThrownBy(() -> parser.parse(spec("").replace(MNIST.toString(), "/no/such/file.bin")))
                .hasMessageContaining("/no/such/file.bin");
    }

    @Test
    void labelRefineryAndMicSpecsTakeTheCliDefaultsAndRoundTrip() throws Exception {
        JobSpecParser all = new JobSpecParser(json, EngineRunners.create().dataRoles());
        Path mnistDir = MNIST.getParent();
        JobSpec refinery = all.parse("""
                {"kind": "label-refinery", "data": {"digits": "%s"}, "hyperParameters": {"rounds": 2}, "seed": 3}""".formatted(mnistDir));
        assertThat(refinery.settings()).isEqualTo(new RefinerySettings(2, 5, 8, "small", 0, 1e-3, 0, 0, 0));
        assertThat(refinery.data(LearningData.DIGITS)).isEqualTo(mnistDir);
        assertThat(all.parse(all.toJson(refinery))).isEqualTo(refinery);
        assertThatThrownBy(refinery::hyperParameters).isInstanceOf(IllegalStateException.class);

        JobSpec mic = all.parse("""
                {"kind": "mic", "data": {"digits": "%s"}, "hyperParameters": {"selection": "random", "clip": false}, "seed": 4}""".formatted(mnistDir));
        assertThat(mic.settings(MicSettings.class)).isEqualTo(new MicSettings(4, "random", 20, 1000, 8, 0.01, 0.2, 0.1, 50, 0, 0, 50, 0.05, false, false));
        assertThat(mic.settings(MicSettings.class).inversion().clip()).isFalse();
        assertThat(all.parse(all.toJson(mic))).isEqualTo(mic);
        assertThat(all.toJson(mic).get("hyperParameters").has("alpha")).as("only the kind's own fields").isFalse();
    }

    private void assertField(String body, String field) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(InvalidJobSpecException.class)
                .satisfies(e -> assertThat(((InvalidJobSpecException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }
}
