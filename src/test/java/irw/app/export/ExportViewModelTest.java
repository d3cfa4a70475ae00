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
    void wideCsvHoldsRefinedAndRawOfTheSelectionAndReadsBack() throws Exception {
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
        assertThat(rows).hasSize(2000);
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("two_theta_deg", a.name() + " refined (a test refiner)", a.name() + " raw", b.name() + " raw");
        assertThat(Double.parseDouble(rows.get(0).get("two_theta_deg"))).isEqualTo(5.0);
        assertThat(Double.parseDouble(rows.get(1999).get(a.name() + " raw"))).isEqualTo(aGrid.intensity(1999));
        assertThat(model.notifications().notifications().get(0).text()).isEqualTo("out.csv: wrote 2 patterns as 3 columns");
    }

    @Test
    void longCsvAndXyFilesForTheBatch() throws Exception {
        WorkbenchModel model = SampleBatch.loaded(dir.resolve("cfg"));
        ExportViewModel vm = new ExportViewModel(model);
        vm.formatProperty().set(ExportFormat.CSV_LONG);
        vm.export(dir.resolve("long.csv"));
        assertThat(read(dir.resolve("long.csv"))).hasSize(2000 * model.patterns().size());
        vm.formatProperty().set(ExportFormat.XY);
        vm.export(dir.resolve("xy"));
        try (var files = Files.list(dir.resolve("xy"))) {
            assertThat(files.count()).isEqualTo(model.patterns().size());
        }
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
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
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
