package irw.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about where a pattern came from.
 *
 * @param source     the file it was read from, when it was read from one
 * @param format     the detected file format ("xrdml", "bruker-raw-v4", "simulated", ...)
 * @param sampleName a human-readable name (file stem, sample id or structure name)
 * @param wavelength the radiation, when the file states it or the simulator used it
 * @param label      the class label (crystal system, digit), when known
 * @param extras     other key/value facts worth keeping (scan type, instrument, defect parameters)
 */
public record PatternMetadata(Optional<Path> source, String format, String sampleName,
                              Optional<Wavelength> wavelength, Optional<String> label, Map<String, String> extras) {
    /** The extra that says what a reader could not read as written (lines split or skipped): shown to the user, never silent. */
    public static final String WARNING = "warning";

    public PatternMetadata {
        extras = Map.copyOf(extras);
    }

    public static PatternMetadata named(String sampleName) {
        return new PatternMetadata(Optional.empty(), "memory", sampleName, Optional.empty(), Optional.empty(), Map.of());
    }

    public static PatternMetadata fromFile(Path source, String format, Wavelength wavelengthOrNull) {
        String stem = source.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        return new PatternMetadata(Optional.of(source), format, stem, Optional.ofNullable(wavelengthOrNull), Optional.empty(), Map.of());
    }

    public PatternMetadata withLabel(String newLabel) {
        return new PatternMetadata(source, format, sampleName, wavelength, Optional.ofNullable(newLabel), extras);
    }

    public PatternMetadata withSampleName(String newName) {
        return new PatternMetadata(source, format, newName, wavelength, label, extras);
    }

    public PatternMetadata withWavelength(Wavelength newWavelength) {
        return new PatternMetadata(source, format, sampleName, Optional.ofNullable(newWavelength), label, extras);
    }

    /** What the reader could not read as written, when anything. */
    public Optional<String> warning() {
        return Optional.ofNullable(extras.get(WARNING));
    }

    public PatternMetadata withExtras(Map<String, String> more) {
        var merged = new java.util.LinkedHashMap<>(extras);
        merged.putAll(more);
        return new PatternMetadata(source, format, sampleName, wavelength, label, merged);
    }
}
