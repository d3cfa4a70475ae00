package irw.digits;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypesetDigitsTest {
    static LabelledDataSet set;

    @BeforeAll
    static void generate() {
        set = TypesetDigits.generate(200, 42);
    }

    @Test
    void balancedAcrossClassesAndFonts() {
        assertThat(set.size()).isEqualTo(1000);
        assertThat(set.shape()).containsExactly(28, 28);
        assertThat(set.classes()).isEqualTo(ClassSet.DIGITS);
        for (int k = 0; k < 10; k++) {
            assertThat(set.indicesOfClass(k)).hasSize(100);
        }
        for (DigitFont f : DigitFont.values()) {
            assertThat(set.ids().stream().filter(id -> TypesetDigits.fontOf(id) == f)).hasSize(200);
        }
        assertThat(set.ids().get(0)).isEqualTo("serif-0-0");
        assertThat(set.ids().get(999)).isEqualTo("casual-9-199");
    }

    @Test
    void sameSeedSameDigitsOtherSeedOthers() {
        LabelledDataSet again = TypesetDigits.generate(200, 42, List.of(DigitFont.values()));
        LabelledDataSet other = TypesetDigits.generate(200, 43);
        for (int i = 0; i < set.size(); i += 37) {
            assertThat(again.items()[i]).containsExactly(set.items()[i]);
        }
        assertThat(other.items()[5]).isNotEqualTo(set.items()[5]);
    }

    @Test
    void digitsAreInkedFittedAndCentredLikeMnist() {
        for (int i = 0; i < set.size(); i++) {
            float[] img = set.items()[i];
            double ink = 0;
            float max = 0;
            int minR = 28, maxR = -1, minC = 28, maxC = -1;
            for (int p = 0; p < img.length; p++) {
                assertThat(img[p]).isBetween(0f, 1f);
                ink += img[p];
                max = Math.max(max, img[p]);
                if (img[p] > 0.25f) {
                    minR = Math.min(minR, p / 28);
                    maxR = Math.max(maxR, p / 28);
                    minC = Math.min(minC, p % 28);
                    maxC = Math.max(maxC, p % 28);
                }
            }
            assertThat(max).as(set.ids().get(i)).isGreaterThan(0.9f);
            assertThat(ink).as(set.ids().get(i)).isBetween(15.0, 250.0);
            // The larger side of the ink fills the 20-px box (give or take anti-aliased edges).
            assertThat(Math.max(maxR - minR, maxC - minC) + 1).as(set.ids().get(i)).isBetween(17, 22);
            double[] com = DigitRenderer.centreOfMass(img);
            assertThat(Math.abs(com[0] - 14)).as(set.ids().get(i)).isLessThan(2.6);
            assertThat(Math.abs(com[1] - 14)).as(set.ids().get(i)).isLessThan(2.6);
        }
    }

    @Test
    void unshiftedUnrotatedDigitHasItsCentreOfMassInTheMiddle() {
        float[] seven = DigitRenderer.render(DigitFont.SERIF, 7, 0, 0, 0);
        double[] com = DigitRenderer.centreOfMass(seven);
        assertThat(com[0]).isCloseTo(14, org.assertj.core.data.Offset.offset(0.15));
        assertThat(com[1]).isCloseTo(14, org.assertj.core.data.Offset.offset(0.15));
        float[] shifted = DigitRenderer.render(DigitFont.SERIF, 7, 0, 2, -1);
        double[] moved = DigitRenderer.centreOfMass(shifted);
        assertThat(moved[0] - com[0]).isCloseTo(2, org.assertj.core.data.Offset.offset(0.15));
        assertThat(moved[1] - com[1]).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.15));
    }

    @Test
    void fontsDrawTheSameDigitDifferently() {
        for (int digit = 0; digit < 10; digit++) {
            float[][] byFont = new float[DigitFont.values().length][];
            for (DigitFont f : DigitFont.values()) {
                byFont[f.ordinal()] = DigitRenderer.render(f, digit, 0, 0, 0);
            }
            for (int a = 0; a < byFont.length; a++) {
                for (int b = a + 1; b < byFont.length; b++) {
                    assertThat(l1(byFont[a], byFont[b])).as("digit %d, %s vs %s", digit, DigitFont.values()[a], DigitFont.values()[b])
                            .isGreaterThan(10);
                }
            }
        }
        // ... while two different digits in one font differ too, and a digit equals itself.
        assertThat(l1(DigitRenderer.render(DigitFont.SERIF, 3, 0, 0, 0), DigitRenderer.render(DigitFont.SERIF, 3, 0, 0, 0))).isZero();
    }

    @Test
    void montageIsWrittenForEyeballing() throws Exception {
        int[] pick = new int[100];
        for (int f = 0; f < 5; f++) {
            for (int k = 0; k < 20; k++) {
                pick[f * 20 + k] = f * 200 + k;
            }
        }
        Path png = Path.of("target/typeset-digits-montage.png");
        DigitMontage.writePng(set, pick, 20, 2, png);
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(20 * 57);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> TypesetDigits.generate(-1, 1)).hasMessageContaining("perFont");
        assertThatThrownBy(() -> DigitFont.byId("gothic")).hasMessageContaining("no digit font 'gothic'");
        assertThat(TypesetDigits.generate(0, 1).size()).isZero();
    }

    private static double l1(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.abs(a[i] - b[i]);
        }
        return s;
    }
}
