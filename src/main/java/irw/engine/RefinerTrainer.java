package irw.engine;

import irw.core.data.LabelledDataSet;
import irw.engine.net.ParamSource;
import irw.engine.net.RefinerNetwork;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        float[][] items = classifier.preprocessing().apply(imperfect.items());
        String identity = network.architecture() + " " + Arrays.toString(classifier.itemShape()) + " " + config;
        try {
            Checkpoint.State resumed = checkpointing == null ? null
                    : Checkpoint.loadIfPresent(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed());
            return run(classifier, network, imperfect, items, identity, resumed, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrainingOutcome<Refiner> run(PrototypicalClassifier classifier, RefinerNetwork network, LabelledDataSet data, float[][] items,
                                         String identity, Checkpoint.State resumed, TrainingListener listener) throws IOException {
        RefinementGraph graph = new RefinementGraph(classifier, network,
                ParamSource.trainable(resumed == null ? Map.of() : resumed.params(), config.seed()), config);
        Map<String, INDArray> params = graph.refinerParams;
        Adam adam = new Adam(config.learningRate());
        long start = 0;
        if (resumed != null) {
            adam.restore(resumed.adamState(), resumed.adamSteps());
            start = resumed.step();
        }
        int batchSize = Math.min(config.batchSize(), data.size());
        int stepsPerEpoch = config.stepsPerEpoch() > 0 ? config.stepsPerEpoch() : Math.max(1, (data.size() + batchSize - 1) / batchSize);
        long total = (long) stepsPerEpoch * config.epochs();
        int classes = classifier.classes().size();
        List<String> outputs = new ArrayList<>(List.of("loss", "l_pred", "l_reg", "l_proto", "logits"));
        boolean cancelled = false;
        long step = start;
        while (step < total) {
            if (listener.isCancelled()) {
                cancelled = true;
                break;
            }
            int[] batch = sample(data.size(), batchSize, new SplittableRandom(Checkpoint.stepSeed(config.seed(), step)));
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("input", Batches.input(items, batch, data.shape()));
            if (config.targeted()) {
                ph.put("labels", Batches.oneHot(data.labels(), batch, classes));
            }
            OutAndGrad r = graph.sd.calculateGradientsAndOutputs(ph, outputs, params.keySet());
            Map<String, INDArray> out = r.getOutputs();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String k : List.of("loss", "l_pred", "l_reg", "l_proto")) {
                values.put(k, out.get(k).getDouble(0));
            }
            if (data.isLabelled()) {
                values.put("accuracy", accuracy(out.get("logits"), data.labels(), batch));
            }
            LossGuard.check("refiner", step + 1, values);
            adam.step(params, r.getGradients());
            step++;
            listener.onMetrics(new TrainingMetrics((int) ((step - 1) / stepsPerEpoch), step, total, values));
            if (checkpointing != null && step % checkpointing.everySteps() == 0 && step < total) {
                Checkpoint.save(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed(), step, params, adam, Map.of());
            }
            if (step % 5 == 0) {
                System.gc(); // frees SameDiff's native buffers early (PLATFORM-NOTES: 2x faster steps)
            }
        }
        if (checkpointing != null && step > start) {
            Checkpoint.save(checkpointing.file(), CHECKPOINT_KIND, identity, config.seed(), step, params, adam, Map.of());
        }
        Map<String, INDArray> trained = new LinkedHashMap<>();
        params.forEach((k, v) -> trained.put(k, v.dup()));
        return new TrainingOutcome<>(new Refiner(network.architecture(), classifier.itemShape(), trained, config.withConstraints(network.constraints()),
                classifier.classes().names()), cancelled, step);
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

    private static double accuracy(INDArray logits, int[] labels, int[] batch) {
        INDArray pred = logits.argMax(1);
        int correct = 0;
        for (int i = 0; i < batch.length; i++) {
            if (pred.getInt(i) == labels[batch[i]]) {
                correct++;
            }
        }
        return (double) correct / batch.length;
    }
}
