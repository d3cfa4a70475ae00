package irw.experiments.real;

import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Verdict;
import irw.xrd.io.PatternReaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped XRD classifier on the labelled real measurements bundled with the product: the floors
 * of the real-data issue, asserted on the files themselves.
 */
class ShippedXrdClassifierTest {
    private static PrototypicalClassifier model;
    private static Map<String, RealDataEvaluation.Row> rows;

    @BeforeAll
    static void classifyTheBundledMeasurements() throws Exception {
        model = ModelStore.loadClassifier(Path.of("sample-data/models/xrd-classifier.irwm"));
        List<RealDataEvaluation.Row> all = RealDataEvaluation.run(model, null, List.of(LabelledMeasurements.read(Path.of("sample-data/measured")),
                LabelledMeasurements.read(Path.of("sample-data/measured-minerals"))));
        rows = all.stream().collect(Collectors.toMap(r -> r.entry().file().getFileName().toString(), r -> r));
    }

    @Test
    void theSingleCrystallinePhasesMostlyComeOutRightAndFewAreConfidentlyWrongOnTheBundledMeasurements() {
        RealDataEvaluation.Score s = RealDataEvaluation.score(List.copyOf(rows.values()), false);
        assertThat(s.single()).isEqualTo(17);
        assertThat(s.singleRight()).isGreaterThanOrEqualTo(12);
        // the calibrated threshold promises 90 % right above it on held-out simulated measurements; on these
        // 17 real files the shipped model is confidently wrong twice (LiMnO2, absent from the library; albite)
        assertThat(s.singleConfidentWrong()).isLessThanOrEqualTo(2);
        for (String file : List.of("MnO.xy", "Mn2O3.xy", "TiO2.xy", "MnO2.xy", "PbSO4-round-robin-xray.dat", "quartz.xy", "quartz-2.xy", "dolomite.xy",
                "dolomite-2.xy", "goethite.xy", "goethite-2.xy", "sanidine.xy")) {
            assertThat(rows.get(file).right(rows.get(file).raw())).as(file).isTrue();
        }
    }

    @Test
    void samplesThatAreNoSingleKnownCrystallinePhaseGetNoConfidentClass() {
        for (String file : List.of("k-feldspar.xy", "illite.xy", "organic-matter.xy")) {
            assertThat(rows.get(file).raw().kind()).as(file).isNotEqualTo(Verdict.Kind.CLASS);
        }
    }

    @Test
    void aFourDegreeScanIsRefusedAsTooLittleMeasured() throws Exception {
        var narrow = PatternReaders.read(Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml")).get(0);
        assertThat(model.preprocessing().prepare(narrow).refusal()).isPresent();
        assertThat(Verdict.refused(model.preprocessing().prepare(narrow)).describe(model.classes())).startsWith("too little of the pattern measured");
    }

    @Test
    void theModelIsCalibratedOnHeldOutStructures() {
        assertThat(model.calibration().isCalibrated()).isTrue();
        assertThat(model.calibration().heldOut()).contains("validation structures");
        assertThat(model.calibration().eceAfter()).isLessThan(0.05);
        assertThat(model.calibration().accuracyAboveThreshold()).isGreaterThanOrEqualTo(0.9);
    }
}
