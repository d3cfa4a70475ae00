package irw.engine;

import irw.core.ClassSet;
import irw.engine.net.ModelSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paper's classifiers are built (not trained) and run forward on one pattern. */
class PaperNetworksTest {

    /** Slow (about 10 s idle, 40M parameters to initialise): run with -Dgroups=slow -Dtest.excluded=none. */
    @Test
    @Tag("slow")
    void vgg19And1dDenseNet121BuildAndClassifyAPattern() {
        float[] pattern = TestData.peaks(7, 1, 2000, 1).items()[0];
        for (ModelSpec spec : new ModelSpec[]{ModelSpec.VGG19, ModelSpec.DENSENET121}) {
            PrototypicalClassifier c = PrototypicalClassifier.untrained(spec, new int[]{2000}, ClassSet.CRYSTAL_SYSTEMS, 3);
            Classification r = c.classify(new float[][]{pattern});
            System.out.println(spec.id() + ": " + c.parameterCount() + " parameters, embedding " + r.embeddings()[0].length);
            assertThat(r.probabilities()[0]).hasSize(7);
            double sum = 0;
            for (float p : r.probabilities()[0]) {
                sum += p;
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(r.embeddings()[0]).hasSize(1024);
        }
    }

    @Test
    void defaultNetworksAreSmall() {
        assertThat(PrototypicalClassifier.untrained(ModelSpec.SMALL, new int[]{2000}, ClassSet.CRYSTAL_SYSTEMS, 3).parameterCount())
                .isBetween(10_000L, 25_000L);
        assertThat(PrototypicalClassifier.untrained(ModelSpec.SMALL, new int[]{28, 28}, ClassSet.DIGITS, 3).parameterCount())
                .isBetween(40_000L, 70_000L);
    }

    @Test
    void paperNetworksAreOneDimensionalOnly() {
        assertThatThrownBy(() -> PrototypicalClassifier.untrained(ModelSpec.VGG19, new int[]{28, 28}, ClassSet.DIGITS, 3))
                .hasMessageContaining("1-D");
        assertThat(ModelSpec.parse("DenseNet-121-1D")).isEqualTo(ModelSpec.DENSENET121);
        assertThat(ModelSpec.parse("vgg19")).isEqualTo(ModelSpec.VGG19);
    }
}
