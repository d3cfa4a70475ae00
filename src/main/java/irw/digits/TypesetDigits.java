package irw.digits;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The ideal ("printed") digits of the paper's digit experiment: each digit typeset in every
 * bundled font and varied the way handwriting varies ({@link DigitAugmentation#HANDWRITING}:
 * rotation, slant, width, pen width, elastic bends), rendered like MNIST ({@link DigitRenderer}).
 * Only fonts: no handwritten digit enters the ideal set. Classes are balanced within every font;
 * the same seed gives the same set.
 */
public final class TypesetDigits {
    /** The paper's size: 10,250 digits per font. */
    public static final int DEFAULT_PER_FONT = 10_250;

    private TypesetDigits() {
    }

    /** perFont digits in each font, handwriting-like variation; ids are "font-digit-index", e.g. "serif-7-123". */
    public static LabelledDataSet generate(int perFont, long seed) {
        return generate(perFont, seed, List.of(DigitFont.values()), DigitAugmentation.HANDWRITING);
    }

    public static LabelledDataSet generate(int perFont, long seed, List<DigitFont> fonts, DigitAugmentation augmentation) {
        if (perFont < 0) {
            throw new IllegalArgumentException("perFont must be >= 0, got " + perFont);
        }
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("at least one font is needed");
        }
        int n = perFont * fonts.size();
        // The random draws are made in item order on one generator, then rendered in parallel: the
        // result depends on the seed only.
        Random random = new Random(seed);
        DigitStyle[] styles = new DigitStyle[n];
        int[] labels = new int[n];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DigitFont font = fonts.get(i / perFont);
            labels[i] = (i % perFont) % 10;
            ids.add(font.id() + "-" + labels[i] + "-" + (i % perFont));
            styles[i] = augmentation.draw(font, labels[i], random);
        }
        float[][] items = new float[n][];
        IntStream.range(0, n).parallel().forEach(i -> items[i] = DigitRenderer.render(styles[i]));
        return new LabelledDataSet(items, new int[]{DigitRenderer.SIZE, DigitRenderer.SIZE}, labels, ids, ClassSet.DIGITS);
    }

    /** The font of each item, from its id. */
    public static DigitFont fontOf(String id) {
        return DigitFont.byId(id.substring(0, id.indexOf('-')));
    }

    /** Lists the fonts' ids, for messages. */
    public static String fontIds() {
        return Arrays.toString(Arrays.stream(DigitFont.values()).map(DigitFont::id).toArray());
    }
}
