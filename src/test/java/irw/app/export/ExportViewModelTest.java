package irw.app.export;

import irw.app.SampleBatch;
import irw.app.notify.Notification;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.core.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportViewModelTest {
    @TempDir
    Path dir;

    @Test
    void wideCsvHoldsRefinedOnTheGridAndRawAsMeasuredAndReadsBack() throws Exception {
        WorkbenchModel model = SampleBatch.loaded(dir.resolve("cfg"));
        PatternEntry a = model.patterns().get(0);
        PatternEntry b = model.patterns().get(1);
        Pattern aGrid = a.rawOnGrid(model.grid());
        a.setRefined(aGrid.withIntensity(new double[2000]), "a test refiner");
        model.selection().setAll(a, b);
        ExportViewModel vm = new ExportViewModel(model);
        vm.scopeProperty().set(ExportScope.SELECTION);
        Path csv = dir.resolve("out.csv");
        vm.export(csv);
        assertThat(model.notifications().notifications().get(0).level()).as(model.notifications().notifications().toString())
                .isEqualTo(Notification.Level.INFO);
        List<CSVRecord> rows = read(csv);
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("two_theta_deg", a.name() + " refined (a test refiner)", a.name() + " raw", b.name() + " raw");
        // one 2θ column, the union of the grid and both measured axes: each trace fills its own cells only
        assertThat(column(rows, a.name() + " refined (a test refiner)")[0]).containsExactly(aGrid.twoThetaValues());
        for (PatternEntry e : List.of(a, b)) {
            double[][] raw = column(rows, e.name() + " raw");
            assertThat(raw[0]).containsExactly(e.raw().orElseThrow().twoThetaValues());
            assertThat(raw[1]).containsExactly(e.raw().orElseThrow().intensityValues());
        }
        List<String> header = comments(csv);
        assertThat(header).anySatisfy(l -> assertThat(l).startsWith("# " + a.name() + " refined (a test refiner): resampled onto the model grid 5–80° 2θ, 2000 points"));
        assertThat(header).anySatisfy(l -> assertThat(l).startsWith("# " + b.name() + " raw: measured, read from "
                + b.source().toAbsolutePath().normalize()).contains("nothing resampled"));
        assertThat(model.notifications().notifications().get(0).text()).isEqualTo("out.csv: wrote 2 patterns as 3 columns");
    }

    /**
     * Issue 13: export writes the measured counts on the measured axis, exactly the file's values, for a
     * scan to 160° (PbSO4), a 10-100° scan (MnO) and a 44-48° Bruker scan; the header names the file and
     * the wavelength and says nothing was resampled.
     */
    @Test
    void rawPatternsAreExportedAsMeasuredOnTheirOwnAxis() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("cfg"));
        List<Path> files = List.of(Path.of("sample-data/measured/PbSO4-round-robin-xray.dat"), Path.of("sample-data/measured/MnO.xy"),
                Path.of("sample-data/instrument-files/23-012-AG_2thomegascan_long.brml"));
        new irw.app.data.DataViewModel(model, irw.xrd.io.PatternReaders::read).load(files);
        assertThat(model.patterns()).hasSize(3).allMatch(PatternEntry::isReadable);
        ExportViewModel vm = new ExportViewModel(model);
        vm.formatProperty().set(ExportFormat.CSV_LONG);
        Path csv = dir.resolve("long.csv");
        vm.export(csv);
        List<CSVRecord> rows = read(csv);
        vm.formatProperty().set(ExportFormat.XY);
        vm.export(dir.resolve("xy"));
        for (int k = 0; k < files.size(); k++) {
            Pattern inFile = irw.xrd.io.PatternReaders.read(files.get(k)).get(0);
            String name = model.patterns().get(k).name() + " raw";
            List<CSVRecord> mine = rows.stream().filter(r -> r.get("pattern").equals(name)).toList();
            assertThat(mine).as(name).hasSize(inFile.size());
            for (int i = 0; i < inFile.size(); i++) {
                assertThat(Double.parseDouble(mine.get(i).get("two_theta_deg"))).isEqualTo(inFile.twoTheta(i));
                assertThat(Double.parseDouble(mine.get(i).get("intensity"))).isEqualTo(inFile.intensity(i));
            }
            Path xy = dir.resolve("xy").resolve(ExportViewModel.safeFileName(name) + ".xy");
            Pattern back = irw.xrd.io.PatternReaders.read(xy).get(0);
            assertThat(back.twoThetaValues()).containsExactly(inFile.twoThetaValues());
            assertThat(back.intensityValues()).containsExactly(inFile.intensityValues());
            String line = comments(xy).stream().filter(l -> l.startsWith("# " + name + ": measured")).findFirst().orElseThrow();
            assertThat(line).contains(files.get(k).toAbsolutePath().normalize().toString()).contains("nothing resampled")
                    .contains("wavelength " + inFile.metadata().wavelength().map(Object::toString).orElse("not stated by the file"));
        }
        // the extremes that resampling onto 5-80° lost: 160° for PbSO4, and 44-48° not stretched
        assertThat(rows.stream().filter(r -> r.get("pattern").startsWith("PbSO4")).mapToDouble(r -> Double.parseDouble(r.get("two_theta_deg"))).max())
                .hasValue(160.0);
        assertThat(rows.stream().filter(r -> r.get("pattern").startsWith("23-012")).mapToDouble(r -> Double.parseDouble(r.get("two_theta_deg"))))
                .allMatch(t -> t >= 43.9 && t <= 48.1);
    }

    @Test
    void anEnteredWavelengthIsExportedAndSaidToBeEntered() throws Exception {
        WorkbenchModel model = SampleBatch.loaded(dir.resolve("cfg"));
        PatternEntry mno = model.patterns().stream().filter(e -> e.name().equals("MnO")).findFirst().orElseThrow();
        mno.enteredWavelengthProperty().set(irw.core.Wavelength.parse("Co"));
        model.currentProperty().set(mno);
        ExportViewModel vm = new ExportViewModel(model);
        vm.scopeProperty().set(ExportScope.CURRENT);
        vm.formatProperty().set(ExportFormat.CSV_LONG);
        vm.export(dir.resolve("mno.csv"));
        assertThat(comments(dir.resolve("mno.csv"))).anySatisfy(l -> assertThat(l)
                .contains("wavelength " + irw.core.Wavelength.parse("Co") + " (entered by the user; the file states none)"));
    }

    @Test
    void nothingRefinedAndNoRawIsAnErrorNamingTheTarget() {
        WorkbenchModel model = SampleBatch.loaded(dir.resolve("cfg"));
        ExportViewModel vm = new ExportViewModel(model);
        vm.includeRawProperty().set(false);
        assertThat(vm.export(dir.resolve("none.csv"))).isNull();
        Notification n = model.notifications().notifications().get(0);
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.text()).startsWith("none.csv: nothing refined");
        assertThat(dir.resolve("none.csv")).doesNotExist();
    }

    private static List<CSVRecord> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get().parse(r).getRecords();
        }
    }

    private static List<String> comments(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("#")).toList();
    }

    /** A wide CSV column's filled cells: {2θ values, intensities}. */
    private static double[][] column(List<CSVRecord> rows, String name) {
        List<CSVRecord> filled = rows.stream().filter(r -> !r.get(name).isEmpty()).toList();
        return new double[][]{filled.stream().mapToDouble(r -> Double.parseDouble(r.get("two_theta_deg"))).toArray(),
                filled.stream().mapToDouble(r -> Double.parseDouble(r.get(name))).toArray()};
    }

    /** Issue 14 item 9: the message counts the patterns written, not the columns they fill. */
    @Test
    void theMessageCountsPatternsNotColumns() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("cfg"));
        new irw.app.data.DataViewModel(model, irw.xrd.io.PatternReaders::read).load(List.of(Path.of("sample-data/datasets/xrd")));
        assertThat(model.patterns()).hasSize(240);
        for (PatternEntry e : model.patterns().subList(0, 3)) {
            e.setRefined(e.rawOnGrid(model.grid()), "a test refiner");
        }
        ExportViewModel vm = new ExportViewModel(model);
        Path csv = dir.resolve("batch.csv");
        vm.export(csv);
        assertThat(read(csv).get(0).size()).as("2θ, 3 refined, 240 raw, 240 ground truth").isEqualTo(1 + 3 + 240 + 240);
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote 240 patterns to " + csv + " (483 columns: refined, raw and ground truth)");
        assertThat(model.notifications().notifications().get(0).text()).isEqualTo("batch.csv: wrote 240 patterns as 483 columns");
    }
}
