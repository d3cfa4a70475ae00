package irw.experiments.real;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A folder of real measurements with a {@code labels.csv}: {@code file} and either {@code crystal_system}
 * (one phase) or {@code crystal_systems} ("tetragonal+cubic" for a mixture). A blank system means the
 * sample is not one crystalline phase of known symmetry (amorphous, a disordered clay, a mineral not
 * identified further): a classifier should be uncertain there, not confident.
 */
public record LabelledMeasurements(Path folder, List<Entry> entries) {
    public static final String LABELS = "labels.csv";

    /** @param systems the crystal systems of its phases (one for a single phase; empty when unknown) */
    public record Entry(Path file, String phases, Set<String> systems) {
        public boolean mixture() {
            return phases.contains("+");
        }

        public boolean labelled() {
            return !systems.isEmpty();
        }
    }

    public static LabelledMeasurements read(Path folder) throws IOException {
        Path labels = folder.resolve(LABELS);
        if (!Files.isRegularFile(labels)) {
            throw new IOException(folder + ": no " + LABELS + " (file, crystal_system or crystal_systems) beside the measurements");
        }
        List<Entry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                String systems = row.isMapped("crystal_systems") ? row.get("crystal_systems")
                        : row.isMapped("crystal_system") ? row.get("crystal_system") : null;
                if (systems == null) {
                    throw new IOException(labels + ": needs a crystal_system or crystal_systems column");
                }
                String phases = row.isMapped("phases") ? row.get("phases") : row.isMapped("phase") ? row.get("phase") : "";
                Set<String> set = new LinkedHashSet<>();
                for (String s : systems.split("\\+")) {
                    if (!s.isBlank()) {
                        set.add(s.trim().toLowerCase(Locale.ROOT));
                    }
                }
                out.add(new Entry(folder.resolve(row.get("file")), phases, set));
            }
        }
        return new LabelledMeasurements(folder, out);
    }
}
