package irw.app.identify;

import irw.core.Wavelength;
import irw.core.io.AtomicFiles;
import irw.xrd.peaks.Peak;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The peak list as CSV: {@code two_theta_deg,d_angstrom,height,fwhm_deg}, on the measured axis, heights
 * in net counts above the background; '#' lines first say which pattern, wavelength and steps.
 */
final class PeakListCsv {
    private PeakListCsv() {
    }

    static void write(Path file, String pattern, Wavelength wavelength, boolean assumed, String steps, double minPercent, List<Peak> peaks)
            throws IOException {
        AtomicFiles.write(file, out -> {
            var w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("# peaks of " + pattern + "\n");
            w.write("# wavelength: " + wavelength + (assumed ? " (assumed: the file states none)" : "") + "; d from Kα1\n");
            w.write("# pattern: " + steps + "; heights are net counts above the SNIP background, on the measured 2θ axis;"
                    + " peaks of at least " + minPercent + " % of the strongest\n");
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("two_theta_deg", "d_angstrom", "height", "fwhm_deg").get())) {
                for (Peak p : peaks) {
                    csv.printRecord(fmt(p.twoTheta(), 4), fmt(p.d(), 5), fmt(p.height(), 2), fmt(p.fwhm(), 4));
                }
            }
        });
    }

    private static String fmt(double v, int digits) {
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
    }
}
