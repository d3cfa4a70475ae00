package irw.app.embedding;

import irw.app.models.FeatureSpace;
import irw.app.models.LoadedModels;
import irw.app.models.XrdModels;
import irw.app.task.BackgroundTask;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.Prediction;
import irw.app.workbench.WorkbenchModel;
import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.io.AtomicFiles;
import irw.engine.tsne.Tsne;
import irw.engine.tsne.TsneConfig;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Embedding view: a 2-D t-SNE map of the batch's ideal (ground truth), raw and refined
 * patterns and the class prototypes, computed together in the background so that distances are
 * comparable. The map is recomputed on request, not on every change: t-SNE takes seconds.
 */
public final class EmbeddingViewModel {
    private final WorkbenchModel model;
    private final LoadedModels loaded;
    private final ObservableList<EmbeddingPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Press Compute to map the batch");
    private long seed = 42;
    private BackgroundTask<List<EmbeddingPoint>> running;

    public EmbeddingViewModel(WorkbenchModel model, LoadedModels loaded) {
        this.model = model;
        this.loaded = loaded;
    }

    /** Computes the map of the loaded batch (t-SNE, seeded; the seed is shown with the result). */
    public BackgroundTask<List<EmbeddingPoint>> compute() {
        if (running != null) {
            running.cancel();
        }
        List<PatternEntry> entries = model.patterns().stream().filter(PatternEntry::isReadable).toList();
        if (entries.size() < 2) {
            status.set("Load at least two patterns first");
            return null;
        }
        FeatureSpace fs = space();
        long runSeed = seed;
        status.set("Computing t-SNE of " + entries.size() + " patterns in " + fs.description() + " …");
        running = model.executor().execute(BackgroundTask.of("t-SNE embedding", ctx -> {
            List<Pattern> patterns = new ArrayList<>();
            List<EmbeddingPoint> meta = new ArrayList<>();
            for (PatternEntry e : entries) {
                String cls = className(e);
                patterns.add(e.rawOnGrid(model.grid()));
                meta.add(new EmbeddingPoint(e.name(), PointKind.RAW, cls, 0, 0, e));
                if (e.refined() != null) {
                    patterns.add(e.refined());
                    meta.add(new EmbeddingPoint(e.name(), PointKind.REFINED, cls, 0, 0, e));
                }
                if (e.groundTruth() != null) {
                    patterns.add(Normalisation.MAX.apply(Resampler.resample(e.groundTruth(), model.grid())));
                    meta.add(new EmbeddingPoint(e.name(), PointKind.IDEAL, cls, 0, 0, e));
                }
            }
            List<double[]> rows = new ArrayList<>(List.of(fs.features(patterns)));
            for (Map.Entry<String, double[]> p : fs.prototypes().entrySet()) {
                rows.add(p.getValue());
                meta.add(new EmbeddingPoint("prototype " + p.getKey(), PointKind.PROTOTYPE, p.getKey(), 0, 0, null));
            }
            TsneConfig cfg = TsneConfig.of(Math.min(30, (rows.size() - 1) / 3.0), 1000, 0.5, runSeed).withThreads(2);
            double[][] xy = Tsne.embed(rows.toArray(double[][]::new), cfg,
                    (it, total, kl) -> ctx.updateProgress(it, total), ctx::isCancelled);
            List<EmbeddingPoint> out = new ArrayList<>(meta.size());
            for (int i = 0; i < meta.size(); i++) {
                EmbeddingPoint m = meta.get(i);
                out.add(new EmbeddingPoint(m.name(), m.kind(), m.className(), xy[i][0], xy[i][1], m.entry()));
            }
            return out;
        }).onSuccess(result -> {
            points.setAll(result);
            status.set(result.size() + " points, t-SNE seed " + runSeed + ", " + fs.description());
            running = null;
        }).onCancelled(() -> status.set("Embedding cancelled"))
                .onFailure(e -> {
                    status.set("Embedding failed");
                    model.notifications().error("t-SNE embedding", e);
                }));
        return running;
    }

    private static String className(PatternEntry e) {
        Prediction p = e.predictionProperty().get();
        if (p != null) {
            return p.className();
        }
        return e.raw().flatMap(r -> r.metadata().label()).orElse("unknown");
    }

    /** The (raw, refined) pairs of the selected patterns, for the arrows. */
    public List<EmbeddingPoint[]> arrowsForSelection() {
        List<EmbeddingPoint[]> arrows = new ArrayList<>();
        for (PatternEntry e : model.selection()) {
            EmbeddingPoint raw = find(e, PointKind.RAW);
            EmbeddingPoint refined = find(e, PointKind.REFINED);
            if (raw != null && refined != null) {
                arrows.add(new EmbeddingPoint[] {raw, refined});
            }
        }
        return arrows;
    }

    private EmbeddingPoint find(PatternEntry e, PointKind kind) {
        return points.stream().filter(p -> p.entry() == e && p.kind() == kind).findFirst().orElse(null);
    }

    /** A click on a point: its pattern opens in the Spectra view. */
    public void open(EmbeddingPoint point) {
        if (point != null && point.entry() != null) {
            model.selection().clear();
            model.openInSpectra(point.entry());
        }
    }

    /** Writes name, kind, class, x, y per point. */
    public void exportCsv(Path target) {
        List<EmbeddingPoint> snapshot = List.copyOf(points);
        if (snapshot.isEmpty()) {
            model.notifications().error(target.getFileName().toString(), "no embedding computed yet");
            return;
        }
        model.executor().execute(BackgroundTask.of("Export embedding", ctx -> {
            AtomicFiles.write(target, out -> {
                var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader("name", "kind", "class", "x", "y").get().print(w);
                for (EmbeddingPoint p : snapshot) {
                    printer.printRecord(p.name(), p.kind().name().toLowerCase(), p.className(), p.x(), p.y());
                }
                printer.flush();
            });
            return snapshot.size();
        }).onSuccess(n -> model.notifications().info(target.getFileName().toString(), "wrote " + n + " embedded points"))
                .onFailure(e -> model.notifications().error(target.getFileName().toString(), e)));
    }

    /** The classifier's embedding space F(x) when an XRD model is loaded, else the patterns themselves. */
    private FeatureSpace space() {
        XrdModels m = loaded.xrd();
        return m == null ? FeatureSpace.patternSpace() : m.featureSpace();
    }

    public ObservableList<EmbeddingPoint> points() {
        return points;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }
}
