package irw.xrd.io;

import irw.core.PatternFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian reads from a binary file: reading past the end is a
 * {@link PatternFormatException} ("truncated") that names the offset, never an index exception.
 */
final class LittleEndianCursor {
    private final SourceFile src;
    private final ByteBuffer buf;

    LittleEndianCursor(SourceFile src) {
        this.src = src;
        this.buf = ByteBuffer.wrap(src.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    int size() {
        return buf.limit();
    }

    long remainingAfter(long offset) {
        return Math.max(0, buf.limit() - offset);
    }

    private int check(long offset, int length, String what) throws PatternFormatException {
        if (offset < 0 || offset + length > buf.limit()) {
            throw src.fail("truncated: " + what + " at byte " + offset + " lies beyond the end of the file ("
                    + buf.limit() + " bytes)");
        }
        return (int) offset;
    }

    long u32(long offset, String what) throws PatternFormatException {
        return Integer.toUnsignedLong(buf.getInt(check(offset, 4, what)));
    }

    int u16(long offset, String what) throws PatternFormatException {
        return Short.toUnsignedInt(buf.getShort(check(offset, 2, what)));
    }

    float f32(long offset, String what) throws PatternFormatException {
        return buf.getFloat(check(offset, 4, what));
    }

    double f64(long offset, String what) throws PatternFormatException {
        return buf.getDouble(check(offset, 8, what));
    }

    /** A fixed-width, NUL-padded text field. */
    String text(long offset, int length, String what) throws PatternFormatException {
        int at = check(offset, length, what);
        int end = at;
        while (end < at + length && buf.get(end) != 0) {
            end++;
        }
        return new String(src.bytes(), at, end - at, StandardCharsets.ISO_8859_1).strip();
    }
}
