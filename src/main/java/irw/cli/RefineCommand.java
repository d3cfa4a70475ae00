package irw.cli;

import irw.core.io.AtomicFiles;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.experiments.MeasuredCells;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** refine --model CLASSIFIER --refiner REFINER INPUT... --out FILE.csv */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Refine patterns or images with a trained refiner and write them as CSV: one row per item; for patterns the columns "
                + "are the model's 2-theta grid (background removed, strongest measured cell = 1; cells outside the measured range are "
                + "empty), for images the pixels in row order.")
final class RefineCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "classifier model file (gives grid and preprocessing)")
    Path model;
    @Option(names = "--refiner", required = true, description = "refiner model file")
    Path refiner;
    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "pattern files, directories of them, or IDX image files")
    List<Path> inputs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier classifier = ModelStore.loadClassifier(model);
        Refiner r = ModelStore.loadRefiner(refiner);
        EngineCommands.checkCompatible(classifier, r, refiner);
        PrintWriter err = spec.commandLine().getErr();
        ModelInputs.Batch batch = ModelInputs.read(inputs, classifier, err);
        ModelInputs.Items in = batch.items();
        float[][] refined = r.refine(in.items());
        List<String> header = new ArrayList<>();
        header.add("item");
        if (classifier.preprocessing().grid() != null) {
            for (double t : classifier.preprocessing().grid().axis()) {
                header.add(String.format(java.util.Locale.ROOT, "%.4f", t));
            }
        } else {
            for (int j = 0; j < classifier.itemLength(); j++) {
                header.add("p" + j);
            }
        }
        AtomicFiles.write(out, os -> {
            var w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            for (String line : headerLines(classifier)) {
                w.write("# " + line + "\n");
            }
            CSVPrinter csv = new CSVPrinter(w, EngineCommands.csv(header));
            for (int i = 0; i < refined.length; i++) {
                List<Object> row = new ArrayList<>(refined[i].length + 1);
                row.add(in.ids().get(i));
                for (float v : refined[i]) {
                    row.add(v < 0 ? "" : EngineCommands.number(v)); // not measured: no value, not a zero (refined patterns are >= 0)
                }
                csv.printRecord(row);
            }
            csv.flush();
        });
        if (classifier.preprocessing().grid() != null) {
            for (int i = 0; i < refined.length; i++) {
                System.out.printf(Locale.ROOT, "%s: %d of %d cells measured, roughness %.2f -> %.2f%n", in.ids().get(i),
                        MeasuredCells.values(refined[i]).length, refined[i].length, MeasuredCells.roughness(in.items()[i]),
                        MeasuredCells.roughness(refined[i]));
            }
        }
        System.out.printf("refined %d items into %s%n", refined.length, out);
        return batch.exitCode(err);
    }

    /** What the rows are: model-space values, resampled and preprocessed, not the measured counts. */
    private List<String> headerLines(PrototypicalClassifier classifier) {
        List<String> lines = new ArrayList<>();
        lines.add("irw refine " + irw.core.ProductVersion.get() + ": refined by " + refiner.toAbsolutePath().normalize()
                + " through the classifier " + model.toAbsolutePath().normalize());
        if (classifier.preprocessing().grid() != null) {
            lines.add(irw.core.io.ExportProvenance.onGrid("every row", classifier.preprocessing().grid(),
                    "each input's measured counts averaged into the grid's cells (2θ converted to the model's wavelength where the file "
                            + "states another), background removed (SNIP), strongest measured cell = 1, then refined; an empty cell was not "
                            + "measured. The measured data themselves, on their own axis: irw convert"));
        }
        return lines;
    }
}
