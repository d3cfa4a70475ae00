package irw.xrd.io;

import irw.core.PatternFormatException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The bytes of one file being read, with the path used in error messages.
 *
 * @param path  where the bytes came from (or the name they are known by)
 * @param bytes the whole content; readers never modify it
 */
record SourceFile(Path path, byte[] bytes) {

    /** The lower-case extension without the dot, or "" when the name has none. */
    String extension() {
        Path name = path.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension: the default sample name. */
    String stem() {
        Path name = path.getFileName();
        String s = name == null ? "pattern" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? s : s.substring(0, dot);
    }

    /**
     * The content as text: UTF-16 when it starts with a UTF-16 byte-order mark (as Windows
     * "Unicode" exports do), else UTF-8 (a BOM is dropped), or ISO-8859-1 when it is not valid UTF-8.
     */
    String text() {
        return decode(bytes);
    }

    /** True when the bytes start with a UTF-16 byte-order mark (FE FF or FF FE). */
    static boolean hasUtf16Bom(byte[] raw) {
        return raw.length >= 2 && (((raw[0] & 0xFF) == 0xFE && (raw[1] & 0xFF) == 0xFF) || ((raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE));
    }

    static String decode(byte[] raw) {
        if (hasUtf16Bom(raw)) {
            return new String(raw, StandardCharsets.UTF_16); // reads the BOM, either byte order, and drops it
        }
        int start = raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF ? 3 : 0;
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(raw, start, raw.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(raw, start, raw.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    PatternFormatException fail(String problem) {
        return new PatternFormatException(path, problem);
    }

    PatternFormatException fail(String problem, Throwable cause) {
        return new PatternFormatException(path, problem, cause);
    }

    /** A number from text, or a PatternFormatException saying where it was expected. */
    double number(String token, String where) throws PatternFormatException {
        return number(token, () -> where);
    }

    /** As {@link #number(String, String)}, building the location text only when it is needed. */
    double number(String token, java.util.function.Supplier<String> where) throws PatternFormatException {
        Optional<Double> v = Numbers.parse(token);
        if (v.isEmpty()) {
            throw fail(where.get() + ": expected a number, found '" + Numbers.shorten(token) + "'");
        }
        return v.get();
    }
}
