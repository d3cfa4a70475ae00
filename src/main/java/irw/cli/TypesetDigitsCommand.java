package irw.cli;

import irw.core.data.LabelledDataSet;
import irw.core.io.AtomicFiles;
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
        description = "Render ideal digits from the bundled fonts (rotations up to ±20°, shifts up to ±2 px) into IDX files.")
final class TypesetDigitsCommand implements Callable<Integer> {
    @Option(names = "--per-font", defaultValue = "10250", description = "digits per font, classes balanced (default ${DEFAULT-VALUE})")
    int perFont;
    @Option(names = "--fonts", split = ",", description = "fonts to use (default all): serif, typewriter, brush, handwriting, casual")
    List<String> fonts;
    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<DigitFont> chosen = new ArrayList<>();
        if (fonts == null || fonts.isEmpty()) {
            chosen.addAll(List.of(DigitFont.values()));
        } else {
            for (String f : fonts) {
                chosen.add(DigitFont.byId(f));
            }
        }
        long start = System.nanoTime();
        LabelledDataSet set = TypesetDigits.generate(perFont, seed, chosen);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path images = out.resolve("typeset-images-idx3-ubyte.gz");
        IdxFormat.write(set, images, out.resolve("typeset-labels-idx1-ubyte.gz"));
        int[] pick = new int[Math.min(set.size(), 20 * chosen.size())];
        for (int k = 0; k < pick.length; k++) {
            pick[k] = (k / 20) * perFont + k % 20;
        }
        DigitMontage.writePng(set, pick, 20, 2, out.resolve("typeset-montage.png"));
        StringBuilder settings = new StringBuilder("# typeset-digits settings\nseed=" + seed + "\nperFont=" + perFont + "\nfonts=");
        settings.append(String.join(",", chosen.stream().map(DigitFont::id).toList())).append("\nitems=").append(set.size())
                .append("\nmaxRotationDegrees=").append(TypesetDigits.MAX_ROTATION_DEGREES)
                .append("\nmaxShiftPixels=").append(TypesetDigits.MAX_SHIFT_PIXELS).append('\n');
        AtomicFiles.writeString(out.resolve("typeset-digits.properties"), settings.toString());
        System.out.printf("%d digits (%d fonts x %d) rendered in %.1f s, seed %d -> %s%n", set.size(), chosen.size(), perFont, seconds, seed, images);
        return 0;
    }
}
