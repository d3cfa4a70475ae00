package irw.engine;

import irw.core.data.LabelledDataSet;
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
        int[] shape = data.shape();
        int nc = config.samplesPerClass();
        int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : Math.max(1, irw.engine.net.Layers.ceilDiv(data.size(), classes * nc));
        // Algorithm 1, lines 3-4: every step's batch is a pure function of (seed, step), prepared while the previous step runs
        BatchSource<Batch> batches = BatchSource.preparedAhead(step -> {
            int[] batch = balancedBatch(byClass, nc, new SplittableRandom(TrainingLoop.stepSeed(config.seed(), step)));
            return new Batch(Batches.input(items, batch, shape), Batches.oneHot(data.labels(), batch, classes));
        });
        return train(data.shape(), data.classes(), batches, (long) stepsPerEpoch * config.epochs(), stepsPerEpoch, preprocessing,
                items, data.labels(), listener);
    }

    /**
     * Algorithm 1 on batches from any source (an in-memory set, or patterns rendered on the fly):
     * {@code batches} must be class-major, N_c items of every class in class order (line 8 averages
     * each class's N_c embeddings). The final prototypes are the class means of eq. 1 over
     * {@code meanItems} (preprocessed, labelled by {@code meanLabels}).
     */
    public TrainingOutcome<PrototypicalClassifier> train(int[] shape, irw.core.ClassSet classSet, BatchSource<Batch> batches, long totalSteps,
                                                         long stepsPerEpoch, Preprocessing preprocessing, float[][] meanItems,
                                                         int[] meanLabels, TrainingListener listener) {
        int classes = classSet.size();
        int nc = config.samplesPerClass();
        ClassifierNetwork network = ClassifierNetwork.create(config.modelSpec(), shape, classes);
        String identity = config.modelSpec().id() + " " + Arrays.toString(shape) + " " + classSet.names() + " lambda=" + config.lambda();
        TrainingLoop loop = new TrainingLoop(CHECKPOINT_KIND, listener, checkpointing, identity, config.seed());
        Checkpoint.State resumed = loop.resumed();
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
        Adam adam = new Adam(config.learningRate());
        if (resumed != null) {
            adam.restore(resumed.adamState(), resumed.adamSteps());
        }
        double mu = config.effectiveMomentum();
        INDArray protoArr = prototypes.getArr();
        TrainingLoop.Result result = loop.run(TrainingLoop.Stage.whole(totalSteps, stepsPerEpoch, GC_EVERY), batches, (b, step) -> {
            OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of("input", b.input(), "labels", b.oneHot()),
                    List.of("loss", "l_c", "l_f", "embedding", "logits"), params.keySet());
            Map<String, INDArray> out = r.getOutputs();
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", out.get("loss").getDouble(0));
            values.put("l_c", out.get("l_c").getDouble(0));
            values.put("l_f", out.get("l_f").getDouble(0));
            values.put("accuracy", Batches.accuracy(out.get("logits"), b.oneHot()));
            adam.step(params, r.getGradients());
            updatePrototypes(protoArr, out.get("embedding"), classes, nc, mu);
            return values;
        }, new TrainingLoop.Saved(params, adam, Map.of("prototypes", protoArr)));
        Map<String, INDArray> trained = new LinkedHashMap<>();
        params.forEach((k, v) -> trained.put(k, v.dup()));
        PrototypicalClassifier provisional = new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained,
                protoArr.dup(), preprocessing, config.seed(), config.lambda());
        INDArray classMeans = classMeans(provisional.classify(meanItems).embeddings(), meanLabels, protoArr);
        return new TrainingOutcome<>(new PrototypicalClassifier(config.modelSpec(), shape, classSet, trained, classMeans,
                preprocessing, config.seed(), config.lambda()), result.cancelled(), result.steps());
    }

    /** One step's batch: the [B, 1, H, W] input and the [B, classes] one-hot labels, class-major with N_c items of every class. */
    public record Batch(INDArray input, INDArray oneHot) {
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

    /** Line 8: c_k ← μ·c_k + (1 − μ)·mean of the class-k embeddings of the batch (batch is class-major). */
    private static void updatePrototypes(INDArray prototypes, INDArray embedding, int classes, int nc, double mu) {
        for (int k = 0; k < classes; k++) {
            INDArray mean = embedding.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(k * nc, (k + 1) * nc),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).mean(0);
            INDArray row = prototypes.getRow(k);
            row.muli(mu).addi(mean.muli(1 - mu));
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
