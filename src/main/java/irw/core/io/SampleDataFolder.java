package irw.core.io;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled {@code sample-data/} folder, so commands and the workbench work from any
 * working directory: under {@code -Dirw.home} (the launchers set it), next to the jar (or one level
 * up, for {@code target/irw.jar}), or in the working directory.
 */
public final class SampleDataFolder {
    private SampleDataFolder() {
    }

    public static Optional<Path> find() {
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

    /**
     * {@code sample-data/<relative>} of the bundled folder; when there is none, the relative path
     * under the working directory, so an error message names what was looked for.
     */
    public static Path resolve(String relative) {
        return find().map(d -> d.resolve(relative)).orElse(Path.of("sample-data", relative));
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = SampleDataFolder.class.getProtectionDomain().getCodeSource();
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
