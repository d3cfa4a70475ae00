package irw.app.data;

import irw.core.io.SampleDataFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bundled sample data the workbench opens at first start (see {@link SampleDataFolder}). */
public final class SampleDataLocator {
    private SampleDataLocator() {
    }

    /** The measured patterns shown at first start. */
    public static Optional<Path> measuredFolder() {
        return SampleDataFolder.find().map(d -> d.resolve("measured")).filter(Files::isDirectory);
    }

    /** The bundled simulated data set: imperfect patterns with their ground truth. */
    public static Optional<Path> xrdDataSet() {
        return SampleDataFolder.find().map(d -> d.resolve("datasets/xrd")).filter(DataSetEntries::isDataSetFolder);
    }
}
