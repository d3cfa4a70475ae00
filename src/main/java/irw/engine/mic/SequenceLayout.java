package irw.engine.mic;

import java.util.Arrays;

/**
 * How an item becomes a sequence for the generator: an image of [rows, cols] is read row by row
 * (sequential MNIST, paper section 3.1.2: 28 steps of 28 pixels); a 1-D pattern of n points is
 * cut into n / width consecutive chunks (2,000 points = 40 steps of 50).
 *
 * @param steps time steps
 * @param width values per step
 */
public record SequenceLayout(int steps, int width) {
    public SequenceLayout {
        if (steps < 1 || width < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step of at least one value, got " + steps + " x " + width);
        }
    }

    /** The layout of items of the given shape; {@code chunk} is the step width of 1-D items. */
    public static SequenceLayout of(int[] shape, int chunk) {
        if (shape.length == 2) {
            return new SequenceLayout(shape[0], shape[1]);
        }
        if (shape.length == 1) {
            if (chunk < 1 || shape[0] % chunk != 0) {
                throw new IllegalArgumentException("a pattern of " + shape[0] + " points cannot be cut into chunks of " + chunk
                        + " values; choose a chunk width that divides " + shape[0]);
            }
            return new SequenceLayout(shape[0] / chunk, chunk);
        }
        throw new IllegalArgumentException("items of shape " + Arrays.toString(shape) + " are neither 1-D patterns nor 2-D images");
    }

    public int length() {
        return steps * width;
    }
}
