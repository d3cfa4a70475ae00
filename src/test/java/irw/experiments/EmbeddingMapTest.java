package irw.experiments;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.digits.IdxFormat;
import irw.experiments.plot.ScatterPlot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** t-SNE map of real MNIST digits (pixels as the "embedding") with their class means as prototypes. */
class EmbeddingMapTest {
    @TempDir
    Path dir;

    @Test
    void layoutKeepsDigitsNearTheirOwnClassMean() throws Exception {
        LabelledDataSet all = IdxFormat.read(Path.of("sample-data/mnist/test-images-idx3-ubyte.gz"), Path.of("sample-data/mnist/test-labels-idx1-ubyte.gz"));
        LabelledDataSet zerosOnes = irw.core.data.ClassBalancedSubset.firstOfEachClass(all, 30).subset(java.util.stream.IntStream.range(0, 60).toArray());
        float[][] means = new float[10][784];
        for (int i = 0; i < zerosOnes.size(); i++) {
            for (int j = 0; j < 784; j++) {
                means[zerosOnes.labels()[i]][j] += zerosOnes.items()[i][j] / 30f;
            }
        }
        float[][] protos = {means[0], means[1]};
        EmbeddingMap map = EmbeddingMap.of(ClassSet.DIGITS, List.of(
                new EmbeddingMap.Set("raw", zerosOnes.items(), zerosOnes.labels(), zerosOnes.ids(), ScatterPlot.Mark.RING),
                new EmbeddingMap.Set("prototype", protos, new int[]{0, 1}, List.of("0", "1"), ScatterPlot.Mark.CROSS)), 3);
        assertThat(map.size()).isEqualTo(62);
        map.writeCsv(dir.resolve("e.csv"));
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(dir.resolve("e.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
        assertThat(rows).hasSize(62);
        assertThat(rows.get(0).size()).isEqualTo(5 + 784);
        double[] p0 = xy(rows.get(60));
        double[] p1 = xy(rows.get(61));
        int nearer = 0;
        for (int i = 0; i < 60; i++) {
            double[] q = xy(rows.get(i));
            boolean zero = rows.get(i).get("class").equals("0");
            if ((dist(q, p0) < dist(q, p1)) == zero) {
                nearer++;
            }
        }
        assertThat(nearer).as("digits laid out nearer their own class mean").isGreaterThanOrEqualTo(54);
        assertThat(map.plot("test").getWidth()).isEqualTo(900);
    }

    private static double[] xy(CSVRecord r) {
        return new double[]{Double.parseDouble(r.get("tsne_x")), Double.parseDouble(r.get("tsne_y"))};
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
