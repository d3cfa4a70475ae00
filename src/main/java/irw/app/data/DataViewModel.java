package irw.app.data;

import irw.app.notify.ErrorMessages;
import irw.app.task.BackgroundTask;
import irw.app.task.TaskContext;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Data view: loads files and folders in the background (progress, cancel), adds a row per
 * pattern as files are read, and lists unreadable files with their error instead of stopping. A
 * pattern already open is not added twice; what a load opened first becomes the current pattern.
 * What is open is remembered, so the next start opens it again.
 */
public final class DataViewModel {
    /**
     * Rows are handed to the UI in chunks, at most every {@value #PUBLISH_EVERY_MS} ms, so a large
     * load costs the FX thread a few table updates instead of one per file.
     */
    private static final long PUBLISH_EVERY_MS = 250;

    private final WorkbenchModel model;
    private final PatternFileReader reader;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No patterns loaded");
    private BackgroundTask<Integer> loadTask;
    /** The rows' keys ({@link #key}), to recognise a pattern that is already open. */
    private final Set<String> open = new HashSet<>();
    /** The first row of the running load (new, or already open) not yet made current. */
    private boolean selectFirstOfLoad;
    private int duplicates;

    public DataViewModel(WorkbenchModel model, PatternFileReader reader) {
        this.model = model;
        this.reader = reader;
        model.patterns().addListener((ListChangeListener<PatternEntry>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(e -> open.remove(key(e)));
                c.getAddedSubList().forEach(e -> open.add(key(e)));
            }
        });
    }

    /** A pattern is the same when it comes from the same file under the same name (one file may hold several). */
    private static String key(PatternEntry e) {
        return e.source().toAbsolutePath().normalize() + "\n" + e.name();
    }

    /** Loads files and folders (a folder one level deep); rows appear as files are read. */
    public BackgroundTask<Integer> load(List<Path> chosen) {
        cancelLoad();
        chosen.stream().filter(Files::isDirectory).findFirst()
                .or(() -> chosen.stream().map(Path::getParent).filter(p -> p != null).findFirst())
                .ifPresent(folder -> model.settings().lastFolder = folder.toAbsolutePath().toString());
        remember(chosen);
        selectFirstOfLoad = true;
        duplicates = 0;
        String title = chosen.size() == 1 ? "Loading " + chosen.get(0).getFileName() : "Loading " + chosen.size() + " items";
        Consumer<List<PatternEntry>> publish = rows -> model.executor().uiThread().execute(() -> addRows(rows));
        BackgroundTask<Integer> task = BackgroundTask.of(title, ctx -> readAll(chosen, ctx, publish))
                .onSuccess(files -> finished("Loaded " + files + (files == 1 ? " file" : " files")))
                .onCancelled(() -> finished("Loading cancelled"))
                .onFailure(e -> {
                    model.notifications().error(title, e);
                    finished("Loading failed: " + ErrorMessages.describe(e));
                });
        loadTask = task;
        loading.set(true);
        progress.bind(task.progressProperty());
        status.set(title + " …");
        return model.executor().execute(task);
    }

    /**
     * Opens what the user asked for from outside (a double-clicked file, the command line, a second
     * start handing over its files): loads it like {@link #load}, whose first readable pattern (new or
     * already open) becomes the current one, even when another one is current.
     */
    public BackgroundTask<Integer> open(List<Path> chosen) {
        return load(chosen);
    }

    private int readAll(List<Path> chosen, TaskContext ctx, Consumer<List<PatternEntry>> publish) throws Exception {
        // A simulated data set folder is one unit: its imperfect patterns with their ground truth.
        List<Path> plain = new ArrayList<>();
        int sets = 0;
        for (Path p : chosen) {
            if (Files.isDirectory(p) && DataSetEntries.isDataSetFolder(p)) {
                ctx.updateMessage("Reading the data set " + p.getFileName());
                publish.accept(DataSetEntries.read(p));
                sets++;
            } else {
                plain.add(p);
            }
        }
        if (plain.isEmpty()) {
            return sets;
        }
        List<Path> files = BatchFiles.expand(plain);
        List<PatternEntry> chunk = new ArrayList<>();
        int done = 0;
        long lastPublish = System.nanoTime();
        for (Path file : files) {
            if (ctx.isCancelled()) {
                break;
            }
            chunk.addAll(readOne(file));
            done++;
            ctx.updateProgress(done, files.size());
            if (System.nanoTime() - lastPublish > PUBLISH_EVERY_MS * 1_000_000L) {
                publish.accept(chunk);
                chunk = new ArrayList<>();
                lastPublish = System.nanoTime();
            }
        }
        if (!chunk.isEmpty()) {
            publish.accept(chunk);
        }
        return done + sets;
    }

    private List<PatternEntry> readOne(Path file) {
        try {
            List<Pattern> patterns = reader.read(file);
            if (patterns.isEmpty()) {
                return List.of(PatternEntry.unreadable(file, "the file holds no pattern"));
            }
            List<PatternEntry> rows = new ArrayList<>(patterns.size());
            for (int i = 0; i < patterns.size(); i++) {
                Pattern p = patterns.get(i);
                String name = patterns.size() == 1 ? p.name() : p.name() + " [" + (i + 1) + "]";
                rows.add(PatternEntry.read(file, p, name));
            }
            return rows;
        } catch (Exception | StackOverflowError e) {
            // One bad file never stops the batch: it becomes a row that says what is wrong.
            return List.of(PatternEntry.unreadable(file, ErrorMessages.describe(e)));
        }
    }

    private void addRows(List<PatternEntry> rows) {
        List<PatternEntry> fresh = new ArrayList<>(rows.size());
        PatternEntry first = null;
        for (PatternEntry row : rows) {
            String k = key(row);
            PatternEntry shown = row;
            if (open.contains(k)) {
                duplicates++;
                shown = model.patterns().stream().filter(e -> key(e).equals(k)).findFirst().orElse(row);
            } else if (fresh.stream().noneMatch(e -> key(e).equals(k))) {
                fresh.add(row);
                row.error().ifPresent(err -> model.notifications().error(row.source().getFileName().toString(), err));
            }
            if (first == null && shown.isReadable()) {
                first = shown;
            }
        }
        model.patterns().addAll(fresh);
        if (selectFirstOfLoad && first != null) {
            // what the user just opened is what they want to see: it becomes current (the table scrolls to it)
            selectFirstOfLoad = false;
            model.currentProperty().set(first);
        }
    }

    private void finished(String message) {
        progress.unbind();
        loading.set(false);
        loadTask = null;
        long bad = model.patterns().stream().filter(e -> !e.isReadable()).count();
        status.set(message + ": " + model.patterns().size() + " rows" + (bad > 0 ? ", " + bad + " unreadable" : "")
                + (duplicates > 0 ? ", " + duplicates + (duplicates == 1 ? " pattern was" : " patterns were") + " already open" : ""));
    }

    /** What is open, for the next start (a folder or file once, in the order opened). */
    private void remember(List<Path> chosen) {
        List<String> opened = new ArrayList<>(model.settings().openedPaths == null ? List.of() : model.settings().openedPaths);
        for (Path p : chosen) {
            String abs = p.toAbsolutePath().normalize().toString();
            if (!opened.contains(abs)) {
                opened.add(abs);
            }
        }
        model.settings().openedPaths = opened;
    }

    /** Removes rows (Data ▸ Remove); the files stay where they are. */
    public void remove(List<PatternEntry> rows) {
        List<PatternEntry> gone = List.copyOf(rows);
        if (gone.contains(model.current())) {
            model.currentProperty().set(null);
        }
        model.selection().removeAll(gone);
        model.patterns().removeAll(gone);
        status.set("Removed " + gone.size() + (gone.size() == 1 ? " row: " : " rows: ") + model.patterns().size() + " rows");
    }

    public void cancelLoad() {
        if (loadTask != null) {
            loadTask.cancel();
        }
    }

    /** Removes every row. */
    public void clear() {
        cancelLoad();
        model.currentProperty().set(null);
        model.selection().clear();
        model.patterns().clear();
        model.settings().openedPaths = new ArrayList<>();
        status.set("No patterns loaded");
    }

    /**
     * At start: what was open when the workbench closed (every folder and file, those that still
     * exist), or, at first start, the bundled sample data, so a newcomer sees data at once.
     */
    public void loadAtStart() {
        List<String> opened = model.settings().openedPaths;
        if (opened == null && model.settings().lastFolder != null) {
            opened = List.of(model.settings().lastFolder); // a settings file from before openedPaths
        }
        if (opened == null) {
            openSampleData();
            return;
        }
        List<Path> existing = opened.stream().map(Path::of).filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            load(existing);
        }
    }

    /**
     * File ▸ Open sample data: the bundled measured patterns and the simulated data set (imperfect
     * patterns with their ground truth); rows already open stay as they are.
     */
    public BackgroundTask<Integer> openSampleData() {
        List<Path> samples = new ArrayList<>();
        SampleDataLocator.measuredFolder().ifPresent(samples::add);
        SampleDataLocator.xrdDataSet().ifPresent(samples::add);
        if (samples.isEmpty()) {
            model.notifications().warn("sample-data", "bundled sample data not found (set -Dirw.home)");
            return null;
        }
        return load(samples);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
