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

import java.io.IOException;
import java.io.UncheckedIOException;
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
        int classes = data.classes().size();
        int[][] byClass = new int[classes][];
        for (int k = 0; k < classes; k++) {
            byClass[k] = data.indicesOfClass(k);
            if (byClass[k].length == 0) {
                throw new IllegalArgumentException("class '" + data.classes().name(k) + "' has no items; Algorithm 1 draws "
                        + config.samplesPerClass() + " of every class in every step");
            }
        }
        float[][] items = preprocessing.apply(data.items());
        int nc = config.samplesPerClass();
        StepBatches batches = step -> {
            int[] batch = balancedBatch(byClass, nc, new SplittableRandom(Checkpoint.stepSeed(config.seed(), step)));
            float[][] x = new float[batch.length][];
            int[] y = new int[batch.length];
            for (int i = 0; i < batch.length; i++) {
                x[i] = items[batch[i]];
                y[i] = data.labels()[batch[i]];
            }
            return new StepBatches.Batch(x, y);
        };
        int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : Math.max(1, irw.engine.net.Layers.ceilDiv(data.size(), classes * nc));
        return train(batches, data.shape(), data.classes(), preprocessing, stepsPerEpoch, false,
                () -> new StepBatches.Batch(items, data.labels()), listener);
    }

    /**
     * Algorithm 1 on patterns rendered on the fly from {@code source} (every step a fresh batch of
     * {@code classes × N_c} draws), with a cosine learning-rate schedule; then the prototypes are the
     * class means (eq. 1) over {@link #PROTOTYPE_DRAWS} further draws, and, when {@code heldOut} is given,
     * the probabilities are calibrated on {@link #CALIBRATION_DRAWS} draws of its (validation) structures.
     */
    public TrainingOutcome<PrototypicalClassifier> train(TrainingPatternSource source, TrainingPatternSource heldOut, ClassSet classes,
                                                         Preprocessing preprocessing, TrainingListener listener) {
        if (preprocessing.patterns() == null) {
            throw new IllegalArgumentException("on-the-fly training renders diffraction patterns; the preprocessing has no pattern grid");
        }
        int batchSize = classes.size() * config.samplesPerClass();
        int[] shape = {source.grid().points()};
        try (OnTheFlyPatterns batches = new OnTheFlyPatterns(source, preprocessing.patterns(), batchSize)) {
            int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : 1000;
            TrainingOutcome<PrototypicalClassifier> outcome = train(batches, shape, classes, preprocessing, stepsPerEpoch, true,
                    () -> batches.render(PROTOTYPE_FIRST_DRAW, PROTOTYPE_DRAWS), listener);
            if (heldOut == null || outcome.cancelled()) {
                return outcome;
            }
            StepBatches.Batch calibration = new OnTheFlyPatterns(heldOut, preprocessing.patterns(), batchSize).render(0, CALIBRATION_DRAWS);
            Classification c = outcome.model().classify(calibration.items());
            Calibration fitted = TemperatureFit.fit(c.logits(), calibration.labels(), CALIBRATION_DRAWS + " patterns of the "
                    + heldOut.classCounts().length + "-class validation structures (" + java.util.Arrays.stream(heldOut.classCounts()).sum()
                    + "), drawn with " + heldOut.augmentation().label() + " variation");
            return new TrainingOutcome<>(outcome.model().withCalibration(fitted), false, outcome.steps());
        }
    }

    /** Draws the final class means are taken over, far from any step's draws. */
    static final int PROTOTYPE_DRAWS = 1400;
    static final long PROTOTYPE_FIRST_DRAW = Long.MAX_VALUE / 4;
    static final int CALIBRATION_DRAWS = 2100;

    private TrainingOutcome<PrototypicalClassifier> train(StepBatches batches, int[] shape, ClassSet classSet, Preprocessing preprocessing,
                                                          int stepsPerEpoch, boolean cosine, java.util.function.Supplier<StepBatches.Batch> prototypeSet,
                                                          TrainingListener listener) {
        ClassifierNetwork network = ClassifierNetwork.create(config.modelSpec(), shape, classSet.size());
        String identity = config.modelSpec().id() + " " + Arrays.toString(shape) + " " + classSet.names() + " lambda=" + config.lambda();
        try {
            Checkpoint.State resumed = checkpointing == null ? null
                    : Checkpoint.loadIfPresent(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed());
            return run(batches, shape, classSet, preprocessing, network, stepsPerEpoch, cosine, prototypeSet, identity, resumed, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrainingOutcome<PrototypicalClassifier> run(StepBatches batches, int[] shape, ClassSet classSet, Preprocessing preprocessing,
                                                        ClassifierNetwork network, int stepsPerEpoch, boolean cosine,
                                                        java.util.function.Supplier<StepBatches.Batch> prototypeSet, String identity,
                                                        Checkpoint.State resumed, TrainingListener listener) throws IOException {
        int classes = classSet.size();
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("input", DataType.FLOAT, Batches.nchw(-1, shape));
        SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, classes);
        ClassifierGraph g = network.build(sd, in, ParamSource.trainable(resumed == null ? Map.of() : resumed.params(), config.seed()));
        INDArray initialPrototypes = resumed != null ? resumed.extra().get("prototypes")
                : ParamSource.initial("prototypes", new long[]{classes, g.embeddingSize()}, 2, ParamSource.Init.HE, config.seed());
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
        long start = 0;
        if (resumed != null) {
            adam.restore(resumed.adamState(), resumed.adamSteps());
            start = resumed.step();
        }
        long total = (long) stepsPerEpoch * config.epochs();
        double mu = config.effectiveMomentum();
        INDArray protoArr = prototypes.getArr();
        boolean cancelled = false;
        long step = start;
        while (step < total) {
            if (listener.isCancelled()) {
                cancelled = true;
                break;
            }
            StepBatches.Batch batch = batches.batch(step);
            int[] all = Batches.range(0, batch.items().length);
            Map<String, INDArray> ph = Map.of("input", Batches.input(batch.items(), all, shape),
                    "labels", Batches.oneHot(batch.labels(), all, classes));
            OutAndGrad r = sd.calculateGradientsAndOutputs(ph, requested, params.keySet());
            Map<String, INDArray> out = r.getOutputs();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", out.get("loss").getDouble(0));
            values.put("l_c", out.get("l_c").getDouble(0));
            values.put("l_f", out.get("l_f").getDouble(0));
            values.put("accuracy", batchAccuracy(out.get("logits"), batch.labels()));
            LossGuard.check("classifier", step + 1, values);
            double factor = cosine ? cosineFactor(step, total) : 1;
            if (cosine) {
                values.put("learningRate", factor * config.learningRate());
            }
            adam.step(params, r.getGradients(), factor);
            updatePrototypes(protoArr, out.get("embedding"), batch.labels(), mu);
            bn.update(out);
            step++;
            listener.onMetrics(new TrainingMetrics((int) ((step - 1) / stepsPerEpoch), step, total, values));
            if (checkpointing != null && step % checkpointing.everySteps() == 0 && step < total) {
                Checkpoint.save(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed(), step, params, adam, extras(protoArr, bn));
            }
            if (step % 5 == 0) {
                System.gc(); // frees SameDiff's native buffers before JavaCPP's cap forces slow GC phases (PLATFORM-NOTES)
            }
        }
        if (checkpointing != null && step > start) {
            Checkpoint.save(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed(), step, params, adam, extras(protoArr, bn));
        }
        Map<String, INDArray> trained = new LinkedHashMap<>();
        params.forEach((k, v) -> trained.put(k, v.dup()));
        bn.arrays().forEach((k, v) -> trained.put(k, v.dup()));
        PrototypicalClassifier provisional = new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained,
                protoArr.dup(), preprocessing, config.seed(), config.lambda());
        StepBatches.Batch set = prototypeSet.get();
        INDArray classMeans = classMeans(provisional.classify(set.items()).embeddings(), set.labels(), protoArr);
        return new TrainingOutcome<>(new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained, classMeans,
                preprocessing, config.seed(), config.lambda()), cancelled, step);
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

    private static double batchAccuracy(INDArray logits, int[] labels) {
        INDArray pred = logits.argMax(1);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (pred.getInt(i) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

}
