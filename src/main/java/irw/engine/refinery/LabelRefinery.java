package irw.engine.refinery;

import irw.core.data.LabelledDataSet;
import irw.engine.ClassifierTrainer;
import irw.engine.Preprocessing;
import irw.engine.PrototypicalClassifier;
import irw.engine.TrainingListener;
import irw.engine.TrainingMetrics;
import irw.engine.TrainingOutcome;
import irw.engine.TrainingPosition;
import irw.engine.TrainingStart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label Refinery (Bagherinezhad et al. 2018; blog "Label Refinery: A Softer Approach", "Main
 * Idea"): train R_1 on the ground truth (step 2), let it predict on the training items to give
 * refined labels y_R1 (step 3), train a fresh R_2 on those soft labels, and so on (step 4). Here
 * round 0 is R_1 and round k is R_{k+1}; each round is evaluated on the held-out sets.
 * <p>
 * Every model is the engine's classifier trained by Algorithm 1's loop ({@link ClassifierTrainer})
 * with the soft cross-entropy −Σ_c y_c log p_c against its targets, so every round is an ordinary
 * classifier model file, and round 0 with a seed is exactly the classifier trained on hard labels
 * with that seed.
 * <p>
 * Out of scope: the paper's per-crop refinement (refined labels computed on each random crop
 * during training, the "Persian cat / ball" case of the blog's Figure 2). Labels here are computed
 * once per item on the whole item, which is what the blog's CIFAR10/SVHN experiment does.
 */
public final class LabelRefinery {
    private final RefineryConfig config;

    public LabelRefinery(RefineryConfig config) {
        this.config = config;
    }

    /** Receives each model as its round finishes (e.g. to save it as a job artifact at once). */
    public interface RoundModels {
        RoundModels NONE = (round, model) -> { };

        void finished(RefineryRound round, PrototypicalClassifier model);
    }

    /** The steps of one model: what the listener sees as one round of the run. */
    public long stepsPerRound(LabelledDataSet train) {
        long perEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch()
                : Math.max(1, (train.size() + (long) train.classes().size() * config.samplesPerClass() - 1)
                / ((long) train.classes().size() * config.samplesPerClass()));
        return perEpoch * config.epochs();
    }

    public RefineryOutcome run(LabelledDataSet train, Map<String, LabelledDataSet> heldOut, TrainingListener listener) {
        return run(train, heldOut, listener, RoundModels.NONE);
    }

    /**
     * Runs model 0 and K refinery rounds on {@code train} (which must be labelled). Every step is
     * reported at its round ({@link TrainingPosition#ofRound}), the step count running on across
     * rounds; every finished round reports its accuracy on every set of {@code heldOut} (name ->
     * labelled set) as "accuracy_&lt;name&gt;", with "targetAgreement" and "targetEntropy", through
     * {@link TrainingListener#onEvaluation}. A cancelled run returns the rounds it finished.
     */
    public RefineryOutcome run(LabelledDataSet train, Map<String, LabelledDataSet> heldOut, TrainingListener listener, RoundModels models) {
        return run(train, heldOut, listener, models, null);
    }

    /**
     * As {@link #run(LabelledDataSet, Map, TrainingListener, RoundModels)}, with model 0 given: a
     * classifier already trained on {@code train}'s hard labels (e.g. the baseline of a comparison,
     * trained with {@link RefineryConfig#classifierConfig}(0)), so only the refinery rounds train.
     */
    public RefineryOutcome run(LabelledDataSet train, Map<String, LabelledDataSet> heldOut, TrainingListener listener, RoundModels models,
                               PrototypicalClassifier model0) {
        check(train, heldOut);
        int classes = train.classes().size();
        Preprocessing preprocessing = model0 != null ? model0.preprocessing() : Preprocessing.defaultFor(train.shape());
        float[][] prepared = preprocessing.apply(train.items());
        List<RefineryRound> rounds = new ArrayList<>();
        List<float[][]> targetsUsed = new ArrayList<>();
        List<PrototypicalClassifier> done = new ArrayList<>();
        float[][] targets = oneHot(train.labels(), classes); // step 1: y = y_truth
        long perRound = stepsPerRound(train);
        long total = perRound * (config.rounds() + 1L);
        for (int round = 0; round <= config.rounds(); round++) {
            if (round > 0) {
                targets = done.get(round - 1).classify(prepared).probabilities(); // step 3: y = y_{R_k}, the previous model's softmax
            }
            long t0 = System.nanoTime();
            PrototypicalClassifier model;
            RoundSteps steps = new RoundSteps(listener, round, round * perRound, total);
            if (round == 0 && model0 != null) {
                model = model0;
                steps.skipped(perRound);
            } else {
                // step 2: from scratch, on the targets (hard labels for round 0)
                TrainingOutcome<PrototypicalClassifier> o = new ClassifierTrainer(config.classifierConfig(round))
                        .train(train, round == 0 ? null : targets, preprocessing, steps);
                if (o.cancelled()) {
                    return new RefineryOutcome(config, rounds, targetsUsed, done, true);
                }
                model = o.model();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> accuracy = new LinkedHashMap<>();
            heldOut.forEach((name, set) -> accuracy.put(name, accuracy(model, set)));
            RefineryRound r = new RefineryRound(round, config.roundSeed(round), accuracy, agreement(targets, train.labels()), meanEntropy(targets),
                    steps.lastLoss(), seconds);
            rounds.add(r);
            targetsUsed.add(targets);
            done.add(model);
            models.finished(r, model);
            steps.evaluation(evaluation(r));
            if (listener.isCancelled() && round < config.rounds()) {
                return new RefineryOutcome(config, rounds, targetsUsed, done, true);
            }
        }
        return new RefineryOutcome(config, rounds, targetsUsed, done, false);
    }

    /** Accuracy of a model on a raw (not yet preprocessed) labelled set. */
    public static double accuracy(PrototypicalClassifier model, LabelledDataSet set) {
        if (set.size() == 0) {
            return Double.NaN;
        }
        int[] predicted = model.classify(model.preprocessing().apply(set.items())).predictedLabels();
        int hits = 0;
        for (int i = 0; i < predicted.length; i++) {
            hits += predicted[i] == set.labels()[i] ? 1 : 0;
        }
        return hits / (double) set.size();
    }

    /** A finished round's held-out figures as reported values. */
    private static Map<String, Double> evaluation(RefineryRound r) {
        Map<String, Double> values = new LinkedHashMap<>();
        r.accuracy().forEach((set, accuracy) -> values.put("accuracy_" + set, accuracy));
        values.put("targetAgreement", r.targetAgreement());
        values.put("targetEntropy", r.targetEntropy());
        return values;
    }

    static float[][] oneHot(int[] labels, int classes) {
        float[][] y = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            y[i][labels[i]] = 1f;
        }
        return y;
    }

    private static double agreement(float[][] targets, int[] labels) {
        int same = 0;
        for (int i = 0; i < targets.length; i++) {
            int best = 0;
            for (int c = 1; c < targets[i].length; c++) {
                if (targets[i][c] > targets[i][best]) {
                    best = c;
                }
            }
            same += best == labels[i] ? 1 : 0;
        }
        return same / (double) targets.length;
    }

    private static double meanEntropy(float[][] targets) {
        double sum = 0;
        for (float[] row : targets) {
            for (float p : row) {
                sum -= p > 0 ? p * Math.log(p) : 0;
            }
        }
        return sum / targets.length;
    }

    private void check(LabelledDataSet train, Map<String, LabelledDataSet> heldOut) {
        if (train.size() == 0 || !train.isLabelled()) {
            throw new IllegalArgumentException("Label Refinery needs a non-empty, fully labelled training set (got " + train.size() + " items)");
        }
        for (float[] row : train.items()) {
            for (float v : row) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("the training set holds a NaN or infinite value; clean the data first");
                }
            }
        }
        heldOut.forEach((name, set) -> {
            if (set.itemLength() != train.itemLength() || !set.isLabelled() || !set.classes().equals(train.classes())) {
                throw new IllegalArgumentException("held-out set '" + name + "' must be labelled with the same classes and item length "
                        + train.itemLength() + " as the training set (has " + set.itemLength() + ")");
            }
        });
    }

    /**
     * One round's model as the run's listener sees it: its steps numbered on from the rounds before,
     * out of the whole run's steps, at the round's position; the run starts once.
     */
    private static final class RoundSteps implements TrainingListener {
        private final TrainingListener outer;
        private final int round;
        private final long offset;
        private final long total;
        private double lastLoss = Double.NaN;
        private long lastStep;

        RoundSteps(TrainingListener outer, int round, long offset, long total) {
            this.outer = outer;
            this.round = round;
            this.offset = offset;
            this.total = total;
            this.lastStep = offset;
        }

        @Override
        public void onStart(TrainingStart start) {
            if (round == 0) {
                outer.onStart(new TrainingStart(start.step(), total, start.fromCheckpoint()));
            }
        }

        @Override
        public void onMetrics(TrainingMetrics m) {
            lastLoss = m.value("loss");
            lastStep = offset + m.step();
            outer.onMetrics(new TrainingMetrics(m.epoch(), lastStep, total, m.values(), TrainingPosition.ofRound(round)));
        }

        /** Model 0 was given, not trained: its steps count as done. */
        void skipped(long steps) {
            lastStep = offset + steps;
        }

        void evaluation(Map<String, Double> values) {
            Map<String, Double> finite = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (Double.isFinite(v)) {
                    finite.put(k, v);
                }
            });
            outer.onEvaluation(new TrainingMetrics(0, lastStep, total, finite, TrainingPosition.ofRound(round)));
        }

        double lastLoss() {
            return lastLoss;
        }

        @Override
        public boolean isCancelled() {
            return outer.isCancelled();
        }
    }
}
