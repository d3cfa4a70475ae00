package irw.core.io;

import irw.core.Pattern;
import irw.core.TwoThetaGrid;
import irw.core.Wavelength;

import java.util.Locale;
import java.util.Optional;

/**
 * The header lines of an export that say, for each written pattern, what its numbers are: measured
 * counts on the file's own axis (nothing resampled), or values resampled onto a model's grid and
 * preprocessed. A reader of the file must never mistake one for the other.
 */
public final class ExportProvenance {
    private ExportProvenance() {
    }

    /**
     * A measured pattern written as read: "NAME: measured, read from FILE (FORMAT); wavelength …;
     * N points, 2θ a–b° on the file's own axis; the file's counts; nothing resampled, scaled or subtracted".
     *
     * @param wavelengthNote how the wavelength is known ("stated by the file", "entered by the user; the
     *                       file states none"), or "" to take it from the pattern alone
     */
    public static String measured(Pattern p, String wavelengthNote) {
        String source = p.metadata().source().map(s -> s.toAbsolutePath().normalize().toString()).orElse("(no file)");
        return String.format(Locale.ROOT, "%s: measured, read from %s (%s); wavelength %s; %d points, 2θ %s–%s° on the file's own axis; "
                        + "intensities are the file's counts; nothing resampled, scaled or subtracted",
                p.name(), source, p.metadata().format(), wavelength(p.metadata().wavelength(), wavelengthNote), p.size(),
                PatternCsvWriter.num(p.firstTwoTheta()), PatternCsvWriter.num(p.lastTwoTheta()));
    }

    /**
     * A pattern on a model's grid: "NAME: resampled onto the model grid 5–80° 2θ, 2000 points (step …) at
     * WAVELENGTH; WHAT". {@code what} says what else was done (background removed, scaled, by which model).
     */
    public static String onGrid(String name, TwoThetaGrid grid, String what) {
        return String.format(Locale.ROOT, "%s: resampled onto the model grid %s–%s° 2θ, %d points (step %.4f°) at %s; %s", name,
                PatternCsvWriter.num(grid.start()), PatternCsvWriter.num(grid.end()), grid.points(), grid.step(), grid.wavelength(), what);
    }

    private static String wavelength(Optional<Wavelength> w, String note) {
        String value = w.map(Wavelength::toString).orElse("not stated by the file");
        return note.isBlank() || w.isEmpty() ? value : value + " (" + note + ")";
    }
}
