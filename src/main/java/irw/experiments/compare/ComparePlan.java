package irw.experiments.compare;

import irw.engine.net.ModelSpec;
import irw.experiments.digits.DigitsPlan;
import irw.experiments.xrd.XrdPlan;

import java.util.List;
import java.util.stream.LongStream;

/**
 * The sizes of a comparison run. The refiners' α and β are the reproductions' (chosen there on held-out
 * data, see experiments.md), so the comparison tunes nothing on its own test sets.
 *
 * @param quick  the CI-sized run
 * @param digits the digits arm
 * @param xrd    the XRD arm
 * @param seeds  every number is mean ± std over these (≥ 3)
 */
public record ComparePlan(boolean quick, ArmPlan digits, ArmPlan xrd, List<Long> seeds) {
    public ComparePlan {
        seeds = List.copyOf(seeds);
        if (seeds.size() < 3) {
            throw new IllegalArgumentException("every number must be a mean over at least 3 seeds, got " + seeds.size());
        }
    }

    /**
     * The default run: 150 classifier steps, 50 refiner steps, MIC 40 Adam steps per class generator and 10 input
     * steps per item, 30 held-out items per class; about 5.5 CPU-minutes per seed (seed 1 measured, experiments.md;
     * 34 min wall per seed on the shared machine at load 10-19). Longer budgets are the overrides of {@code irw compare}.
     */
    public static ComparePlan full(int seedCount, long firstSeed) {
        DigitsPlan d = DigitsPlan.full(3, 1);
        XrdPlan x = XrdPlan.full(3, 1);
        return new ComparePlan(false,
                new ArmPlan(100, 150, 10, ModelSpec.SMALL, 1.0, 10, 30, 50, 32, d.alphaTargeted(), d.betaTargeted(), d.alphaNonTargeted(),
                        d.betaNonTargeted(), 2, 40, 10, 50, 0),
                new ArmPlan(0, 150, 8, ModelSpec.SMALL, 1.0, 0, 30, 50, 16, x.alpha() / 2000, x.beta(), x.alphaNonTargeted() / 2000, x.beta(),
                        2, 40, 10, 50, 0),
                seeds(seedCount, firstSeed));
    }

    /** The CI smoke run (well under 15 minutes on 2 cores): tiny budgets, so the figures show the pipeline works, not what a method reaches. */
    public static ComparePlan quick(int seedCount, long firstSeed) {
        DigitsPlan d = DigitsPlan.full(3, 1);
        XrdPlan x = XrdPlan.full(3, 1);
        return new ComparePlan(true,
                new ArmPlan(10, 40, 8, ModelSpec.SMALL, 1.0, 5, 10, 15, 32, d.alphaTargeted(), d.betaTargeted(), d.alphaNonTargeted(),
                        d.betaNonTargeted(), 1, 5, 5, 50, 0),
                new ArmPlan(30, 40, 8, ModelSpec.SMALL, 1.0, 5, 5, 15, 16, x.alpha() / 2000, x.beta(), x.alphaNonTargeted() / 2000, x.beta(),
                        1, 5, 5, 100, 0),
                seeds(seedCount, firstSeed));
    }

    /** The same plan with other arms (tests use a smaller one). */
    public ComparePlan with(ArmPlan digitsArm, ArmPlan xrdArm) {
        return new ComparePlan(quick, digitsArm, xrdArm, seeds);
    }

    static List<Long> seeds(int count, long first) {
        return LongStream.range(first, first + count).boxed().toList();
    }
}
