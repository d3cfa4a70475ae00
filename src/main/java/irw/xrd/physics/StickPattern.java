package irw.xrd.physics;

import irw.core.Wavelength;

import java.util.List;

/** The sticks of one structure in increasing 2θ, with the strongest scaled to 100. */
public record StickPattern(String structureId, Wavelength wavelength, List<Stick> sticks) {
    public StickPattern {
        sticks = List.copyOf(sticks);
    }

    public int size() {
        return sticks.size();
    }
}
