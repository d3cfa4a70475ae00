package irw.app.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands what the user chose (files and folders) into the files to read. Folders are read one
 * level deep, sorted by name; attribution files that sit beside data (LICENSE, README, *.md), the
 * labels of a labelled measurement folder ({@code labels.csv}) and hidden files are skipped rather than
 * reported as unreadable.
 */
public final class BatchFiles {
    private BatchFiles() {
    }

    public static List<Path> expand(List<Path> chosen) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : chosen) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> listing = Files.list(p)) {
                    listing.filter(Files::isRegularFile).filter(BatchFiles::looksLikeData)
                            .sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString(), String.CASE_INSENSITIVE_ORDER))
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    static boolean looksLikeData(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.startsWith("license") && !lower.startsWith("readme")
                && !lower.endsWith(".md") && !lower.endsWith(".json") && !lower.endsWith(".properties") && !lower.equals("labels.csv");
    }
}
