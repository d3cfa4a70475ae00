package irw.digits;

import irw.core.data.LabelledDataSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MnistFramingTest {

    @Test
    void aSmallOffCentreDrawingIsFittedToTheBoxAndCentredByMass() {
        float[] img = new float[28 * 28];
        for (int r = 2; r < 12; r++) { // a 10-px vertical bar in the top-left corner, 2 px wide
            img[r * 28 + 3] = 1;
            img[r * 28 + 4] = 1;
        }
        float[] framed = MnistFraming.frame(img, 28, 28);
        double[] com = MnistFraming.centreOfMass(framed);
        assertThat(com[0]).isCloseTo(MnistFraming.CENTRE, within(0.1));
        assertThat(com[1]).isCloseTo(MnistFraming.CENTRE, within(0.1));
        int top = 28;
        int bottom = -1;
        double ink = 0;
        for (int p = 0; p < framed.length; p++) {
            assertThat(framed[p]).isBetween(0f, 1f);
            ink += framed[p];
            if (framed[p] > 0.5f) {
                top = Math.min(top, p / 28);
                bottom = Math.max(bottom, p / 28);
            }
        }
        assertThat(bottom - top + 1).isBetween(19, 21); // the larger side fills the 20-px box (half-covered end rows)
        assertThat(ink).isCloseTo(20 * 4, within(0.5)); // area scales by (20/10)²: 2×10 px become 4×20
    }

    @Test
    void mnistDigitsAreAlreadyFramedSoReframingKeepsThem() throws Exception {
        Path mnist = Path.of("sample-data/mnist");
        LabelledDataSet test = IdxFormat.read(mnist.resolve("test-images-idx3-ubyte.gz"), mnist.resolve("test-labels-idx1-ubyte.gz"));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < test.size(); i += 20) {
            float[] raw = test.items()[i];
            float[] again = MnistFraming.frame(raw, 28, 28);
            double[] com = MnistFraming.centreOfMass(again);
            assertThat(com[0]).isCloseTo(MnistFraming.CENTRE, within(0.1));
            assertThat(com[1]).isCloseTo(MnistFraming.CENTRE, within(0.1));
            double[] before = MnistFraming.centreOfMass(raw);
            assertThat(Math.abs(before[0] - com[0]) + Math.abs(before[1] - com[1])).as("digit %d", i).isLessThan(1.5);
            // MNIST framed the binary NIST scan, we frame its grey rendering: the digit stays where it was, a little softer
            double r = correlation(raw, again);
            assertThat(r).as("digit %d", i).isGreaterThan(0.5);
            sum += r;
            n++;
        }
        assertThat(sum / n).isGreaterThan(0.8);
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void blankStaysBlank() {
        assertThat(MnistFraming.frame(new float[100], 10, 10)).containsOnly(0f);
    }
}
