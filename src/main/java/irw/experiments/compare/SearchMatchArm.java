package irw.experiments.compare;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.experiments.report.MeasurementLog;
import irw.xrd.search.ReferenceLibrary;
import irw.xrd.search.SearchResult;
import irw.xrd.search.SearchSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search-match as a crystal-system classifier: the crystal system of phase 1's best candidate (no match or an
 * unknown system counts as wrong). It learns nothing and draws nothing at random, so each set is searched once
 * and the same answers and times are logged for every seed (their spread is 0 by construction).
 */
final class SearchMatchArm {
    private final ReferenceLibrary library;
    private final Wavelength unstated;
    private final Map<String, double[]> done = new HashMap<>(); // set name -> accuracy, wall ms/item, CPU ms/item

    /**
     * @param unstated the radiation of patterns that state none (the simulated sets' anode)
     */
    SearchMatchArm(ReferenceLibrary library, Wavelength unstated) {
        this.library = library;
        this.unstated = unstated;
    }

    void score(List<HeldOutSet> sets, long seed, MeasurementLog log) {
        String name = ComparedMethod.SEARCH_MATCH.label();
        for (HeldOutSet set : sets) {
            double[] r = done.computeIfAbsent(set.name(), k -> search(set));
            log.add(name, set.name(), seed, ComparedMethod.ACCURACY, r[0]);
            log.add(name, set.name(), seed, ComparedMethod.USE_WALL, r[1]);
            log.add(name, set.name(), seed, ComparedMethod.USE_CPU, r[2]);
        }
        log.add(name, ComparedMethod.Domain.XRD.label(), seed, ComparedMethod.TRAIN_WALL, 0);
        log.add(name, ComparedMethod.Domain.XRD.label(), seed, ComparedMethod.TRAIN_CPU, 0);
    }

    private double[] search(HeldOutSet set) {
        Stopwatch t = Stopwatch.start();
        int[] predicted = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            Pattern p = set.patterns().get(i);
            SearchResult r;
            try {
                r = library.identify(p, unstated, SearchSettings.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException("search-match of " + p.metadata().sampleName() + ": " + e.getMessage(), e);
            }
            predicted[i] = r.best().flatMap(c -> c.entry().crystalSystem()).map(s -> set.classes().indexOf(s.label())).orElse(-1);
        }
        int n = Math.max(1, set.size());
        return new double[]{set.accuracyOfAll(predicted), 1000 * t.wallSeconds() / n, 1000 * t.cpuSeconds() / n};
    }
}
