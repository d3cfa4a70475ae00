package irw.xrd.search;

import irw.xrd.library.StructureEntry;

import java.util.Set;

/**
 * Which structures a search may propose, by their elements: only structures made of the allowed
 * elements (when any are given), and only structures containing every required element.
 *
 * @param allowed  "only these elements"; empty allows every element
 * @param required "must contain"; empty requires none
 */
public record ElementFilter(Set<String> allowed, Set<String> required) {
    public static final ElementFilter NONE = new ElementFilter(Set.of(), Set.of());

    public ElementFilter {
        allowed = Set.copyOf(allowed);
        required = Set.copyOf(required);
    }

    public boolean accepts(StructureEntry e) {
        if (!allowed.isEmpty() && !allowed.containsAll(e.elements())) {
            return false;
        }
        return e.elements().containsAll(required);
    }
}
