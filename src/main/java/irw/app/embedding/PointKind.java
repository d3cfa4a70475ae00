package irw.app.embedding;

/** What a point of the embedding is; the view gives each kind its own marker shape. */
public enum PointKind { IDEAL, RAW, REFINED, PROTOTYPE }
