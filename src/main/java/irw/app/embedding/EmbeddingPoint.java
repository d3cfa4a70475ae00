package irw.app.embedding;

import irw.app.workbench.PatternEntry;

/**
 * One point of the t-SNE map.
 *
 * @param entry the pattern it belongs to (null for a prototype)
 */
public record EmbeddingPoint(String name, PointKind kind, String className, double x, double y, PatternEntry entry) {
}
