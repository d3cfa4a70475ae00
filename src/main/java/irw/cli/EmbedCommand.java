package irw.cli;

import irw.core.io.AtomicFiles;
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

/** embed --model CLASSIFIER [--refiner R] INPUT... --out FILE.csv: embeddings F(x) (and F(R(x))) plus the prototypes. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Write the classifier's embeddings of the inputs (raw and, with --refiner, refined) and its class prototypes as CSV: "
                + "kind,item,predicted,e0..e(m-1); kind is raw, refined or prototype.")
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--model", required = true)
    Path model;
    @Option(names = "--refiner")
    Path refiner;
    @Option(names = "--out", required = true)
    Path out;
    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<Path> inputs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrototypicalClassifier c = ModelStore.loadClassifier(model);
        PrintWriter err = spec.commandLine().getErr();
        ModelInputs.Batch batch = ModelInputs.read(inputs, c, err);
        ModelInputs.Items in = batch.items();
        Refiner r = refiner == null ? null : ModelStore.loadRefiner(refiner);
        if (r != null) {
            EngineCommands.checkCompatible(c, r, refiner);
        }
        var raw = c.classify(in.items());
        var refined = r == null ? null : c.classify(r.refine(in.items()));
        float[][] prototypes = c.prototypes();
        List<String> header = new ArrayList<>(List.of("kind", "item", "predicted"));
        for (int j = 0; j < prototypes[0].length; j++) {
            header.add("e" + j);
        }
        AtomicFiles.write(out, os -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(os, StandardCharsets.UTF_8), EngineCommands.csv(header));
            for (int i = 0; i < raw.size(); i++) {
                row(csv, "raw", in.ids().get(i), c.classes().name(raw.predicted(i)), raw.embeddings()[i]);
                if (refined != null) {
                    row(csv, "refined", in.ids().get(i), c.classes().name(refined.predicted(i)), refined.embeddings()[i]);
                }
            }
            for (int k = 0; k < prototypes.length; k++) {
                row(csv, "prototype", c.classes().name(k), c.classes().name(k), prototypes[k]);
            }
            csv.flush();
        });
        System.out.printf("wrote %d embeddings and %d prototypes to %s%n", raw.size() * (refined == null ? 1 : 2), prototypes.length, out);
        return batch.exitCode(err);
    }

    private static void row(CSVPrinter csv, String kind, String item, String predicted, float[] e) throws java.io.IOException {
        List<Object> row = new ArrayList<>(List.of(kind, item, predicted));
        for (float v : e) {
            row.add(EngineCommands.number(v));
        }
        csv.printRecord(row);
    }
}
