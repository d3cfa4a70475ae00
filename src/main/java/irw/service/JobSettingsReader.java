package irw.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

import static irw.service.SpecFields.boolOr;
import static irw.service.SpecFields.doubleOr;
import static irw.service.SpecFields.intOr;
import static irw.service.SpecFields.positive;
import static irw.service.SpecFields.rejectUnknown;
import static irw.service.SpecFields.text;

/**
 * Reads the {@code hyperParameters} object of a job spec for its kind: each kind has its own
 * fields (an unknown or another kind's field is an error), and a missing field takes the kind's
 * default ({@link HyperParameters#DEFAULTS}, {@link RefinerySettings#DEFAULTS},
 * {@link MicSettings#DEFAULTS}).
 */
final class JobSettingsReader {
    static final Set<String> HYPER = Set.of("alpha", "beta", "lambda", "targeted", "epochs", "batch", "learningRate", "modelSize", "p",
            "featureSpaceReg", "stepsPerEpoch");
    static final Set<String> REFINERY = Set.of("rounds", "epochs", "batch", "modelSize", "lambda", "learningRate", "stepsPerEpoch", "trainPerClass",
            "testPerClass");
    static final Set<String> MIC = Set.of("types", "selection", "hidden", "iterations", "copies", "learningRate", "noiseIn", "noiseOut", "chunk",
            "trainPerClass", "testPerClass", "inversionSteps", "inversionRate", "plainGradient", "clip");
    static final Set<String> MODEL_SIZES = Set.of("small", "vgg19", "densenet121");
    static final Set<String> SELECTIONS = Set.of("clustered", "random");
    private static final String P = "hyperParameters.";
    /** Per-class subset sizes: 0 = all; the MNIST training set has about 6,000 items a class. */
    private static final int PER_CLASS_MAX = 1_000_000;

    private JobSettingsReader() {
    }

    static JobSettings read(JsonNode node, JobKind kind) throws InvalidJobSpecException {
        if (node != null && !node.isObject()) {
            throw new InvalidJobSpecException("hyperParameters", "must be an object");
        }
        return switch (kind) {
            case CLASSIFIER, REFINER -> hyperParameters(node);
            case LABEL_REFINERY -> refinery(node);
            case MIC -> mic(node);
        };
    }

    private static HyperParameters hyperParameters(JsonNode node) throws InvalidJobSpecException {
        HyperParameters d = HyperParameters.DEFAULTS;
        if (node == null) {
            return d;
        }
        rejectUnknown(node, HYPER, P);
        double alpha = doubleOr(node, "alpha", P, 0, 1e6, d.alpha());
        double beta = doubleOr(node, "beta", P, 0, 1e6, d.beta());
        double lambda = doubleOr(node, "lambda", P, 0, 1e6, d.lambda());
        boolean targeted = boolOr(node, "targeted", P, d.targeted());
        boolean featureSpaceReg = boolOr(node, "featureSpaceReg", P, d.featureSpaceReg());
        int norm = intOr(node, "p", P, 1, 2, d.p());
        int stepsPerEpoch = intOr(node, "stepsPerEpoch", P, 0, 10_000_000, d.stepsPerEpoch());
        int epochs = intOr(node, "epochs", P, 1, 100_000, d.epochs());
        int batch = intOr(node, "batch", P, 1, 65_536, d.batch());
        double lr = node.has("learningRate") ? positive(node.get("learningRate"), P + "learningRate", 10) : d.learningRate();
        String size = node.has("modelSize") ? text(node.get("modelSize"), P + "modelSize") : d.modelSize();
        if (!MODEL_SIZES.contains(size)) {
            throw new InvalidJobSpecException(P + "modelSize", "unknown size '" + size + "', expected one of " + new TreeSet<>(MODEL_SIZES));
        }
        return new HyperParameters(alpha, beta, lambda, targeted, epochs, batch, lr, size, norm, featureSpaceReg, stepsPerEpoch);
    }

    private static RefinerySettings refinery(JsonNode node) throws InvalidJobSpecException {
        RefinerySettings d = RefinerySettings.DEFAULTS;
        if (node == null) {
            return d;
        }
        rejectUnknown(node, REFINERY, P);
        String size = node.has("modelSize") ? text(node.get("modelSize"), P + "modelSize") : d.modelSize();
        if (!MODEL_SIZES.contains(size)) {
            throw new InvalidJobSpecException(P + "modelSize", "unknown size '" + size + "', expected one of " + new TreeSet<>(MODEL_SIZES));
        }
        return new RefinerySettings(
                intOr(node, "rounds", P, 0, 1_000, d.rounds()),
                intOr(node, "epochs", P, 1, 100_000, d.epochs()),
                intOr(node, "batch", P, 1, 65_536, d.batch()),
                size,
                doubleOr(node, "lambda", P, 0, 1e6, d.lambda()),
                node.has("learningRate") ? positive(node.get("learningRate"), P + "learningRate", 10) : d.learningRate(),
                intOr(node, "stepsPerEpoch", P, 0, 10_000_000, d.stepsPerEpoch()),
                intOr(node, "trainPerClass", P, 0, PER_CLASS_MAX, d.trainPerClass()),
                intOr(node, "testPerClass", P, 0, PER_CLASS_MAX, d.testPerClass()));
    }

    private static MicSettings mic(JsonNode node) throws InvalidJobSpecException {
        MicSettings d = MicSettings.DEFAULTS;
        if (node == null) {
            return d;
        }
        rejectUnknown(node, MIC, P);
        String selection = node.has("selection") ? text(node.get("selection"), P + "selection") : d.selection();
        if (!SELECTIONS.contains(selection)) {
            throw new InvalidJobSpecException(P + "selection", "unknown selection '" + selection + "', expected one of " + new TreeSet<>(SELECTIONS));
        }
        return new MicSettings(
                intOr(node, "types", P, 1, 10_000, d.types()),
                selection,
                intOr(node, "hidden", P, 1, 4_096, d.hidden()),
                intOr(node, "iterations", P, 1, 10_000_000, d.iterations()),
                intOr(node, "copies", P, 1, 1_024, d.copies()),
                node.has("learningRate") ? positive(node.get("learningRate"), P + "learningRate", 10) : d.learningRate(),
                doubleOr(node, "noiseIn", P, 0, 10, d.noiseIn()),
                doubleOr(node, "noiseOut", P, 0, 10, d.noiseOut()),
                intOr(node, "chunk", P, 1, 1_000_000, d.chunk()),
                intOr(node, "trainPerClass", P, 0, PER_CLASS_MAX, d.trainPerClass()),
                intOr(node, "testPerClass", P, 0, PER_CLASS_MAX, d.testPerClass()),
                intOr(node, "inversionSteps", P, 0, 100_000, d.inversionSteps()),
                node.has("inversionRate") ? positive(node.get("inversionRate"), P + "inversionRate", 1e6) : d.inversionRate(),
                boolOr(node, "plainGradient", P, d.plainGradient()),
                boolOr(node, "clip", P, d.clip()));
    }
}
