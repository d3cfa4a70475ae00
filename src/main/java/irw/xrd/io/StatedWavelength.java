package irw.xrd.io;

import irw.core.Wavelength;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds the {@link Wavelength} a file states, tolerating the ways instruments state it: Kα2 equal
 * to Kα1 or a zero ratio means a single line; an implausible value (≤ 0, > 10 Å, NaN) means the
 * file does not usefully state one, and the pattern is still read without it.
 */
final class StatedWavelength {
    private StatedWavelength() {
    }

    static Optional<Wavelength> of(String anode, Double kAlpha1, Double kAlpha2, Double ratio) {
        if (!plausible(kAlpha1)) {
            return Optional.empty();
        }
        String element = cleanAnode(anode);
        Double k2 = plausible(kAlpha2) && Math.abs(kAlpha2 - kAlpha1) > 1e-9 ? kAlpha2 : null;
        double r = ratio != null && Double.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : 0;
        return Optional.of(Wavelength.of(element, kAlpha1, k2, r));
    }

    private static boolean plausible(Double angstrom) {
        return angstrom != null && Double.isFinite(angstrom) && angstrom > 0 && angstrom < 10;
    }

    /** "Cu", "CU", "'Cu'", "Cu\0\0" all become "Cu"; anything that is not an element symbol becomes null. */
    static String cleanAnode(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace("'", "").replace("\"", "").replace("\0", "").strip();
        if (!s.matches("[A-Za-z]{1,2}")) {
            return null;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}
