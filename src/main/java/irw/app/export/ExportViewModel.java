package irw.app.export;

import irw.app.task.BackgroundTask;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.io.PatternCsvWriter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Export view: refined patterns of the current pattern, the selection or the whole batch, as
 * CSV (wide or long) or .xy, optionally with the raw pattern and the ground truth beside each.
 * Everything exported is on the models' grid, so refined, raw and truth line up point by point.
 */
public final class ExportViewModel {
    private final WorkbenchModel model;
    private final ObjectProperty<ExportScope> scope = new SimpleObjectProperty<>(this, "scope", ExportScope.BATCH);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.CSV_WIDE);
    private final BooleanProperty includeRaw = new SimpleBooleanProperty(this, "includeRaw", true);
    private final BooleanProperty includeGroundTruth = new SimpleBooleanProperty(this, "includeGroundTruth", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ExportViewModel(WorkbenchModel model) {
        this.model = model;
    }

    /** The patterns that {@link #export} would write, in order, named "&lt;name&gt; refined" etc. */
    public List<Pattern> patternsToWrite() {
        List<Pattern> out = new ArrayList<>();
        for (PatternEntry e : entries()) {
            if (e.refined() != null) {
                // the column or file says which refiner produced it
                String name = e.name() + " refined" + (e.refinedBy().isBlank() ? "" : " (" + e.refinedBy() + ")");
                out.add(e.refined().withMetadata(e.refined().metadata().withSampleName(name)));
            }
            if (includeRaw.get()) {
                Pattern raw = e.rawOnGrid(model.grid());
                out.add(raw.withMetadata(raw.metadata().withSampleName(e.name() + " raw")));
            }
            if (includeGroundTruth.get() && e.groundTruth() != null) {
                Pattern t = Normalisation.MAX.apply(Resampler.resample(e.groundTruth(), model.grid()));
                out.add(t.withMetadata(t.metadata().withSampleName(e.name() + " ground truth")));
            }
        }
        return out;
    }

    private List<PatternEntry> entries() {
        List<PatternEntry> chosen = switch (scope.get()) {
            case CURRENT -> model.current() == null ? List.of() : List.of(model.current());
            case SELECTION -> List.copyOf(model.selection());
            case BATCH -> List.copyOf(model.patterns());
        };
        return chosen.stream().filter(PatternEntry::isReadable).toList();
    }

    /**
     * Writes to {@code target}: a CSV file, or for .xy a folder that receives one file per pattern.
     * Runs in the background; the outcome is a notification naming the file.
     */
    public BackgroundTask<Integer> export(Path target) {
        List<Pattern> patterns = patternsToWrite();
        int rows = (int) entries().stream().filter(e -> e.refined() != null || includeRaw.get()).count();
        ExportFormat fmt = format.get();
        String title = "Export to " + target.getFileName();
        if (patterns.isEmpty()) {
            String why = entries().isEmpty() ? "no pattern in the " + scope.get()
                    : "nothing refined in the " + scope.get() + "; refine first or include the raw patterns";
            model.notifications().error(target.getFileName().toString(), why);
            status.set("Nothing exported: " + why);
            return null;
        }
        status.set(title + " …");
        return model.executor().execute(BackgroundTask.of(title, ctx -> write(target, patterns, fmt, ctx))
                .onSuccess(n -> {
                    String what = rows + (rows == 1 ? " pattern" : " patterns");
                    status.set("Wrote " + what + " to " + target + " (" + n + " " + fmt.unit(n) + ": " + contents() + ")");
                    model.notifications().info(target.getFileName().toString(), "wrote " + what + " as " + n + " " + fmt.unit(n));
                })
                .onFailure(e -> {
                    model.notifications().error(target.getFileName().toString(), e);
                    status.set("Export failed");
                })
                .onCancelled(() -> status.set("Export cancelled")));
    }

    private static int write(Path target, List<Pattern> patterns, ExportFormat fmt, irw.app.task.TaskContext ctx) throws Exception {
        switch (fmt) {
            case CSV_WIDE -> PatternCsvWriter.write(target, patterns, PatternCsvWriter.Layout.WIDE);
            case CSV_LONG -> PatternCsvWriter.write(target, patterns, PatternCsvWriter.Layout.LONG);
            case XY -> {
                Files.createDirectories(target);
                for (int i = 0; i < patterns.size() && !ctx.isCancelled(); i++) {
                    Pattern p = patterns.get(i);
                    PatternCsvWriter.writeXy(target.resolve(safeFileName(p.name()) + ".xy"), p);
                    ctx.updateProgress(i + 1, patterns.size());
                }
            }
        }
        return patterns.size();
    }

    /** What each written pattern brings: "refined, raw and ground truth" as chosen. */
    private String contents() {
        List<String> parts = new ArrayList<>(List.of("refined"));
        if (includeRaw.get()) {
            parts.add("raw");
        }
        if (includeGroundTruth.get()) {
            parts.add("ground truth");
        }
        return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String safeFileName(String name) {
        return name.replaceAll("[^\\p{L}\\p{N}._+-]+", "_");
    }

    /** A default file name for the chosen format and scope. */
    public String suggestedFileName() {
        String base = switch (scope.get()) {
            case CURRENT -> model.current() == null ? "pattern" : safeFileName(model.current().name());
            case SELECTION -> "selection";
            case BATCH -> "batch";
        };
        return format.get() == ExportFormat.XY ? base + "-xy" : base + "-refined.csv";
    }

    public ObjectProperty<ExportScope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public BooleanProperty includeRawProperty() {
        return includeRaw;
    }

    public BooleanProperty includeGroundTruthProperty() {
        return includeGroundTruth;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
