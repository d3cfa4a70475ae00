package irw.digits;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The ranges the ideal digits' variations are drawn from (uniformly). Each factor can be switched
 * off on its own ({@link #without}) to measure what it is worth (experiments.md, "typeset digits").
 *
 * @param maxRotation    degrees, ± (0: none)
 * @param maxSlant       horizontal shear, ± (0: none)
 * @param minAspect      narrowest width multiplier (1 with maxAspect 1: none)
 * @param maxAspect      widest width multiplier
 * @param minStroke      thinnest pen width in pixels of the 28×28 image (NaN: the typeface's own width)
 * @param maxStroke      thickest pen width
 * @param maxElastic     largest RMS elastic displacement in pixels (0: none); each digit draws one in [0, maxElastic]
 * @param maxShift       centre shift in pixels, ± each axis
 * @param centreOfMass   MNIST centring by the centre of mass (false: by the ink's bounding box)
 */
public record DigitAugmentation(double maxRotation, double maxSlant, double minAspect, double maxAspect, double minStroke, double maxStroke,
                                double maxElastic, double maxShift, boolean centreOfMass) {
    /** The first ideal set's variation: rotation ±20°, shift ±2 px, each typeface's own strokes. */
    public static final DigitAugmentation PLAIN = new DigitAugmentation(20, 0, 1, 1, Double.NaN, Double.NaN, 0, 2, true);
    /**
     * Handwriting-like variation (issue 12): rotation ±12°, slant ±0.3, width ×0.65-1.15, pen
     * 1.5-3.8 px (MNIST's strokes are about 2-3.5 px after its 20×20 fit), elastic displacement up
     * to 1.6 px RMS, shift ±1 px (MNIST centres to the pixel).
     */
    public static final DigitAugmentation HANDWRITING = new DigitAugmentation(12, 0.3, 0.65, 1.15, 1.5, 3.8, 1.6, 1, true);

    /** The factors {@link #without} can switch off. */
    public static final String[] FACTORS = {"rotation", "slant", "scale", "stroke", "elastic", "centring"};

    public DigitAugmentation {
        if (!(maxRotation >= 0) || !(maxSlant >= 0) || !(minAspect > 0) || !(maxAspect >= minAspect) || !(maxElastic >= 0)
                || !(maxShift >= 0) || Double.isNaN(minStroke) != Double.isNaN(maxStroke)
                || (!Double.isNaN(minStroke) && !(minStroke > 0 && maxStroke >= minStroke))) {
            throw new IllegalArgumentException("invalid digit augmentation " + this);
        }
    }

    /** This augmentation with one factor switched off. */
    public DigitAugmentation without(String factor) {
        return switch (factor.trim().toLowerCase(Locale.ROOT)) {
            case "rotation" -> new DigitAugmentation(0, maxSlant, minAspect, maxAspect, minStroke, maxStroke, maxElastic, maxShift, centreOfMass);
            case "slant" -> new DigitAugmentation(maxRotation, 0, minAspect, maxAspect, minStroke, maxStroke, maxElastic, maxShift, centreOfMass);
            case "scale" -> new DigitAugmentation(maxRotation, maxSlant, 1, 1, minStroke, maxStroke, maxElastic, maxShift, centreOfMass);
            case "stroke" -> new DigitAugmentation(maxRotation, maxSlant, minAspect, maxAspect, Double.NaN, Double.NaN, maxElastic, maxShift,
                    centreOfMass);
            case "elastic" -> new DigitAugmentation(maxRotation, maxSlant, minAspect, maxAspect, minStroke, maxStroke, 0, maxShift, centreOfMass);
            case "centring" -> new DigitAugmentation(maxRotation, maxSlant, minAspect, maxAspect, minStroke, maxStroke, maxElastic, maxShift, false);
            default -> throw new IllegalArgumentException("unknown augmentation factor '" + factor + "'; known: " + Arrays.toString(FACTORS));
        };
    }

    /** Draws one digit's style; the draws come in a fixed order, so a seeded generator gives the same styles. */
    public DigitStyle draw(DigitFont font, int digit, Random random) {
        double rotation = symmetric(random, maxRotation);
        double slant = symmetric(random, maxSlant);
        double aspect = minAspect + random.nextDouble() * (maxAspect - minAspect);
        double stroke = Double.isNaN(minStroke) ? Double.NaN : minStroke + random.nextDouble() * (maxStroke - minStroke);
        double elastic = random.nextDouble() * maxElastic;
        long elasticSeed = random.nextLong();
        double dx = symmetric(random, maxShift);
        double dy = symmetric(random, maxShift);
        return new DigitStyle(font, digit, rotation, slant, aspect, stroke, elastic, elasticSeed, dx, dy, centreOfMass);
    }

    private static double symmetric(Random random, double max) {
        return (2 * random.nextDouble() - 1) * max;
    }

    /** One line for settings files and reports. */
    public String describe() {
        return String.format(Locale.ROOT, "rotation ±%.0f°, slant ±%.2f, width ×%.2f-%.2f, pen %s, elastic ≤ %.1f px RMS, shift ±%.1f px, %s",
                maxRotation, maxSlant, minAspect, maxAspect,
                Double.isNaN(minStroke) ? "the typeface's own" : String.format(Locale.ROOT, "%.1f-%.1f px", minStroke, maxStroke),
                maxElastic, maxShift, centreOfMass ? "centre of mass centred (MNIST)" : "bounding box centred");
    }
}
