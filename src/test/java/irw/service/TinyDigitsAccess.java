package irw.service;

import java.nio.file.Path;

/** {@link TinyDigits} for tests in other packages. */
public final class TinyDigitsAccess {
    private TinyDigitsAccess() {
    }

    public static Path write(Path dir, int perClass) throws Exception {
        return TinyDigits.write(dir, perClass);
    }

    public static String classifierSpec(Path images, int steps, int checkpointEvery, long seed) {
        return TinyDigits.classifierSpec(images, steps, checkpointEvery, seed);
    }

    public static String refinerSpec(Path images, String classifierRef, int steps, long seed) {
        return TinyDigits.refinerSpec(images, classifierRef, steps, seed);
    }
}
