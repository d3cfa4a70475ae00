package irw.engine.refinery;

import irw.core.data.LabelledDataSet;
import irw.engine.TrainingListener;
import irw.engine.TrainingLoop;
import irw.engine.TrainingPosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Label Refinery (Bagherinezhad et al. 2018; blog "Label Refinery: A Softer Approach", "Main
 * Idea"): train R_1 on the ground truth (step 2), let it predict on the training images to give
 * refined labels y_R1 (step 3), train a fresh R_2 on those soft labels, and so on (step 4). Here
 * round 0 is R_1 and round k is R_{k+1}; each round is evaluated on the held-out sets.
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

    /**
     * Runs model 0 and K refinery rounds on {@code train} (which must be labelled). Every step is
     * reported at its round ({@link TrainingPosition#ofRound}); every finished round reports its
     * accuracy on every set of {@code heldOut} (name -> labelled set) as "accuracy_&lt;name&gt;", with
     * "targetAgreement" and "targetEntropy", through {@link TrainingListener#onEvaluation}. A
     * cancelled run returns the rounds it finished.
     */
    public RefineryOutcome run(LabelledDataSet train, Map<String, LabelledDataSet> heldOut, TrainingListener listener) {
        check(train, heldOut);
        int classes = train.classes().size();
        float[][] x = train.items();
        List<RefineryRound> rounds = new ArrayList<>();
        List<float[][]> targetsUsed = new ArrayList<>();
        float[][] targets = oneHot(train.labels(), classes); // step 1: y = y_truth
        RefineryClassifier previous = null;
        long stepsPerEpoch = ShuffledEpochs.stepsPerEpoch(x.length, config.batchSize());
        long stepsPerRound = stepsPerEpoch * config.epochs();
        long totalSteps = stepsPerRound * (config.rounds() + 1L);
        TrainingLoop loop = new TrainingLoop("label-refinery", listener);
        for (int round = 0; round <= config.rounds(); round++) {
            if (round > 0) {
                targets = previous.probabilities(x); // step 3: y = y_{R_k}, the previous model's softmax on the training items
            }
            long seed = config.roundSeed(round);
            long t0 = System.nanoTime();
            RefineryClassifier model = RefineryClassifier.create(x[0].length, classes, config, seed); // step 2: from scratch
            long first = round * stepsPerRound;
            float[][] y = targets;
            double[] epochLoss = new double[2]; // sum and count of the current epoch's batch losses
            TrainingLoop.Result result = loop.run(new TrainingLoop.Stage(TrainingPosition.ofRound(round), first, first + stepsPerRound,
                    totalSteps, stepsPerEpoch, 0), new ShuffledEpochs(x.length, config.batchSize(), first, new Random(seed)), (batch, step) -> {
                if ((step - first) % stepsPerEpoch == 0) {
                    epochLoss[0] = 0;
                    epochLoss[1] = 0;
                }
                double loss = model.fit(x, y, batch);
                epochLoss[0] += loss;
                epochLoss[1]++;
                return Map.of("loss", loss);
            });
            if (result.cancelled()) {
                return new RefineryOutcome(config, rounds, targetsUsed, previous, true);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> accuracy = new LinkedHashMap<>();
            heldOut.forEach((name, set) -> accuracy.put(name, accuracy(model, set)));
            RefineryRound done = new RefineryRound(round, seed, accuracy, agreement(targets, train.labels()), meanEntropy(targets),
                    epochLoss[0] / epochLoss[1], seconds);
            rounds.add(done);
            targetsUsed.add(targets);
            loop.evaluation(evaluation(done));
            previous = model;
        }
        return new RefineryOutcome(config, rounds, targetsUsed, previous, false);
    }

    /** A finished round's held-out figures as reported values. */
    private static Map<String, Double> evaluation(RefineryRound r) {
        Map<String, Double> values = new LinkedHashMap<>();
        r.accuracy().forEach((set, accuracy) -> values.put("accuracy_" + set, accuracy));
        values.put("targetAgreement", r.targetAgreement());
        values.put("targetEntropy", r.targetEntropy());
        return values;
    }

    public static double accuracy(RefineryClassifier model, LabelledDataSet set) {
        int[] predicted = model.predict(set.items());
        int hits = 0;
        for (int i = 0; i < predicted.length; i++) {
            hits += predicted[i] == set.labels()[i] ? 1 : 0;
        }
        return set.size() == 0 ? Double.NaN : hits / (double) set.size();
    }

    static float[][] oneHot(int[] labels, int classes) {
        float[][] y = new float[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            y[i][labels[i]] = 1f;
        }
        return y;
    }

    private static double agreement(float[][] targets, int[] labels) {
        int[] best = RefineryClassifier.argMax(targets);
        int same = 0;
        for (int i = 0; i < best.length; i++) {
            same += best[i] == labels[i] ? 1 : 0;
        }
        return same / (double) best.length;
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
}
