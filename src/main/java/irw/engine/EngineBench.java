package irw.engine;

import irw.core.ClassSet;
import irw.core.data.LabelledDataSet;
import irw.engine.net.ModelSpec;
import irw.engine.net.RefinerNetwork;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.TrainingPatternSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Timings of the engine's hot paths on the default networks with random weights and random data
 * (speed does not depend on the values): a full refiner training step of Algorithm 2 (forward,
 * backward, Adam), classifier inference throughput, and per-pattern refinement latency.
 */
public final class EngineBench {
    /** Median, mean and 90th-percentile seconds of the timed repetitions. */
    public record Timing(String what, double medianSeconds, double meanSeconds, int repetitions, double p90Seconds) {
    }

    private EngineBench() {
    }

    /** Refiner training steps (Algorithm 2, targeted, Ψ = identity, p = 1) of the default U-Net through the default classifier. */
    public static Timing refinerStep(int[] itemShape, int classes, int batch, int warmup, int repetitions, long seed) {
        return timing("refiner step " + Arrays.toString(itemShape) + " batch " + batch, refinerStepSeconds(itemShape, classes, batch, warmup,
                repetitions, seed));
    }

    /** Seconds of each timed refiner training step (after {@code warmup} untimed ones, the first of which builds the graph). */
    public static double[] refinerStepSeconds(int[] itemShape, int classes, int batch, int warmup, int repetitions, long seed) {
        PrototypicalClassifier c = PrototypicalClassifier.untrained(ModelSpec.SMALL, itemShape, classSet(classes), seed);
        LabelledDataSet data = randomData(itemShape, classes, batch * 2, seed);
        List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
        RefinerTrainingConfig cfg = new RefinerTrainingConfig(0.01, 1.0, true, 1, false, 1, batch, 1e-4, seed, warmup + repetitions);
        stamps.add(System.nanoTime());
        new RefinerTrainer(cfg).train(c, RefinerNetwork.create(itemShape, cfg.constraintsFor(c)), data, m -> stamps.add(System.nanoTime()));
        return between(stamps, warmup, repetitions);
    }

    /**
     * Seconds of each timed step of Algorithm 1 (L_C + λ·L_F, λ = 1, Adam, batch = classes × {@code perClass}) of
     * classifier {@code spec} through the one training loop, on random items (after {@code warmup} untimed steps).
     */
    public static double[] classifierStepSeconds(ModelSpec spec, int[] itemShape, int classes, int perClass, int warmup, int repetitions,
                                                 long seed) {
        LabelledDataSet data = randomData(itemShape, classes, classes * perClass * 2, seed);
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(1.0, 1, perClass, 1e-3, seed, spec, ClassifierTrainingConfig.PAPER_MOMENTUM,
                warmup + repetitions);
        List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
        stamps.add(System.nanoTime());
        new ClassifierTrainer(cfg).train(data, m -> stamps.add(System.nanoTime()));
        return between(stamps, warmup, repetitions);
    }

    /**
     * Seconds of each timed step of Algorithm 1 of classifier {@code spec} on patterns rendered on the fly from
     * {@code source} (drawn and prepared on the loop's data thread while the previous step runs, as
     * {@code train classifier --structures} trains), after {@code warmup} untimed steps. Set against
     * {@link #classifierStepSeconds} (batches from memory), it shows whether the data side makes the step wait.
     */
    public static double[] onTheFlyStepSeconds(ModelSpec spec, TrainingPatternSource source, int perClass, int warmup, int repetitions, long seed) {
        ClassSet classes = classSet(source.classCounts().length);
        ClassifierTrainingConfig cfg = new ClassifierTrainingConfig(1.0, 1, perClass, 1e-3, seed, spec, ClassifierTrainingConfig.PAPER_MOMENTUM,
                warmup + repetitions);
        List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStart(TrainingStart start) {
                stamps.add(System.nanoTime()); // after the class-mean draws are rendered, before the first step
            }

            @Override
            public void onMetrics(TrainingMetrics m) {
                stamps.add(System.nanoTime());
            }
        };
        new ClassifierTrainer(cfg).train(source, null, classes, Preprocessing.forPatterns(ModelInputPreparation.standard(source.grid())), listener);
        return between(stamps, warmup, repetitions);
    }

    /** CPU seconds of this thread to draw and prepare one batch of {@code size} patterns from {@code source} (as the data thread does). */
    public static double batchRenderCpuSeconds(TrainingPatternSource source, long first, int size) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        OnTheFlyPatterns patterns = new OnTheFlyPatterns(source, ModelInputPreparation.standard(source.grid()));
        long c0 = cpu.getCurrentThreadCpuTime();
        patterns.render(first, size);
        return (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
    }

    private static double[] between(List<Long> stamps, int warmup, int repetitions) {
        double[] s = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            s[i] = (stamps.get(warmup + i + 1) - stamps.get(warmup + i)) / 1e9;
        }
        return s;
    }

    /** Seconds to classify {@code items} random items through classifier {@code spec} (batches of 256), after one untimed pass. */
    public static double classifierSeconds(ModelSpec spec, int[] itemShape, int classes, int items, long seed) {
        PrototypicalClassifier c = PrototypicalClassifier.untrained(spec, itemShape, classSet(classes), seed);
        float[][] x = randomData(itemShape, classes, items, seed).items();
        c.classify(Arrays.copyOf(x, Math.min(64, items)));
        long t0 = System.nanoTime();
        c.classify(x);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Items per second through the default classifier (batches of 256). */
    public static double classifierItemsPerSecond(int[] itemShape, int classes, int items, long seed) {
        return items / classifierSeconds(ModelSpec.SMALL, itemShape, classes, items, seed);
    }

    /**
     * Seconds for one per-pattern refinement of {@code steps} steps (targeted, α = 1, β = ½),
     * after one untimed call that builds the graph.
     *
     * @param nativeThreads OpenMP threads per step (1, the refiner's default), or 0 for OMP_NUM_THREADS
     */
    public static Timing perPatternRefinement(int[] itemShape, int classes, int steps, int repetitions, int nativeThreads, long seed) {
        PerPatternRefiner r = new PerPatternRefiner(PrototypicalClassifier.untrained(ModelSpec.SMALL, itemShape, classSet(classes), seed), nativeThreads);
        float[] x = randomData(itemShape, classes, 1, seed).items()[0];
        PerPatternRefiner.Settings settings = new PerPatternRefiner.Settings(1.0, 0.5, 1, steps, 0.05);
        r.refine(x, settings, () -> false);
        double[] s = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            r.refine(x, settings, () -> false);
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        String threads = nativeThreads == 0 ? "OMP_NUM_THREADS threads" : nativeThreads + " OpenMP thread" + (nativeThreads == 1 ? "" : "s");
        return timing("per-pattern refinement " + Arrays.toString(itemShape) + " " + steps + " steps, " + threads, s);
    }

    /** Seconds of the first per-pattern refinement of a newly loaded classifier: graph and gradient function built, then {@code steps} steps. */
    public static double perPatternFirstCall(int[] itemShape, int classes, int steps, long seed) {
        PerPatternRefiner r = new PerPatternRefiner(PrototypicalClassifier.untrained(ModelSpec.SMALL, itemShape, classSet(classes), seed));
        float[] x = randomData(itemShape, classes, 1, seed).items()[0];
        long t0 = System.nanoTime();
        r.refine(x, new PerPatternRefiner.Settings(1.0, 0.5, 1, steps, 0.05), () -> false);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The figures of repetitions {@code s} (seconds); the 90th percentile is the nearest-rank one. */
    public static Timing timing(String what, double[] s) {
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double p90 = sorted[Math.max(0, (int) Math.ceil(0.9 * sorted.length) - 1)];
        return new Timing(what, median, Arrays.stream(s).average().orElse(Double.NaN), s.length, p90);
    }

    private static ClassSet classSet(int classes) {
        return classes == 7 ? ClassSet.CRYSTAL_SYSTEMS : classes == 10 ? ClassSet.DIGITS
                : new ClassSet(IntStream.range(0, classes).mapToObj(i -> "c" + i).toList());
    }

    private static LabelledDataSet randomData(int[] itemShape, int classes, int n, long seed) {
        Random rng = new Random(seed);
        int len = Arrays.stream(itemShape).reduce(1, (a, b) -> a * b);
        float[][] x = new float[n][len];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len; j++) {
                x[i][j] = rng.nextFloat();
            }
            y[i] = i % classes;
        }
        return new LabelledDataSet(x, itemShape, y, IntStream.range(0, n).mapToObj(i -> "random-" + i).toList(), classSet(classes));
    }
}
