package irw.app.data;

import irw.app.SampleBatch;
import irw.app.notify.Notification;
import irw.app.workbench.PatternEntry;
import irw.app.workbench.WorkbenchModel;
import irw.xrd.io.PatternReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DataViewModelTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheSampleFolderWithARowPerFileAndRemembersTheFolder() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DataViewModel vm = new DataViewModel(model, PatternReaders::read);
        vm.load(List.of(SampleBatch.MEASURED));
        assertThat(model.patterns()).hasSizeGreaterThanOrEqualTo((int) SampleBatch.measuredFileCount());
        assertThat(model.patterns()).allMatch(PatternEntry::isReadable);
        PatternEntry mno = model.patterns().stream().filter(e -> e.name().equals("MnO")).findFirst().orElseThrow();
        assertThat(mno.points()).isGreaterThan(1000);
        assertThat(mno.rangeText()).startsWith("10.00");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).contains("Loaded " + SampleBatch.measuredFileCount() + " files");
        assertThat(model.current()).isSameAs(model.patterns().get(0));
        assertThat(model.settings().lastFolder).isEqualTo(SampleBatch.MEASURED.toAbsolutePath().toString());
    }

    @Test
    void openingAFileFromOutsideShowsItsPatternEvenWhenAnotherIsCurrent() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DataViewModel vm = new DataViewModel(model, PatternReaders::read);
        vm.load(List.of(SampleBatch.MEASURED));
        PatternEntry before = model.current();
        Path mno = SampleBatch.MEASURED.resolve("MnO.xy");
        assertThat(before.source()).isNotEqualTo(mno);

        vm.open(List.of(mno));
        assertThat(model.current()).isNotSameAs(before);
        assertThat(model.current().source().toAbsolutePath()).isEqualTo(mno.toAbsolutePath());
        assertThat(model.current().name()).isEqualTo("MnO");
        assertThat(model.patterns()).filteredOn(e -> e.source().toAbsolutePath().equals(mno.toAbsolutePath())).hasSize(1);
    }

    @Test
    void anUnreadableFileBecomesARowWithItsErrorAndTheBatchGoesOn() throws Exception {
        Path bad = dir.resolve("broken.xrdml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><xrdMeasurements><oops");
        Files.copy(SampleBatch.MEASURED.resolve("MnO.xy"), dir.resolve("MnO.xy"));
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("cfg"));
        new DataViewModel(model, PatternReaders::read).load(List.of(dir));
        assertThat(model.patterns()).extracting(PatternEntry::name).containsExactly("broken.xrdml", "MnO");
        PatternEntry broken = model.patterns().get(0);
        assertThat(broken.isReadable()).isFalse();
        assertThat(broken.error()).get().asString().isNotBlank().doesNotContain("at irw.", "Exception:");
        Notification n = model.notifications().notifications().get(0);
        assertThat(n.level()).isEqualTo(Notification.Level.ERROR);
        assertThat(n.subject()).isEqualTo("broken.xrdml");
    }

    @Test
    void aSimulatedDataSetFolderGivesImperfectPatternsWithGroundTruthAndLabels() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        new DataViewModel(model, PatternReaders::read).load(List.of(Path.of("sample-data/datasets/xrd")));
        assertThat(model.patterns()).hasSize(240);
        PatternEntry first = model.patterns().get(0);
        assertThat(first.points()).isEqualTo(2000);
        assertThat(first.groundTruth().size()).isEqualTo(2000);
        assertThat(first.raw().orElseThrow().metadata().label()).get().isIn(irw.core.ClassSet.CRYSTAL_SYSTEMS.names());
        assertThat(first.format()).isEqualTo("irw-xrd-dataset");
    }

    @Test
    void cancellingKeepsTheRowsReadSoFar() {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DataViewModel[] vm = new DataViewModel[1];
        int[] calls = {0};
        vm[0] = new DataViewModel(model, file -> {
            if (++calls[0] == 3) {
                vm[0].cancelLoad(); // the user presses Cancel while the third file is read
            }
            return PatternReaders.read(file);
        });
        vm[0].load(List.of(SampleBatch.MEASURED));
        assertThat(model.patterns()).hasSize(3);
        assertThat(vm[0].statusProperty().get()).startsWith("Loading cancelled");
        assertThat(vm[0].loadingProperty().get()).isFalse();
    }

    @Test
    void nextAndPreviousSkipUnreadableRows() throws Exception {
        Files.copy(SampleBatch.MEASURED.resolve("MnO.xy"), dir.resolve("a.xy"));
        Files.writeString(dir.resolve("b.xy"), "not numbers at all\n");
        Files.copy(SampleBatch.MEASURED.resolve("TiO2.xy"), dir.resolve("c.xy"));
        WorkbenchModel model = SampleBatch.emptyModel(dir.resolve("cfg"));
        new DataViewModel(model, PatternReaders::read).load(List.of(dir));
        assertThat(model.current().name()).isEqualTo("a");
        model.selectNext();
        assertThat(model.current().name()).isEqualTo("c");
        model.selectNext();
        assertThat(model.current().name()).isEqualTo("c");
        model.selectPrevious();
        assertThat(model.current().name()).isEqualTo("a");
    }

    /** Issue 14 item 6: a pattern already open is not added again; what a load opened becomes the current pattern. */
    @Test
    void openingAFolderHoldingAnOpenFileAddsNoDuplicateAndSelectsWhatWasOpened() throws Exception {
        WorkbenchModel model = SampleBatch.emptyModel(dir);
        DataViewModel vm = new DataViewModel(model, PatternReaders::read);
        vm.load(List.of(SampleBatch.MEASURED.resolve("MnO.xy")));
        assertThat(model.patterns()).extracting(PatternEntry::name).containsExactly("MnO");
        vm.load(List.of(SampleBatch.MEASURED));
        assertThat(model.patterns()).hasSize((int) SampleBatch.measuredFileCount());
        assertThat(model.patterns()).extracting(PatternEntry::name).doesNotHaveDuplicates();
        assertThat(vm.statusProperty().get()).endsWith("1 pattern was already open");
        assertThat(model.current()).as("the folder's first pattern").isSameAs(model.patterns().get(1));
        Path copy = Files.copy(SampleBatch.MEASURED.resolve("MnO.xy"), dir.resolve("MnO-again.xy"));
        vm.load(List.of(copy));
        PatternEntry added = model.patterns().get(model.patterns().size() - 1);
        assertThat(added.source()).isEqualTo(copy);
        assertThat(model.current()).as("a newly opened file is selected").isSameAs(added);
        vm.load(List.of(SampleBatch.MEASURED.resolve("MnO.xy")));
        assertThat(model.current()).as("opening an open file again selects its row").isSameAs(model.patterns().get(0));
    }

    /** Issue 14 item 10: the next start opens everything that was open, and File ▸ Open sample data brings the demo set back. */
    @Test
    void theNextStartReopensEverythingThatWasOpenAndTheSampleDataCanBeOpenedAgain() throws Exception {
        WorkbenchModel first = SampleBatch.emptyModel(dir);
        new DataViewModel(first, PatternReaders::read).loadAtStart();
        int sample = (int) SampleBatch.measuredFileCount() + 240;
        assertThat(first.patterns()).as("first start: measured patterns and the simulated data set").hasSize(sample);
        first.saveSettings();

        WorkbenchModel second = SampleBatch.emptyModel(dir);
        DataViewModel vm = new DataViewModel(second, PatternReaders::read);
        vm.loadAtStart();
        assertThat(second.patterns()).extracting(PatternEntry::name).containsExactlyElementsOf(first.patterns().stream().map(PatternEntry::name).toList());
        vm.clear();
        second.saveSettings();
        WorkbenchModel third = SampleBatch.emptyModel(dir);
        DataViewModel again = new DataViewModel(third, PatternReaders::read);
        again.loadAtStart();
        assertThat(third.patterns()).as("the user closed everything: nothing reopens").isEmpty();
        again.openSampleData();
        assertThat(third.patterns()).hasSize(sample);
    }
}
