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
    static final int PER_FONT = 40;
    static final int FONTS = DigitFont.values().length;
    static LabelledDataSet set;

    @BeforeAll
    static void generate() {
        set = TypesetDigits.generate(PER_FONT, 42);
    }

    @Test
    void balancedAcrossClassesAndFonts() {
        assertThat(FONTS).isEqualTo(21);
        assertThat(set.size()).isEqualTo(PER_FONT * FONTS);
        assertThat(set.shape()).containsExactly(28, 28);
        assertThat(set.classes()).isEqualTo(ClassSet.DIGITS);
        for (int k = 0; k < 10; k++) {
            assertThat(set.indicesOfClass(k)).hasSize(PER_FONT * FONTS / 10);
        }
        for (DigitFont f : DigitFont.values()) {
            assertThat(set.ids().stream().filter(id -> TypesetDigits.fontOf(id) == f)).hasSize(PER_FONT);
        }
        assertThat(set.ids().get(0)).isEqualTo("serif-0-0");
        assertThat(set.ids().get(PER_FONT * FONTS - 1)).isEqualTo("dosis-9-39");
    }

    @Test
    void sameSeedSameDigitsOtherSeedOthers() {
        LabelledDataSet again = TypesetDigits.generate(PER_FONT, 42, List.of(DigitFont.values()), DigitAugmentation.HANDWRITING);
        LabelledDataSet other = TypesetDigits.generate(PER_FONT, 43);
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
            assertThat(Math.max(maxR - minR, maxC - minC) + 1).as(set.ids().get(i)).isBetween(18, 22);
            double[] com = DigitRenderer.centreOfMass(img);
            assertThat(Math.abs(com[0] - MnistFraming.CENTRE)).as(set.ids().get(i)).isLessThan(1.05); // ±1 px shift
            assertThat(Math.abs(com[1] - MnistFraming.CENTRE)).as(set.ids().get(i)).isLessThan(1.05);
        }
    }

    @Test
    void unshiftedUnrotatedDigitHasItsCentreOfMassInTheMiddle() {
        float[] seven = DigitRenderer.render(DigitFont.SERIF, 7, 0, 0, 0);
        double[] com = DigitRenderer.centreOfMass(seven);
        assertThat(com[0]).isCloseTo(MnistFraming.CENTRE, org.assertj.core.data.Offset.offset(0.15));
        assertThat(com[1]).isCloseTo(MnistFraming.CENTRE, org.assertj.core.data.Offset.offset(0.15));
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
        int[] pick = new int[20 * FONTS];
        for (int f = 0; f < FONTS; f++) {
            for (int k = 0; k < 20; k++) {
                pick[f * 20 + k] = f * PER_FONT + k;
            }
        }
        Path png = Path.of("target/typeset-digits-montage.png");
        DigitMontage.writePng(set, pick, 20, 2, png);
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(20 * 57);
    }

    @Test
    void penWidthFollowsTheStyleAndEachFactorCanBeSwitchedOff() {
        // a thick and a thin pen on the same glyph: about 2.6x the ink (both fill the same 20-px box)
        DigitStyle thin = new DigitStyle(DigitFont.SERIF, 4, 0, 0, 1, 1.5, 0, 0, 0, 0, true);
        DigitStyle thick = new DigitStyle(DigitFont.SERIF, 4, 0, 0, 1, 3.8, 0, 0, 0, 0, true);
        assertThat(ink(DigitRenderer.render(thick)) / ink(DigitRenderer.render(thin))).isBetween(1.8, 3.2);
        // an elastic bend moves ink but keeps the digit framed
        DigitStyle bent = new DigitStyle(DigitFont.SERIF, 4, 0, 0, 1, 2.5, 1.5, 9, 0, 0, true);
        DigitStyle straight = new DigitStyle(DigitFont.SERIF, 4, 0, 0, 1, 2.5, 0, 9, 0, 0, true);
        assertThat(l1(DigitRenderer.render(bent), DigitRenderer.render(straight))).isGreaterThan(10);
        for (String f : DigitAugmentation.FACTORS) {
            assertThat(DigitAugmentation.HANDWRITING.without(f)).as(f).isNotEqualTo(DigitAugmentation.HANDWRITING);
        }
        assertThat(DigitAugmentation.HANDWRITING.without("elastic").maxElastic()).isZero();
        assertThat(DigitAugmentation.HANDWRITING.without("stroke").minStroke()).isNaN();
        assertThatThrownBy(() -> DigitAugmentation.HANDWRITING.without("colour")).hasMessageContaining("unknown augmentation factor");
    }

    private static double ink(float[] img) {
        double s = 0;
        for (float v : img) {
            s += v;
        }
        return s;
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
