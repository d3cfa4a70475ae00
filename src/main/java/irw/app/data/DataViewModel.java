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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Data view: loads files and folders in the background (progress, cancel), adds a row per
 * pattern as files are read, and lists unreadable files with their error instead of stopping.
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

    public DataViewModel(WorkbenchModel model, PatternFileReader reader) {
        this.model = model;
        this.reader = reader;
    }

    /** Loads files and folders (a folder one level deep); rows appear as files are read. */
    public BackgroundTask<Integer> load(List<Path> chosen) {
        cancelLoad();
        chosen.stream().filter(Files::isDirectory).findFirst()
                .or(() -> chosen.stream().map(Path::getParent).filter(p -> p != null).findFirst())
                .ifPresent(folder -> model.settings().lastFolder = folder.toAbsolutePath().toString());
        String title = chosen.size() == 1 ? "Loading " + chosen.get(0).getFileName() : "Loading " + chosen.size() + " items";
        Consumer<List<PatternEntry>> publish = rows -> model.executor().uiThread().execute(() -> addRows(rows));
        BackgroundTask<Integer> task = BackgroundTask.of(title, ctx -> readAll(chosen, ctx, publish))
                .onSuccess(files -> finished("Loaded " + files + " files"))
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

    private int readAll(List<Path> chosen, TaskContext ctx, Consumer<List<PatternEntry>> publish) throws Exception {
        // A simulated data set folder is one unit: its imperfect patterns with their ground truth.
        List<Path> plain = new java.util.ArrayList<>();
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
        model.patterns().addAll(rows);
        for (PatternEntry row : rows) {
            row.error().ifPresent(err -> model.notifications().error(row.source().getFileName().toString(), err));
        }
        if (model.current() == null) {
            rows.stream().filter(PatternEntry::isReadable).findFirst().ifPresent(model.currentProperty()::set);
        }
    }

    private void finished(String message) {
        progress.unbind();
        loading.set(false);
        loadTask = null;
        long bad = model.patterns().stream().filter(e -> !e.isReadable()).count();
        status.set(message + ": " + model.patterns().size() + " rows" + (bad > 0 ? ", " + bad + " unreadable" : ""));
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
        status.set("No patterns loaded");
    }

    /**
     * At start: the folder used last time, or, at first start, the bundled measured patterns, so a
     * newcomer sees data at once.
     */
    public void loadAtStart() {
        String last = model.settings().lastFolder;
        if (last != null && Files.isDirectory(Path.of(last))) {
            load(List.of(Path.of(last)));
            return;
        }
        List<Path> samples = new java.util.ArrayList<>();
        SampleDataLocator.measuredFolder().ifPresent(samples::add);
        SampleDataLocator.xrdDataSet().ifPresent(samples::add);
        if (samples.isEmpty()) {
            model.notifications().warn("sample-data", "bundled sample data not found (set -Dirw.home)");
        } else {
            load(samples);
        }
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
