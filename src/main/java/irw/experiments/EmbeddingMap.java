package irw.experiments;

import irw.core.ClassSet;
import irw.core.io.AtomicFiles;
import irw.engine.tsne.Tsne;
import irw.engine.tsne.TsneConfig;
import irw.experiments.plot.ScatterPlot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classifier's embedding space F(x) of several sets (ideal, raw, refined) and the prototypes,
 * laid out together in 2-D by t-SNE (cf. Fig. 4 of Bai et al.), as a CSV of the embeddings and
 * the layout, and a scatter plot.
 */
public final class EmbeddingMap {
    /** One set of embedded items; the prototypes are a set whose labels are 0..K−1. */
    public record Set(String name, float[][] embeddings, int[] labels, List<String> ids, ScatterPlot.Mark mark) {
    }

    private final ClassSet classes;
    private final List<Set> sets;
    private final double[][] layout;

    private EmbeddingMap(ClassSet classes, List<Set> sets, double[][] layout) {
        this.classes = classes;
        this.sets = sets;
        this.layout = layout;
    }

    /** Runs t-SNE (perplexity 30, 1,000 iterations, Barnes-Hut θ = 0.5) over all sets at once. */
    public static EmbeddingMap of(ClassSet classes, List<Set> sets, long seed) {
        List<double[]> all = new ArrayList<>();
        for (Set s : sets) {
            for (float[] e : s.embeddings()) {
                double[] d = new double[e.length];
                for (int j = 0; j < e.length; j++) {
                    d[j] = e[j];
                }
                all.add(d);
            }
        }
        double[][] xy = Tsne.embed(all.toArray(double[][]::new), TsneConfig.defaults(seed));
        return new EmbeddingMap(classes, List.copyOf(sets), xy);
    }

    public int size() {
        return layout.length;
    }

    public BufferedImage plot(String title) {
        ScatterPlot p = new ScatterPlot(title, classes.names());
        int from = 0;
        for (Set s : sets) {
            double[][] xy = new double[s.embeddings().length][];
            System.arraycopy(layout, from, xy, 0, xy.length);
            p.add(s.name() + " (" + xy.length + ")", xy, s.labels(), s.mark());
            from += xy.length;
        }
        return p.render();
    }

    /** Columns: set, id, class, tsne_x, tsne_y, e0..e(m−1). */
    public void writeCsv(Path file) throws IOException {
        int m = sets.get(0).embeddings()[0].length;
        List<String> header = new ArrayList<>(List.of("set", "id", "class", "tsne_x", "tsne_y"));
        for (int j = 0; j < m; j++) {
            header.add("e" + j);
        }
        AtomicFiles.write(file, out -> {
            // Not closed: AtomicFiles owns the stream and forces it to disk after this returns.
            CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
            int row = 0;
            for (Set s : sets) {
                for (int i = 0; i < s.embeddings().length; i++, row++) {
                    List<Object> rec = new ArrayList<>(List.of(s.name(), s.ids().get(i), classes.name(s.labels()[i]), layout[row][0], layout[row][1]));
                    for (float v : s.embeddings()[i]) {
                        rec.add(v);
                    }
                    p.printRecord(rec);
                }
            }
            p.flush();
        });
    }
}
