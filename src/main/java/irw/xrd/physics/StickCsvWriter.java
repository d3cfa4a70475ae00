package irw.xrd.physics;

import irw.core.io.AtomicFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Stick patterns as CSV, one row per line, in the columns of the pymatgen reference peaks:
 * {@code structure,two_theta_deg,relative_intensity,d_spacing_angstrom,h,k,l,multiplicity}. Atomic write.
 */
public final class StickCsvWriter {
    public static final String[] HEADER = {"structure", "two_theta_deg", "relative_intensity", "d_spacing_angstrom", "h", "k", "l", "multiplicity"};

    private StickCsvWriter() {
    }

    public static void write(Path target, List<StickPattern> patterns) throws IOException {
        AtomicFiles.write(target, out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').build());
            for (StickPattern p : patterns) {
                for (Stick s : p.sticks()) {
                    csv.printRecord(p.structureId(), String.format(Locale.ROOT, "%.5f", s.twoTheta()),
                            String.format(Locale.ROOT, "%.4f", s.intensity()), String.format(Locale.ROOT, "%.6f", s.d()),
                            s.h(), s.k(), s.l(), s.multiplicity());
                }
            }
            csv.flush();
        });
    }
}
