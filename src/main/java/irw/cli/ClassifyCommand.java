package irw.cli;

import irw.core.io.AtomicFiles;
import irw.engine.Classification;
import irw.engine.ModelStore;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
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
import java.util.concurrent.Callable;

/** classify --model CLASSIFIER [--refiner REFINER] INPUT... --out FILE.csv (a contract scripts rely on). */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify pattern files, directories or IDX image files; with --refiner, refine them first. "
                + "Writes CSV: item,predicted,confidence, then one probability column per class.")
final class ClassifyCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "classifier model file")
    Path model;
    @Option(names = "--refiner", description = "refiner model file: inputs are refined before they are classified")
    Path refiner;
    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "pattern files, directories of them, or IDX image files (.gz or not)")
    List<Path> inputs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier classifier = ModelStore.loadClassifier(model);
        Refiner r = refiner == null ? null : ModelStore.loadRefiner(refiner);
        if (r != null) {
            EngineCommands.checkCompatible(classifier, r, refiner);
        }
        PrintWriter err = spec.commandLine().getErr();
        ModelInputs.Batch batch = ModelInputs.read(inputs, classifier, err);
        ModelInputs.Items in = batch.items();
        float[][] items = r == null ? in.items() : r.refine(in.items());
        Classification c = classifier.classify(items);
        List<String> header = new ArrayList<>(List.of("item", "predicted", "confidence"));
        header.addAll(classifier.classes().names());
        AtomicFiles.write(out, os -> {
            var w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, EngineCommands.csv(header));
            for (int i = 0; i < c.size(); i++) {
                    List<Object> row = new ArrayList<>();
                    row.add(in.ids().get(i));
                    row.add(classifier.classes().name(c.predicted(i)));
                    row.add(String.format(java.util.Locale.ROOT, "%.6f", c.confidence(i)));
                    for (float p : c.probabilities()[i]) {
                        row.add(String.format(java.util.Locale.ROOT, "%.6f", p));
                    }
                    csv.printRecord(row);
            }
            csv.flush();
        });
        System.out.printf("classified %d items into %s%n", c.size(), out);
        return batch.exitCode(err);
    }
}
