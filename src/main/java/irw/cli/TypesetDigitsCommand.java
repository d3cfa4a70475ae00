package irw.cli;

import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
import irw.digits.DigitAugmentation;
import irw.digits.DigitFont;
import irw.digits.DigitMontage;
import irw.digits.IdxFormat;
import irw.digits.TypesetDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Writes the typeset "ideal" digits as IDX files (like MNIST's), with a montage and the settings used. */
@Command(name = "typeset-digits", mixinStandardHelpOptions = true,
        description = "Render ideal digits from the bundled fonts, varied like handwriting (rotation, slant, width, pen width, "
                + "elastic bends) and framed like MNIST, into IDX files.")
final class TypesetDigitsCommand implements Callable<Integer> {
    @Option(names = "--per-font", defaultValue = "10250", description = "digits per font, classes balanced (default ${DEFAULT-VALUE})")
    int perFont;
    @Option(names = "--fonts", split = ",", description = "fonts to use (default all; 'original' = the first five): serif, typewriter, ...")
    List<String> fonts;
    @Option(names = "--plain", description = "the first ideal set's variation only: rotation ±20°, shift ±2 px, the fonts' own pens")
    boolean plain;
    @Option(names = "--without", split = ",", description = "switch variation factors off: rotation, slant, scale, stroke, elastic, centring")
    List<String> without;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<DigitFont> chosen = fonts(fonts);
        DigitAugmentation augmentation = augmentation(plain, without);
        long start = System.nanoTime();
        LabelledDataSet set = TypesetDigits.generate(perFont, seed, chosen, augmentation);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path images = out.resolve("typeset-images-idx3-ubyte.gz");
        IdxFormat.write(set, images, out.resolve("typeset-labels-idx1-ubyte.gz"));
        int[] pick = new int[Math.min(set.size(), 20 * chosen.size())];
        for (int k = 0; k < pick.length; k++) {
            pick[k] = (k / 20) * perFont + k % 20;
        }
        DigitMontage.writePng(set, pick, 20, 2, out.resolve("typeset-montage.png"));
        String settings = "# typeset-digits settings\nseed=" + seed + "\nperFont=" + perFont + "\nfonts="
                + String.join(",", chosen.stream().map(DigitFont::id).toList()) + "\nitems=" + set.size()
                + "\naugmentation=" + augmentation.describe() + "\n";
        AtomicFiles.writeString(out.resolve("typeset-digits.properties"), settings);
        System.out.printf("%d digits (%d fonts x %d) rendered in %.1f s, seed %d -> %s%n", set.size(), chosen.size(), perFont, seconds, seed, images);
        return 0;
    }

    static List<DigitFont> fonts(List<String> names) {
        List<DigitFont> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(List.of(DigitFont.values()));
        } else {
            for (String f : names) {
                if (f.trim().equalsIgnoreCase("original")) {
                    chosen.addAll(DigitFont.ORIGINAL_FIVE);
                } else {
                    chosen.add(DigitFont.byId(f));
                }
            }
        }
        return chosen;
    }

    static DigitAugmentation augmentation(boolean plain, List<String> without) {
        DigitAugmentation a = plain ? DigitAugmentation.PLAIN : DigitAugmentation.HANDWRITING;
        if (without != null) {
            for (String factor : without) {
                a = a.without(factor);
            }
        }
        return a;
    }
}
