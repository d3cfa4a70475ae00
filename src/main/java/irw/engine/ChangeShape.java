package irw.engine;

/**
 * What a per-item refinement may change (issue 11: a refined item stays physical). Applied after
 * every step of {@link PerPatternRefiner}: it takes the original item and the proposed one and
 * returns the accepted one. {@link #NONE} accepts everything.
 */
@FunctionalInterface
public interface ChangeShape {
    ChangeShape NONE = (original, proposed) -> proposed;

    float[] accept(float[] original, float[] proposed);
}
