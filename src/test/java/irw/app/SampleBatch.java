package irw.app;

import irw.app.data.DataViewModel;
import irw.app.settings.SettingsStore;
import irw.app.task.CurrentThreadTaskExecutor;
import irw.app.workbench.WorkbenchModel;
import irw.xrd.io.PatternReaders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A workbench model on the same-thread executor, with the bundled measured patterns loaded. */
public final class SampleBatch {
    public static final Path MEASURED = Path.of("sample-data/measured");

    private SampleBatch() {
    }

    public static WorkbenchModel emptyModel(Path configDir) {
        return new WorkbenchModel(new CurrentThreadTaskExecutor(), new SettingsStore(configDir.resolve("settings.json")));
    }

    public static WorkbenchModel loaded(Path configDir) {
        WorkbenchModel model = emptyModel(configDir);
        new DataViewModel(model, PatternReaders::read).load(List.of(MEASURED));
        return model;
    }

    /** Data files in the measured folder (the licence file beside them is not data). */
    public static long measuredFileCount() throws Exception {
        try (var files = Files.list(MEASURED)) {
            return files.filter(p -> !p.getFileName().toString().startsWith("LICENSE") && !p.getFileName().toString().equals("labels.csv")).count();
        }
    }
}
