package irw.engine;

import irw.core.ClassSet;
import irw.core.TwoThetaGrid;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.preprocess.ModelInputPreparation;
import irw.xrd.synth.StructureSplit;
import irw.xrd.synth.TrainingPatternSource;
import irw.xrd.synth.XrdDataSets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Trains the XRD classifier on a structure library rendered on the fly (the CLI's
 * {@code train classifier --structures} and the service's classifier jobs with {@code data.structures}):
 * the library's TRAIN split plus the lab's own CIFs, the VALIDATION split for calibration, the TEST split
 * never touched (it is what {@code dataset xrd} with the same split seed holds out).
 *
 * @param structures         the library CIF (may be gzipped, many blocks)
 * @param userCifs           folders of the lab's own CIFs; all their structures with a stated space group join the training set
 * @param augmentation       physical variation or the paper's ideal patterns
 * @param balance            class-frequency exponent of the draws
 * @param splitSeed          seed of the structure split
 * @param validationFraction share of the library held out for calibration
 * @param testFraction       share held out for testing
 * @param rendering          how varied patterns are drawn: from cached reflection families (the default: no
 *                           structure factors per draw, 2.5x fewer CPU seconds a draw in bench simulate) or simulated afresh
 */
public record LibraryTraining(Path structures, List<Path> userCifs, TrainingPatternSource.Augmentation augmentation, double balance,
                              long splitSeed, double validationFraction, double testFraction, TrainingPatternSource.Rendering rendering) {
    public static final long DEFAULT_SPLIT_SEED = 2019;

    public LibraryTraining {
        userCifs = List.copyOf(userCifs);
        if (rendering == null) {
            throw new IllegalArgumentException("no rendering given");
        }
    }

    /** The plan with the default rendering (from cached reflection families). */
    public LibraryTraining(Path structures, List<Path> userCifs, TrainingPatternSource.Augmentation augmentation, double balance,
                           long splitSeed, double validationFraction, double testFraction) {
        this(structures, userCifs, augmentation, balance, splitSeed, validationFraction, testFraction, TrainingPatternSource.Rendering.REFLECTIONS);
    }

    public static LibraryTraining defaults(Path structures) {
        return new LibraryTraining(structures, List.of(), TrainingPatternSource.Augmentation.PHYSICAL, 0.5, DEFAULT_SPLIT_SEED, 0.1, 0.1);
    }

    /** What was trained on, for the log. */
    public record Summary(int libraryStructures, int ownStructures, List<String> skipped) {
    }

    /**
     * Runs Algorithm 1 on the rendered patterns; {@code report} receives the summary (and every skipped
     * CIF with its reason) before training starts.
     */
    public TrainingOutcome<PrototypicalClassifier> train(ClassifierTrainer trainer, long seed, TrainingListener listener,
                                                         Consumer<Summary> report) throws IOException {
        StructureLibrary.ReadResult library = StructureLibrary.read(structures);
        StructureSplit split = StructureSplit.of(library.structures(), splitSeed, validationFraction, testFraction, 0);
        List<CrystalStructure> train = new ArrayList<>(split.structures(XrdDataSets.TRAIN));
        int fromLibrary = train.size();
        List<String> skipped = new ArrayList<>();
        for (Path folder : userCifs) {
            StructureLibrary.ReadResult more = StructureLibrary.readFolder(folder);
            more.skipped().forEach(e -> skipped.add(e.getMessage()));
            for (CrystalStructure s : more.structures()) {
                // a P1-expanded CIF states no symmetry: its crystal-system label would read "triclinic" whatever it is
                if (s.spaceGroupNumber().orElse(1) == 1 && s.operations().size() <= 1) {
                    skipped.add(s.id() + ": states space group P 1 with no symmetry operations; give the CIF its real space group to train on it");
                } else if (s.crystalSystem().isEmpty()) {
                    skipped.add(s.id() + ": no crystal system stated or derivable");
                } else {
                    train.add(s);
                }
            }
        }
        report.accept(new Summary(fromLibrary, train.size() - fromLibrary, skipped));
        TwoThetaGrid grid = TwoThetaGrid.DEFAULT;
        ClassSet classes = ClassSet.CRYSTAL_SYSTEMS;
        TrainingPatternSource source = new TrainingPatternSource(train, classes.size(), grid, augmentation, balance, seed, rendering);
        return trainer.train(source, heldOut(split, seed, rendering), classes, Preprocessing.forPatterns(ModelInputPreparation.standard(grid)), listener);
    }

    /** Fits the calibration of a trained classifier anew on this plan's validation structures (as training does at its end). */
    public PrototypicalClassifier calibrate(PrototypicalClassifier model, long seed) throws IOException {
        StructureSplit split = StructureSplit.of(StructureLibrary.read(structures).structures(), splitSeed, validationFraction, testFraction, 0);
        return ClassifierTrainer.calibrate(model, heldOut(split, seed, rendering));
    }

    private static TrainingPatternSource heldOut(StructureSplit split, long seed, TrainingPatternSource.Rendering rendering) {
        return new TrainingPatternSource(split.structures(XrdDataSets.VALIDATION), ClassSet.CRYSTAL_SYSTEMS.size(), TwoThetaGrid.DEFAULT,
                TrainingPatternSource.Augmentation.MEASURED, 1.0, seed + 1, rendering);
    }
}
