package irw.xrd.cif;

import java.util.Locale;
import java.util.Optional;

/** The seven crystal systems, in the order of {@code ClassSet.CRYSTAL_SYSTEMS}. */
public enum CrystalSystem {
    TRICLINIC, MONOCLINIC, ORTHORHOMBIC, TETRAGONAL, TRIGONAL, HEXAGONAL, CUBIC;

    /** The lower-case name used as a class label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the International Tables space-group number (1-230). */
    public static CrystalSystem ofSpaceGroup(int number) {
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("space group number must be 1-230, got " + number);
        }
        if (number <= 2) {
            return TRICLINIC;
        } else if (number <= 15) {
            return MONOCLINIC;
        } else if (number <= 74) {
            return ORTHORHOMBIC;
        } else if (number <= 142) {
            return TETRAGONAL;
        } else if (number <= 167) {
            return TRIGONAL;
        } else if (number <= 194) {
            return HEXAGONAL;
        }
        return CUBIC;
    }

    public static Optional<CrystalSystem> ofLabel(String label) {
        for (CrystalSystem s : values()) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return Optional.of(s);
            }
        }
        // "rhombohedral" is a lattice system of the trigonal crystal system
        return label.trim().equalsIgnoreCase("rhombohedral") ? Optional.of(TRIGONAL) : Optional.empty();
    }
}
