package irw.core;

import java.util.List;

/** The ordered class names of a task: index i is class i everywhere (labels, logits, prototypes). */
public record ClassSet(List<String> names) {

    public static final ClassSet CRYSTAL_SYSTEMS = new ClassSet(List.of(
            "triclinic", "monoclinic", "orthorhombic", "tetragonal", "trigonal", "hexagonal", "cubic"));
    public static final ClassSet DIGITS = new ClassSet(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    public ClassSet {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a class set needs at least one class");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("class names must be unique: " + names);
        }
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** Index of a class name (case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        return -1;
    }
}
