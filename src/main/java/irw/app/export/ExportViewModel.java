package irw.app.export;

import irw.app.task.BackgroundTask;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Normalisation;
import irw.core.Pattern;
import irw.core.Resampler;
import irw.core.TwoThetaGrid;
import irw.core.io.ExportProvenance;
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
 * A raw pattern is written as measured: the file's own 2θ axis and counts, nothing resampled or
 * scaled. Only what went into or came out of a model (the model input, the refined pattern) and the
 * ground truth are on the model grid, and the export's header says so, pattern by pattern.
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

    /** One written trace and the header line that says what its numbers are. */
    private record Item(Pattern pattern, String provenance) {
    }

    /** The patterns that {@link #export} would write, in order, named "&lt;name&gt; refined" etc. */
    public List<Pattern> patternsToWrite() {
        return items().stream().map(Item::pattern).toList();
    }

    /**
     * The export's header, one line per written pattern: a raw pattern is the file's measured axis and
     * counts, nothing resampled; only what went into or came out of a model is on the model grid, and
     * its line says so and what else was done to it.
     */
    public List<String> headerLines() {
        return headerLines(items());
    }

    private static List<String> headerLines(List<Item> items) {
        List<String> out = new ArrayList<>();
        out.add("Imitation Refinement Workbench " + irw.core.ProductVersion.get() + " export; what each pattern's numbers are:");
        items.forEach(i -> out.add(i.provenance()));
        return out;
    }

    private List<Item> items() {
        TwoThetaGrid grid = model.grid();
        List<Item> out = new ArrayList<>();
        for (PatternEntry e : entries()) {
            if (e.refined() != null) {
                // the column or file says which refiner produced it
                String name = e.name() + " refined" + (e.refinedBy().isBlank() ? "" : " (" + e.refinedBy() + ")");
                out.add(new Item(named(e.refined(), name), ExportProvenance.onGrid(name, grid, "made by the " + refinerWords(e)
                        + " from the model input; strongest measured cell of the input = 1; only the measured cells are written")));
                if (includeRaw.get() && e.modelInput() != null) {
                    String input = e.name() + " model input";
                    out.add(new Item(named(e.modelInput(), input), ExportProvenance.onGrid(input, grid,
                            "the measured counts averaged into the grid's cells, background removed (SNIP), strongest measured cell = 1: "
                                    + "what the refiner was given; only the measured cells are written")));
                }
            }
            if (includeRaw.get()) {
                Pattern raw = named(e.raw().orElseThrow(), e.name() + " raw");
                out.add(new Item(raw, ExportProvenance.measured(raw, e.statesWavelength() ? "stated by the file"
                        : e.wavelength().isPresent() ? "entered by the user; the file states none" : "")));
            }
            if (includeGroundTruth.get() && e.groundTruth() != null) {
                String name = e.name() + " ground truth";
                Pattern t = named(Normalisation.MAX.apply(Resampler.resample(e.groundTruth(), grid)), name);
                out.add(new Item(t, ExportProvenance.onGrid(name, grid, "scaled to a maximum of 1")));
            }
        }
        return out;
    }

    private static Pattern named(Pattern p, String name) {
        return p.withMetadata(p.metadata().withSampleName(name));
    }

    private static String refinerWords(PatternEntry e) {
        return e.refinedBy().isBlank() ? "refiner" : e.refinedBy();
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
        List<Item> items = items(); // once: the ground truth is resampled for it
        List<Pattern> patterns = items.stream().map(Item::pattern).toList();
        List<String> header = headerLines(items);
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
        return model.executor().execute(BackgroundTask.of(title, ctx -> write(target, patterns, header, fmt, ctx))
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

    private static int write(Path target, List<Pattern> patterns, List<String> header, ExportFormat fmt, irw.app.task.TaskContext ctx)
            throws Exception {
        switch (fmt) {
            case CSV_WIDE -> PatternCsvWriter.write(target, patterns, PatternCsvWriter.Layout.WIDE, header);
            case CSV_LONG -> PatternCsvWriter.write(target, patterns, PatternCsvWriter.Layout.LONG, header);
            case XY -> {
                Files.createDirectories(target);
                for (int i = 0; i < patterns.size() && !ctx.isCancelled(); i++) {
                    Pattern p = patterns.get(i);
                    // each file carries the header's first line and its own pattern's line
                    PatternCsvWriter.writeXy(target.resolve(safeFileName(p.name()) + ".xy"), p, List.of(header.get(0), header.get(i + 1)));
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
