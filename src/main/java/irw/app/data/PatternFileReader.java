package irw.app.data;

import irw.core.Pattern;

import java.nio.file.Path;
import java.util.List;

/** Reads one diffraction file into its patterns (the xrd readers, seen from the app). */
@FunctionalInterface
public interface PatternFileReader {
    List<Pattern> read(Path file) throws Exception;
}
