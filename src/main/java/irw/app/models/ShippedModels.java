package irw.app.models;

import irw.core.io.SampleDataFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pre-trained models in {@code sample-data/models/}: xrd-classifier.*, xrd-refiner.*,
 * digits-classifier.* (files) and digits-mic/ (a MIC model folder).
 */
public final class ShippedModels {
    private ShippedModels() {
    }

    public static Optional<Path> find(String stem) {
        return SampleDataFolder.find().map(d -> d.resolve("models")).filter(Files::isDirectory).flatMap(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().startsWith(stem + ".")).sorted().findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** A shipped model folder, such as {@code digits-mic}, when the sample data holds it. */
    public static Optional<Path> folder(String name) {
        return SampleDataFolder.find().map(d -> d.resolve("models").resolve(name)).filter(Files::isDirectory);
    }
}
