package irw.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of job spec fields; every problem is an {@link InvalidJobSpecException} naming the field. */
final class SpecFields {
    private SpecFields() {
    }

    static void rejectUnknown(JsonNode node, Set<String> known, String prefix) throws InvalidJobSpecException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new InvalidJobSpecException(prefix + shown(name), "unknown field; expected one of " + new TreeSet<>(known));
            }
        }
    }

    static boolean bool(JsonNode node, String field) throws InvalidJobSpecException {
        if (node == null || !node.isBoolean()) {
            throw new InvalidJobSpecException(field, "must be true or false");
        }
        return node.booleanValue();
    }

    /** The longest string a spec field takes (a path: Linux's PATH_MAX). */
    static final int MAX_TEXT = 4096;

    static String text(JsonNode node, String field) throws InvalidJobSpecException {
        return text(node, field, MAX_TEXT);
    }

    /** A string of at most {@code maxLength} characters: every string is stored and listed with its job. */
    static String text(JsonNode node, String field, int maxLength) throws InvalidJobSpecException {
        if (node == null || !node.isTextual()) {
            throw new InvalidJobSpecException(field, "must be a string");
        }
        String text = node.textValue();
        if (text.length() > maxLength) {
            throw new InvalidJobSpecException(field, "too long: " + text.length() + " characters, at most " + maxLength);
        }
        return text;
    }

    /** A name from the request as an error message shows it: cut short, so that an answer never echoes a huge input. */
    static String shown(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "… (" + name.length() + " characters)";
    }

    static double finite(JsonNode node, String field, double min, double max) throws InvalidJobSpecException {
        if (node == null || !node.isNumber()) {
            throw new InvalidJobSpecException(field, "must be a number");
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new InvalidJobSpecException(field, "must be between " + min + " and " + max + ", was " + node.asText());
        }
        return v;
    }

    /** A number greater than 0 and at most max (learning rates, step sizes). */
    static double positive(JsonNode node, String field, double max) throws InvalidJobSpecException {
        double v = finite(node, field, 0, max);
        if (v <= 0) {
            throw new InvalidJobSpecException(field, "must be greater than 0, was " + v);
        }
        return v;
    }

    static long integral(JsonNode node, String field, long min, long max) throws InvalidJobSpecException {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidJobSpecException(field, "must be a whole number");
        }
        long v = node.longValue();
        if (v < min || v > max) {
            throw new InvalidJobSpecException(field, "must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    /** {@code node.get(name)} read as an int in [min, max], or {@code fallback} when absent. */
    static int intOr(JsonNode node, String name, String prefix, int min, int max, int fallback) throws InvalidJobSpecException {
        return node.has(name) ? (int) integral(node.get(name), prefix + name, min, max) : fallback;
    }

    static double doubleOr(JsonNode node, String name, String prefix, double min, double max, double fallback) throws InvalidJobSpecException {
        return node.has(name) ? finite(node.get(name), prefix + name, min, max) : fallback;
    }

    static boolean boolOr(JsonNode node, String name, String prefix, boolean fallback) throws InvalidJobSpecException {
        return node.has(name) ? bool(node.get(name), prefix + name) : fallback;
    }
}
