package irw.service;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Artifact names are plain file names, so that a name from a URL can never reach outside its
 * job's directory: no separators, no "..", no control characters, nothing absolute.
 */
public final class ArtifactNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ArtifactNames() {
    }

    public static boolean isValid(String name) {
        return name != null && PLAIN.matcher(name).matches() && !name.contains("..");
    }

    public static void requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("not a plain artifact file name: " + name);
        }
    }

    /** Resolves a stored relative path inside {@code dir}, refusing anything that escapes it. */
    public static Path confine(Path dir, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(base)) {
            throw new IllegalArgumentException("outside the job directory: " + relative);
        }
        return resolved;
    }
}
