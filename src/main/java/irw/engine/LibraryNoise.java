package irw.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps DL4J's unconditional prints out of the process's stdout. SameDiff M2.1 writes "Added
 * differentiated op NAME" with {@code System.out.println} for every op when it builds a gradient
 * function (no logger, no switch): 192 lines in one CLI test, 253 at the workbench's start, and
 * once in a captured {@code irw submit} output, where the job id is a contract scripts read. The
 * filter drops exactly those lines and passes everything else through unchanged.
 */
public final class LibraryNoise {
    static final byte[] NOISE = "Added differentiated op ".getBytes(StandardCharsets.US_ASCII);

    private LibraryNoise() {
    }

    /** Wraps the current System.out in the filter, once (idempotent, cheap): call before the engine builds a gradient. */
    public static synchronized void filterStdout() {
        if (!(System.out instanceof Filtered)) {
            System.setOut(new Filtered(System.out));
        }
    }

    /** A stdout without the noise lines. */
    static final class Filtered extends PrintStream {
        Filtered(PrintStream target) {
            super(new LineFilter(target), true, stdoutCharset());
        }
    }

    /** The charset Java 17 gives System.out (PrintStream.charset() arrived in 18). */
    private static java.nio.charset.Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(name);
        } catch (RuntimeException e) {
            return java.nio.charset.Charset.defaultCharset();
        }
    }

    /** Buffers a line until its end (or until it can no longer be noise), then passes it on or drops it. */
    static final class LineFilter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

        LineFilter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit(true);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() {
            emit(false);
            target.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            emit(false);
            target.flush();
        }

        /** Writes the pending bytes unless they are, or may still become, a noise line. */
        private void emit(boolean lineEnded) {
            byte[] bytes = line.toByteArray();
            if (bytes.length == 0) {
                return;
            }
            int n = Math.min(bytes.length, NOISE.length);
            boolean matches = true;
            for (int i = 0; i < n; i++) {
                if (bytes[i] != NOISE[i]) {
                    matches = false;
                    break;
                }
            }
            if (matches && !lineEnded) {
                return; // could still be noise: wait for the line's end
            }
            line.reset();
            if (!matches || bytes.length < NOISE.length) {
                target.write(bytes, 0, bytes.length);
                if (lineEnded) {
                    target.flush();
                }
            }
        }
    }
}
