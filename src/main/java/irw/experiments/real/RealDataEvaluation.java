package irw.experiments.real;

import irw.core.ClassSet;
import irw.core.ConfusionMatrix;
import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.engine.Classification;
import irw.engine.PrototypicalClassifier;
import irw.engine.Refiner;
import irw.engine.TemperatureScaling;
import irw.engine.Verdict;
import irw.xrd.io.PatternReaders;
import irw.xrd.preprocess.ModelInputPreparation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a classifier (and optionally a refiner) on labelled real measurements: every file's verdict,
 * raw and refined; top-1 accuracy on single phases, mixtures counted right when the prediction is one
 * of their phases' systems (reported apart), unlabelled samples checked for confident answers, per-class
 * recall, the confusion matrix and the expected calibration error on the single phases.
 */
public final class RealDataEvaluation {
    /**
     * One file's outcome; {@code refined} is null without a refiner, {@code error} set when the file could not be read;
     * the model-space items (raw as prepared, refined) are null when the file was refused or not refined.
     */
    public record Row(LabelledMeasurements.Entry entry, Verdict raw, float[] rawProbabilities, Verdict refined, float[] refinedProbabilities,
                      String error, float[] rawItem, float[] refinedItem) {
        Row(LabelledMeasurements.Entry entry, Verdict raw, float[] rawProbabilities, Verdict refined, float[] refinedProbabilities, String error) {
            this(entry, raw, rawProbabilities, refined, refinedProbabilities, error, null, null);
        }

        public String kind() {
            return !entry.labelled() ? "unlabelled" : entry.mixture() ? "mixture" : "single";
        }

        public boolean right(Verdict v) {
            return v != null && v.classified() && entry.systems().contains(ClassSet.CRYSTAL_SYSTEMS.name(v.predicted()));
        }
    }

    /** Counts of one input (raw or refined) over the rows. */
    public record Score(int singleRight, int single, int singleConfidentWrong, int mixtureRight, int mixtures, int unlabelledConfident,
                        int unlabelled, int refused, ConfusionMatrix confusion, double ece) {
        public String summary() {
            return String.format(Locale.ROOT, "single phases %d/%d right (%d confidently wrong), mixtures %d/%d, unlabelled %d of %d "
                            + "given a confident class, %d refused, ECE %.3f", singleRight, single, singleConfidentWrong, mixtureRight,
                    mixtures, unlabelledConfident, unlabelled, refused, ece);
        }
    }

    private RealDataEvaluation() {
    }

    public static List<Row> run(PrototypicalClassifier classifier, Refiner refiner, List<LabelledMeasurements> sets) {
        List<LabelledMeasurements.Entry> entries = new ArrayList<>();
        sets.forEach(s -> entries.addAll(s.entries()));
        List<Row> rows = new ArrayList<>();
        List<float[]> items = new ArrayList<>();
        List<Integer> itemRow = new ArrayList<>();
        for (LabelledMeasurements.Entry e : entries) {
            Pattern p;
            try {
                p = PatternReaders.read(e.file()).get(0);
            } catch (PatternFormatException ex) {
                rows.add(new Row(e, null, null, null, null, ex.getMessage()));
                continue;
            }
            ModelInputPreparation.Prepared prepared = classifier.preprocessing().prepare(p);
            if (prepared.refusal().isPresent()) {
                Verdict v = Verdict.refused(prepared);
                rows.add(new Row(e, v, null, refiner == null ? null : v, null, ""));
                continue;
            }
            itemRow.add(rows.size());
            items.add(prepared.values());
            rows.add(null);
        }
        if (!items.isEmpty()) {
            float[][] x = items.toArray(new float[0][]);
            Classification raw = classifier.classify(x);
            float[][] r = refiner == null ? null : refiner.refine(x);
            Classification refined = r == null ? null : classifier.classify(r);
            for (int i = 0; i < x.length; i++) {
                int at = itemRow.get(i);
                float[] pr = raw.probabilities()[i];
                float[] pf = refined == null ? null : refined.probabilities()[i];
                rows.set(at, new Row(entries.get(at), Verdict.of(pr, classifier.calibration()), pr,
                        pf == null ? null : Verdict.of(pf, classifier.calibration()), pf, "", x[i], r == null ? null : r[i]));
            }
        }
        return rows;
    }

    public static Score score(List<Row> rows, boolean refined) {
        ClassSet classes = ClassSet.CRYSTAL_SYSTEMS;
        ConfusionMatrix cm = new ConfusionMatrix(classes);
        int singleRight = 0, single = 0, confidentWrong = 0, mixRight = 0, mixtures = 0, unlabelledConfident = 0, unlabelled = 0, refused = 0;
        List<float[]> probs = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (Row r : rows) {
            Verdict v = refined ? r.refined() : r.raw();
            float[] p = refined ? r.refinedProbabilities() : r.rawProbabilities();
            if (v == null) {
                continue;
            }
            if (!v.classified()) {
                refused++;
            }
            switch (r.kind()) {
                case "single" -> {
                    single++;
                    boolean ok = r.right(v);
                    singleRight += ok ? 1 : 0;
                    confidentWrong += !ok && v.kind() == Verdict.Kind.CLASS ? 1 : 0;
                    if (v.classified()) {
                        int t = classes.indexOf(r.entry().systems().iterator().next());
                        cm.add(t, v.predicted());
                        probs.add(p);
                        truth.add(t);
                    }
                }
                case "mixture" -> {
                    mixtures++;
                    mixRight += r.right(v) ? 1 : 0;
                }
                default -> {
                    unlabelled++;
                    unlabelledConfident += v.kind() == Verdict.Kind.CLASS ? 1 : 0;
                }
            }
        }
        double ece = probs.isEmpty() ? Double.NaN
                : TemperatureScaling.ece(probs.toArray(new float[0][]), truth.stream().mapToInt(Integer::intValue).toArray());
        return new Score(singleRight, single, confidentWrong, mixRight, mixtures, unlabelledConfident, unlabelled, refused, cm, ece);
    }

    /** Recall per class over the single phases, for the classes that occur. */
    public static Map<String, Double> recall(ConfusionMatrix cm) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int k = 0; k < cm.classes().size(); k++) {
            long n = 0;
            for (int p = 0; p < cm.classes().size(); p++) {
                n += cm.count(k, p);
            }
            if (n > 0) {
                out.put(cm.classes().name(k), cm.recall(k));
            }
        }
        return out;
    }
}
