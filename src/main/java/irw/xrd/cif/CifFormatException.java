package irw.xrd.cif;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A CIF block could not be read. The message names the file (when known), the data block and the
 * line, so a user can open the file at the right place.
 */
public class CifFormatException extends Exception {
    private final String block;
    private final int line;

    public CifFormatException(Path file, String block, int line, String problem) {
        super(describe(file, block, line) + ": " + problem);
        this.block = block;
        this.line = line;
    }

    private static String describe(Path file, String block, int line) {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file).append(", ");
        }
        where.append("block ").append(block == null || block.isEmpty() ? "(before the first data_)" : "data_" + block);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        return where.toString();
    }

    /** The data block name (without {@code data_}), or empty before the first block. */
    public Optional<String> block() {
        return Optional.ofNullable(block);
    }

    /** 1-based line in the file, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }
}
