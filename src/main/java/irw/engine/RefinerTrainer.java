package irw.engine;

import irw.core.data.LabelledDataSet;
import irw.engine.net.ParamSource;
import irw.engine.net.RefinerNetwork;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Algorithm 2: trains the refiner on the imperfect set through the frozen prototypical classifier
 * (see {@link RefinementGraph} for the losses). Targeted training needs labels; non-targeted
 * training ignores them. The classifier's arrays are graph constants and are never written.
 */
public final class RefinerTrainer {
    static final String CHECKPOINT_KIND = "refiner";
    /** Steps between explicit GCs: SameDiff's native buffers are freed only by GC (PLATFORM-NOTES: 2x faster steps). */
    private static final int GC_EVERY = 5;
    private final RefinerTrainingConfig config;
    private Checkpointing checkpointing;

    public RefinerTrainer(RefinerTrainingConfig config) {
        this.config = config;
    }

    public RefinerTrainer withCheckpoint(Checkpointing checkpointing) {
        this.checkpointing = checkpointing;
        return this;
    }

    /** Trains the default refiner network for the classifier's item shape. */
    public TrainingOutcome<Refiner> train(PrototypicalClassifier classifier, LabelledDataSet imperfect, TrainingListener listener) {
        return train(classifier, RefinerNetwork.create(classifier.itemShape(), config.constraintsFor(classifier)), imperfect, listener);
    }

    public TrainingOutcome<Refiner> train(PrototypicalClassifier classifier, RefinerNetwork network, LabelledDataSet imperfect,
                                          TrainingListener listener) {
        return train(classifier, network, imperfect, null, listener);
    }

    /**
     * Targeted Algorithm 2 with soft targets: {@code targets[i]} (e.g. Label Refinery's refined label,
     * {@link irw.core.data.SoftLabels}) replaces item i's one-hot label y in l_pred (eq. 4) and l_proto
     * (eq. 5); null uses the hard labels.
     */
    public TrainingOutcome<Refiner> train(PrototypicalClassifier classifier, LabelledDataSet imperfect, float[][] targets,
                                          TrainingListener listener) {
        return train(classifier, RefinerNetwork.create(classifier.itemShape(), config.constraintsFor(classifier)), imperfect, targets, listener);
    }

    private TrainingOutcome<Refiner> train(PrototypicalClassifier classifier, RefinerNetwork network, LabelledDataSet imperfect,
                                           float[][] targets, TrainingListener listener) {
        if (!Arrays.equals(imperfect.shape(), classifier.itemShape())) {
            throw new IllegalArgumentException("imperfect items have shape " + Arrays.toString(imperfect.shape()) + " but the classifier takes "
                    + Arrays.toString(classifier.itemShape()));
        }
        if (config.targeted() && !imperfect.isLabelled()) {
            throw new IllegalArgumentException("targeted refinement needs a label for every imperfect item; train non-targeted instead");
        }
        if (!imperfect.classes().names().equals(classifier.classes().names())) {
            throw new IllegalArgumentException("the data's classes " + imperfect.classes().names() + " differ from the classifier's "
                    + classifier.classes().names());
        }
        if (imperfect.size() == 0) {
            throw new IllegalArgumentException("no imperfect items to train on");
        }
        if (targets != null && (!config.targeted() || targets.length != imperfect.size()
                || java.util.Arrays.stream(targets).anyMatch(t -> t.length != classifier.classes().size()))) {
            throw new IllegalArgumentException(config.targeted() ? "soft targets must be " + imperfect.size() + " rows of "
                    + classifier.classes().size() + " probabilities" : "soft targets are for targeted refinement; non-targeted uses no labels");
        }
        float[][] items = classifier.preprocessing().apply(imperfect.items());
        int batchSize = Math.min(config.batchSize(), imperfect.size());
        int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : Math.max(1, (imperfect.size() + batchSize - 1) / batchSize);
        int classes = classifier.classes().size();
        boolean labelled = imperfect.isLabelled();
        // Algorithm 2, line 2: every step's batch is a pure function of (seed, step), prepared while the previous step runs
        BatchSource<Batch> batches = BatchSource.preparedAhead(step -> {
            int[] batch = sample(imperfect.size(), batchSize, new SplittableRandom(TrainingLoop.stepSeed(config.seed(), step)));
            return new Batch(Batches.input(items, batch, imperfect.shape()),
                    labelled ? Batches.targets(imperfect.labels(), targets, batch, classes) : null);
        });
        return train(classifier, network, batches, (long) stepsPerEpoch * config.epochs(), stepsPerEpoch, listener);
    }

    /**
     * Algorithm 2 on batches from any source (an in-memory set, or patterns rendered on the fly);
     * targeted training needs every batch's one-hot labels.
     */
    public TrainingOutcome<Refiner> train(PrototypicalClassifier classifier, RefinerNetwork network, BatchSource<Batch> batches,
                                          long totalSteps, long stepsPerEpoch, TrainingListener listener) {
        String identity = network.architecture() + " " + Arrays.toString(classifier.itemShape()) + " " + config;
        TrainingLoop loop = new TrainingLoop(CHECKPOINT_KIND, listener, checkpointing, identity, config.seed());
        Checkpoint.State resumed = loop.resumed();
        RefinementGraph graph = new RefinementGraph(classifier, network,
                ParamSource.trainable(resumed == null ? Map.of() : resumed.params(), config.seed()), config);
        Map<String, INDArray> params = graph.refinerParams;
        Adam adam = new Adam(config.learningRate());
        if (resumed != null) {
            adam.restore(resumed.adamState(), resumed.adamSteps());
        }
        List<String> outputs = new ArrayList<>(List.of("loss", "l_pred", "l_reg", "l_proto", "logits"));
        TrainingLoop.Result result = loop.run(TrainingLoop.Stage.whole(totalSteps, stepsPerEpoch, GC_EVERY), batches, (b, step) -> {
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("input", b.input());
            if (config.targeted()) {
                if (b.oneHot() == null) {
                    throw new IllegalArgumentException("targeted refinement needs the labels of every batch");
                }
                ph.put("labels", b.oneHot());
            }
            OutAndGrad r = graph.sd.calculateGradientsAndOutputs(ph, outputs, params.keySet());
            Map<String, INDArray> out = r.getOutputs();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String k : List.of("loss", "l_pred", "l_reg", "l_proto")) {
                values.put(k, out.get(k).getDouble(0));
            }
            if (b.oneHot() != null) {
                values.put("accuracy", Batches.accuracy(out.get("logits"), b.oneHot()));
            }
            adam.step(params, r.getGradients());
            return values;
        }, new TrainingLoop.Saved(params, adam, Map.of()));
        Map<String, INDArray> trained = new LinkedHashMap<>();
        params.forEach((k, v) -> trained.put(k, v.dup()));
        return new TrainingOutcome<>(new Refiner(network.architecture(), classifier.itemShape(), trained, config.withConstraints(network.constraints()),
                classifier.classes().names()), result.cancelled(), result.steps());
    }

    /** One step's batch: the [B, 1, H, W] input and, when the items are labelled, the [B, classes] one-hot labels (else null). */
    public record Batch(INDArray input, INDArray oneHot) {
    }

    /** Algorithm 2, line 2: N_c distinct items drawn at random. */
    static int[] sample(int size, int count, SplittableRandom rng) {
        int[] perm = Batches.range(0, size);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(size - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            out[i] = perm[i];
        }
        return out;
    }
}
