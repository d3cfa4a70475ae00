package irw.engine;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.xrd.synth.TrainingPatternSource;
import irw.engine.net.ClassifierGraph;
import irw.engine.net.ClassifierNetwork;
import irw.engine.net.Losses;
import irw.engine.net.ParamSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Algorithm 1: trains the prototypical classifier on the ideal set with L_C + λ·L_F (eq. 2,
 * squared Euclidean distance), on class-balanced batches of N_c items per class. Prototypes start
 * random and follow line 8 after every step (momentum: {@link ClassifierTrainingConfig#effectiveMomentum});
 * at the end they are set to the exact class means of eq. 1 over the whole training set, which is
 * what the refiner is then guided by.
 * <p>
 * Line 8 uses the embeddings of the step's own forward pass (before its Adam update) rather than a
 * second forward pass after it: one pass instead of two, and the difference is one small Adam step.
 */
public final class ClassifierTrainer {
    static final String CHECKPOINT_KIND = "classifier";
    /** Steps between explicit GCs: SameDiff's native buffers are freed only by GC (PLATFORM-NOTES: 2x faster steps). */
    private static final int GC_EVERY = 5;
    private final ClassifierTrainingConfig config;
    private Checkpointing checkpointing;

    public ClassifierTrainer(ClassifierTrainingConfig config) {
        this.config = config;
    }

    public ClassifierTrainer withCheckpoint(Checkpointing checkpointing) {
        this.checkpointing = checkpointing;
        return this;
    }

    public TrainingOutcome<PrototypicalClassifier> train(LabelledDataSet data, TrainingListener listener) {
        return train(data, Preprocessing.defaultFor(data.shape()), listener);
    }

    public TrainingOutcome<PrototypicalClassifier> train(LabelledDataSet data, Preprocessing preprocessing, TrainingListener listener) {
        return train(data, null, preprocessing, listener);
    }

    /**
     * Algorithm 1 with soft targets: {@code targets[i]} (a distribution over the classes) replaces item
     * i's one-hot label in L_C and L_F (Label Refinery's refined labels); the batches stay balanced by
     * the hard labels. Null targets train on the hard labels.
     */
    public TrainingOutcome<PrototypicalClassifier> train(LabelledDataSet data, float[][] targets, Preprocessing preprocessing,
                                                         TrainingListener listener) {
        int classes = data.classes().size();
        if (targets != null && (targets.length != data.size() || java.util.Arrays.stream(targets).anyMatch(t -> t.length != classes))) {
            throw new IllegalArgumentException("soft targets must be " + data.size() + " rows of " + classes + " probabilities");
        }
        int[][] byClass = new int[classes][];
        for (int k = 0; k < classes; k++) {
            byClass[k] = data.indicesOfClass(k);
            if (byClass[k].length == 0) {
                throw new IllegalArgumentException("class '" + data.classes().name(k) + "' has no items; Algorithm 1 draws "
                        + config.samplesPerClass() + " of every class in every step");
            }
        }
        float[][] items = preprocessing.apply(data.items());
        int[] shape = data.shape();
        int nc = config.samplesPerClass();
        int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : Math.max(1, irw.engine.net.Layers.ceilDiv(data.size(), classes * nc));
        // Algorithm 1, lines 3-4: every step's batch is a pure function of (seed, step), prepared while the previous step runs
        BatchSource<Batch> batches = BatchSource.preparedAhead(step -> {
            int[] batch = balancedBatch(byClass, nc, new SplittableRandom(TrainingLoop.stepSeed(config.seed(), step)));
            int[] labels = new int[batch.length];
            for (int i = 0; i < batch.length; i++) {
                labels[i] = data.labels()[batch[i]];
            }
            return new Batch(Batches.input(items, batch, shape), Batches.targets(data.labels(), targets, batch, classes), labels);
        });
        return train(data.shape(), data.classes(), batches, (long) stepsPerEpoch * config.epochs(), stepsPerEpoch, false, preprocessing,
                items, data.labels(), listener);
    }

    /**
     * Algorithm 1 on patterns rendered on the fly from {@code source}: every step a fresh batch of
     * {@code classes × N_c} draws, prepared exactly as inputs are in use and rendered on the loop's data
     * thread while the previous step runs, with a cosine learning-rate schedule. The prototypes are then
     * the class means (eq. 1) over {@link #PROTOTYPE_DRAWS} further draws, and, when {@code heldOut} is
     * given, the probabilities are calibrated ({@link TemperatureScaling}) on {@link #CALIBRATION_DRAWS} draws
     * of its (validation) structures.
     */
    public TrainingOutcome<PrototypicalClassifier> train(TrainingPatternSource source, TrainingPatternSource heldOut, ClassSet classes,
                                                         Preprocessing preprocessing, TrainingListener listener) {
        if (preprocessing.patterns() == null) {
            throw new IllegalArgumentException("on-the-fly training renders diffraction patterns; the preprocessing has no pattern grid");
        }
        int batchSize = classes.size() * config.samplesPerClass();
        int[] shape = {source.grid().points()};
        OnTheFlyPatterns patterns = new OnTheFlyPatterns(source, preprocessing.patterns());
        BatchSource<Batch> batches = BatchSource.preparedAhead(step -> {
            StepBatch b = patterns.render(step * batchSize, batchSize);
            int[] all = Batches.range(0, batchSize);
            return new Batch(Batches.input(b.items(), all, shape), Batches.oneHot(b.labels(), all, classes.size()), b.labels());
        });
        long stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : 1000;
        StepBatch means = patterns.render(PROTOTYPE_FIRST_DRAW, PROTOTYPE_DRAWS);
        TrainingOutcome<PrototypicalClassifier> outcome = train(shape, classes, batches, stepsPerEpoch * config.epochs(), stepsPerEpoch, true,
                preprocessing, means.items(), means.labels(), listener);
        if (heldOut == null || outcome.cancelled()) {
            return outcome;
        }
        return new TrainingOutcome<>(calibrate(outcome.model(), heldOut), false, outcome.steps());
    }

    /** Temperature and "uncertain" threshold fitted on {@link #CALIBRATION_DRAWS} draws of held-out structures. */
    static PrototypicalClassifier calibrate(PrototypicalClassifier model, TrainingPatternSource heldOut) {
        StepBatch calibration = new OnTheFlyPatterns(heldOut, model.preprocessing().patterns()).render(0, CALIBRATION_DRAWS);
        Classification c = model.classify(calibration.items());
        Calibration fitted = TemperatureScaling.fit(c.logits(), calibration.labels(), CALIBRATION_DRAWS + " patterns of the "
                + Arrays.stream(heldOut.classCounts()).sum() + " validation structures, drawn with " + heldOut.augmentation().describe());
        return model.withCalibration(fitted);
    }

    /** Draws the final class means are taken over, far from any step's draws. */
    static final int PROTOTYPE_DRAWS = 1400;
    static final long PROTOTYPE_FIRST_DRAW = Long.MAX_VALUE / 4;
    static final int CALIBRATION_DRAWS = 2100;

    /** Prepared items and their labels. */
    record StepBatch(float[][] items, int[] labels) {
    }

    /**
     * Algorithm 1 on batches from any source (an in-memory set, or patterns rendered on the fly):
     * {@code batches} must be class-major, N_c items of every class in class order (line 8 averages
     * each class's N_c embeddings). The final prototypes are the class means of eq. 1 over
     * {@code meanItems} (preprocessed, labelled by {@code meanLabels}).
     */
    public TrainingOutcome<PrototypicalClassifier> train(int[] shape, irw.core.ClassSet classSet, BatchSource<Batch> batches, long totalSteps,
                                                         long stepsPerEpoch, boolean cosine, Preprocessing preprocessing, float[][] meanItems,
                                                         int[] meanLabels, TrainingListener listener) {
        int classes = classSet.size();
        ClassifierNetwork network = ClassifierNetwork.create(config.modelSpec(), shape, classes);
        String identity = config.modelSpec().id() + " " + Arrays.toString(shape) + " " + classSet.names() + " lambda=" + config.lambda();
        TrainingLoop loop = new TrainingLoop(CHECKPOINT_KIND, listener, checkpointing, identity, config.seed());
        Checkpoint.State resumed = loop.resumed();
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, shape));
        SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, classes);
        ClassifierGraph g = network.build(sd, in, ParamSource.trainable(resumed == null ? Map.of() : resumed.params(), config.seed()));
        INDArray initialPrototypes = resumed != null ? resumed.extra().get("prototypes")
                : initialPrototypes(classes, g.embeddingSize(), config.seed());
        SDVariable prototypes = sd.constant("prototypes", initialPrototypes.dup());
        SDVariable lc = sd.identity("l_c", Losses.negativeLogLikelihood(Losses.logSoftmax(sd, g.logits()), labels));
        SDVariable lf = sd.identity("l_f", Losses.negativeLogLikelihood(Losses.prototypeLogProbabilities(sd, g.embedding(), prototypes), labels));
        SDVariable loss = config.lambda() > 0 ? lc.add("loss", lf.mul(config.lambda())) : sd.identity("loss", lc);
        sd.identity("embedding", g.embedding());
        sd.identity("logits", g.logits());
        sd.setLossVariables(loss);

        Map<String, INDArray> params = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                params.put(v.name(), v.getArr());
            }
        }
        BatchNormStats bn = new BatchNormStats(sd, resumed == null ? Map.of() : resumed.extra());
        List<String> requested = new java.util.ArrayList<>(List.of("loss", "l_c", "l_f", "embedding", "logits"));
        requested.addAll(bn.outputs());
        Adam adam = new Adam(config.learningRate());
        if (resumed != null) {
            adam.restore(resumed.adamState(), resumed.adamSteps());
        }
        double mu = config.effectiveMomentum();
        INDArray protoArr = prototypes.getArr();
        TrainingLoop.Result result = loop.run(TrainingLoop.Stage.whole(totalSteps, stepsPerEpoch, GC_EVERY), batches, (b, step) -> {
            OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of("input", b.input(), "labels", b.oneHot()), requested, params.keySet());
            Map<String, INDArray> out = r.getOutputs();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", out.get("loss").getDouble(0));
            values.put("l_c", out.get("l_c").getDouble(0));
            values.put("l_f", out.get("l_f").getDouble(0));
            values.put("accuracy", Batches.accuracy(out.get("logits"), b.oneHot()));
            double factor = cosine ? cosineFactor(step, totalSteps) : 1;
            if (cosine) {
                values.put("learningRate", factor * config.learningRate());
            }
            adam.step(params, r.getGradients(), factor);
            updatePrototypes(protoArr, out.get("embedding"), b.labels(), mu);
            bn.update(out);
            return values;
        }, new TrainingLoop.Saved(params, adam, extras(protoArr, bn)));
        Map<String, INDArray> trained = new LinkedHashMap<>();
        params.forEach((k, v) -> trained.put(k, v.dup()));
        bn.arrays().forEach((k, v) -> trained.put(k, v.dup()));
        PrototypicalClassifier provisional = new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained,
                protoArr.dup(), preprocessing, config.seed(), config.lambda());
        INDArray classMeans = classMeans(provisional.classify(meanItems).embeddings(), meanLabels, protoArr);
        return new TrainingOutcome<>(new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained, classMeans,
                preprocessing, config.seed(), config.lambda()), result.cancelled(), result.steps());
    }

    /** One step's batch: the [B, 1, H, W] input, the [B, classes] one-hot labels and the labels as classes. */
    public record Batch(INDArray input, INDArray oneHot, int[] labels) {
    }

    /** Algorithm 1's random initial prototypes (He-normal, fan-in 2); line 8 then moves them to the class means. */
    static INDArray initialPrototypes(int classes, int embeddingSize, long seed) {
        return ParamSource.initial("prototypes", new long[]{classes, embeddingSize}, 2, ParamSource.Init.HE, seed);
    }

    private static Map<String, INDArray> extras(INDArray prototypes, BatchNormStats bn) {
        Map<String, INDArray> extra = new LinkedHashMap<>(bn.arrays());
        extra.put("prototypes", prototypes);
        return extra;
    }

    /** Linear warm-up over the first 2 % of the steps, then cosine decay to 2 % of the rate. */
    static double cosineFactor(long step, long total) {
        long warm = Math.max(1, total / 50);
        if (step < warm) {
            return (step + 1.0) / warm;
        }
        double t = (double) (step - warm) / Math.max(1, total - warm);
        return 0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    /** Algorithm 1, lines 3-4: N_c items of every class (with replacement only when a class has fewer). */
    static int[] balancedBatch(int[][] byClass, int nc, SplittableRandom rng) {
        int[] batch = new int[byClass.length * nc];
        for (int k = 0; k < byClass.length; k++) {
            int[] pool = byClass[k];
            if (pool.length >= nc) {
                int[] perm = pool.clone();
                for (int i = 0; i < nc; i++) { // partial Fisher-Yates: nc distinct items
                    int j = i + rng.nextInt(perm.length - i);
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    batch[k * nc + i] = perm[i];
                }
            } else {
                for (int i = 0; i < nc; i++) {
                    batch[k * nc + i] = pool[rng.nextInt(pool.length)];
                }
            }
        }
        return batch;
    }

    /**
     * Line 8: c_k ← μ·c_k + (1 − μ)·mean of the class-k embeddings of the batch, for every class the
     * batch holds (balanced batches hold N_c of each; batches drawn by class frequency may miss a class).
     */
    private static void updatePrototypes(INDArray prototypes, INDArray embedding, int[] labels, double mu) {
        float[][] e = Batches.rows(embedding);
        int classes = (int) prototypes.size(0);
        int m = (int) prototypes.size(1);
        double[][] sum = new double[classes][m];
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            for (int j = 0; j < m; j++) {
                sum[labels[i]][j] += e[i][j];
            }
        }
        for (int k = 0; k < classes; k++) {
            if (count[k] == 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                prototypes.putScalar(k, j, mu * prototypes.getDouble(k, j) + (1 - mu) * sum[k][j] / count[k]);
            }
        }
    }

    /** Eq. 1: the class means of the embeddings; a class without items keeps its running prototype. */
    static INDArray classMeans(float[][] embeddings, int[] labels, INDArray fallback) {
        int classes = (int) fallback.size(0);
        int m = (int) fallback.size(1);
        double[][] sum = new double[classes][m];
        int[] count = new int[classes];
        for (int i = 0; i < embeddings.length; i++) {
            int k = labels[i];
            if (k < 0) {
                continue;
            }
            count[k]++;
            for (int j = 0; j < m; j++) {
                sum[k][j] += embeddings[i][j];
            }
        }
        INDArray out = fallback.dup();
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < m && count[k] > 0; j++) {
                out.putScalar(k, j, sum[k][j] / count[k]);
            }
        }
        return out;
    }

}
