package irw.xrd.library;

import irw.xrd.cif.CrystalSystem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index that comes with a structure library file ({@code amcsd-index.csv}): one row per
 * {@code data_} block with the mineral name, formula and symmetry as the library's curators gave them.
 */
public final class StructureIndex {
    static final List<String> COLUMNS = List.of("block", "mineral", "formula", "space_group_hm", "space_group_number", "crystal_system");

    /** One row of the index. */
    public record Row(String block, String mineral, String formula, String spaceGroup, int spaceGroupNumber,
                      Optional<CrystalSystem> crystalSystem) {
    }

    private final Map<String, Row> rows;

    private StructureIndex(Map<String, Row> rows) {
        this.rows = rows;
    }

    public static StructureIndex empty() {
        return new StructureIndex(Map.of());
    }

    public static StructureIndex read(Path file) throws IOException {
        Map<String, Row> rows = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (String column : COLUMNS) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new IOException(file + ": the index has no column '" + column + "' (expected " + String.join(",", COLUMNS) + ")");
                }
            }
            for (CSVRecord r : csv) {
                int number;
                try {
                    number = r.get("space_group_number").isBlank() ? 0 : Integer.parseInt(r.get("space_group_number").trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ", line " + csv.getCurrentLineNumber() + ": space_group_number is not a whole number: '"
                            + r.get("space_group_number") + "'");
                }
                String block = r.get("block").trim();
                rows.put(block, new Row(block, r.get("mineral").trim(), r.get("formula").trim(), r.get("space_group_hm").trim(), number,
                        CrystalSystem.ofLabel(r.get("crystal_system"))));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + ": not a readable index CSV: " + e.getMessage(), e);
        }
        return new StructureIndex(rows);
    }

    public Optional<Row> row(String block) {
        return Optional.ofNullable(rows.get(block));
    }

    public int size() {
        return rows.size();
    }
}
