package irw.xrd.cif;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code data_} block of a CIF file: tags (lower-cased, CIF tags are case-insensitive) with
 * their values and the line each value stands on. A tag outside a loop has one value; a looped tag
 * has one value per loop row, and all tags of a loop have the same number of rows.
 */
public final class CifBlock {
    /** The values of one tag and their 1-based line numbers. */
    public record Column(String tag, List<String> values, int[] lines, int loop) {
        public int size() {
            return values.size();
        }

        public int lineOf(int row) {
            return lines[Math.min(row, lines.length - 1)];
        }
    }

    private final String name;
    private final int line;
    private final Path file;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    CifBlock(String name, int line, Path file) {
        this.name = name;
        this.line = line;
        this.file = file;
    }

    void put(Column column) throws CifFormatException {
        String key = column.tag().toLowerCase(java.util.Locale.ROOT);
        if (columns.containsKey(key)) {
            throw error(column.lineOf(0), "tag " + column.tag() + " appears twice");
        }
        columns.put(key, column);
    }

    /** The block name, without {@code data_}. */
    public String name() {
        return name;
    }

    /** The line of the {@code data_} header. */
    public int line() {
        return line;
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public boolean has(String tag) {
        return columns.containsKey(tag.toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<Column> column(String tag) {
        return Optional.ofNullable(columns.get(tag.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The first of the given tags that the block has. */
    public Optional<Column> firstColumn(String... tags) {
        for (String tag : tags) {
            Column c = columns.get(tag.toLowerCase(java.util.Locale.ROOT));
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The single value of a tag, or empty when the tag is missing or unknown ({@code ?} or {@code .}). */
    public Optional<String> value(String... tags) {
        return firstColumn(tags).map(c -> c.values().get(0)).filter(v -> !CifNumber.isUnknown(v));
    }

    public List<String> tags() {
        List<String> out = new ArrayList<>();
        columns.values().forEach(c -> out.add(c.tag()));
        return Collections.unmodifiableList(out);
    }

    public CifFormatException error(int atLine, String problem) {
        return new CifFormatException(file, name, atLine, problem);
    }

    @Override
    public String toString() {
        return "data_" + name + " (" + columns.size() + " tags, line " + line + ")";
    }
}
