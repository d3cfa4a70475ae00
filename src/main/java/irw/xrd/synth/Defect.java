package irw.xrd.synth;

import java.util.Locale;

/** The experimental defects the imperfect set can carry; each can be switched off on its own. */
public enum Defect {
    /** Anisotropic lattice change (strain, alloying): each cell length scaled independently. */
    LATTICE,
    /** A constant 2θ offset of the instrument. */
    ZERO_SHIFT,
    /** Scherrer broadening from small crystallites. */
    SIZE,
    /** March-Dollase preferred orientation along a low-index direction. */
    TEXTURE,
    /** Chebyshev polynomial background plus an amorphous hump. */
    BACKGROUND,
    /** Poisson counting noise at a random count level. */
    NOISE,
    /** The Cu Kα2 line at half the Kα1 intensity. */
    KALPHA2,
    /** A second crystalline phase mixed in. */
    IMPURITY;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Defect parse(String text) {
        for (Defect d : values()) {
            if (d.label().equalsIgnoreCase(text.trim()) || d.name().equalsIgnoreCase(text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown defect '" + text + "'; known: lattice, zero-shift, size, texture, background, noise, kalpha2, impurity");
    }
}
