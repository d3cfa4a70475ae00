package irw.app.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled {@code sample-data/} folder: under {@code -Dirw.home}, next to the jar (or
 * one level up, for {@code target/irw.jar}), or in the working directory.
 */
public final class SampleDataLocator {
    private SampleDataLocator() {
    }

    public static Optional<Path> sampleData() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("irw.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, "sample-data"));
        }
        codeLocation().ifPresent(dir -> {
            candidates.add(dir.resolve("sample-data"));
            if (dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("sample-data"));
            }
        });
        candidates.add(Path.of("sample-data").toAbsolutePath());
        return candidates.stream().filter(Files::isDirectory).findFirst().map(Path::normalize);
    }

    /** The measured patterns shown at first start. */
    public static Optional<Path> measuredFolder() {
        return sampleData().map(d -> d.resolve("measured")).filter(Files::isDirectory);
    }

    /** The bundled simulated data set: imperfect patterns with their ground truth. */
    public static Optional<Path> xrdDataSet() {
        return sampleData().map(d -> d.resolve("datasets/xrd")).filter(DataSetEntries::isDataSetFolder);
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = SampleDataLocator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            // a jar lives in a folder; classes/ is itself the folder (target/classes)
            return Optional.ofNullable(p.getParent());
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }
}
