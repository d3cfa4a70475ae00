package irw.app.data;

import irw.app.workbench.PatternEntry;
import irw.core.Pattern;
import irw.core.PatternMetadata;
import irw.core.TwoThetaGrid;
import irw.core.data.LabelledDataSet;
import irw.xrd.synth.XrdDataSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows for a simulated XRD data set folder ({@code dataset.json} + {@code imperfect.npz}): each
 * imperfect pattern, with the ideal pattern of its structure as ground truth and its crystal
 * system as label.
 */
public final class DataSetEntries {
    private DataSetEntries() {
    }

    public static boolean isDataSetFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(XrdDataSets.INFO)) && Files.isRegularFile(dir.resolve(XrdDataSets.IMPERFECT));
    }

    public static List<PatternEntry> read(Path dir) throws Exception {
        XrdDataSets sets = XrdDataSets.load(dir);
        TwoThetaGrid grid = sets.grid();
        LabelledDataSet imperfect = sets.imperfect();
        List<PatternEntry> rows = new ArrayList<>(imperfect.size());
        for (int i = 0; i < imperfect.size(); i++) {
            String id = imperfect.ids().get(i);
            String label = imperfect.isLabelled() ? imperfect.classes().name(imperfect.labels()[i]) : null;
            PatternMetadata meta = new PatternMetadata(Optional.of(dir.resolve(XrdDataSets.IMPERFECT)), "irw-xrd-dataset",
                    "imperfect " + i + " " + id, Optional.of(grid.wavelength()), Optional.ofNullable(label), Map.of("structure", id));
            Pattern raw = Pattern.onGrid(grid, toDouble(imperfect.items()[i]), meta);
            PatternEntry entry = PatternEntry.read(dir.resolve(XrdDataSets.IMPERFECT), raw, meta.sampleName());
            entry.groundTruthProperty().set(Pattern.onGrid(grid, toDouble(sets.groundTruth()[i]),
                    meta.withSampleName("ideal " + id)));
            rows.add(entry);
        }
        return rows;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
