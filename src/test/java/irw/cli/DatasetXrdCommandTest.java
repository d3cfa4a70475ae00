package irw.cli;

import irw.xrd.synth.XrdDataSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetXrdCommandTest {
    @TempDir
    Path dir;

    @Test
    void buildsBothSetsWithTheChosenSeedSeverityAndDefects() throws Exception {
        int rc = IrwCommand.execute("dataset", "xrd", "--structures", "sample-data/structure-library/amcsd.cif.gz", "--out", dir.toString(),
                "--limit", "30", "--test-fraction", "0.2", "--variants", "1", "--seed", "11", "--severity", "mild", "--without", "impurity,noise");
        assertThat(rc).isZero();
        XrdDataSets sets = XrdDataSets.load(dir);
        assertThat(sets.ideal().size()).isEqualTo(60);
        assertThat(sets.imperfect().size()).isEqualTo(6);
        assertThat(sets.info()).containsEntry("seed", 11).containsEntry("severity", "mild");
        assertThat((String) sets.info().get("command")).contains("--seed 11").contains("--without noise,impurity");
        for (int i = 0; i < sets.imperfect().size(); i++) {
            assertThat(sets.defectsOf(i).get("impurity_fraction")).isZero();
            assertThat(sets.defectsOf(i).get("counts_at_max")).isZero();
            assertThat(Math.abs(sets.defectsOf(i).get("strain_a"))).isBetween(0.002, 0.01);
        }
        assertThat(IrwCommand.execute("dataset", "xrd", "--structures", "sample-data/structure-library/amcsd.cif.gz", "--out",
                dir.resolve("x").toString(), "--severity", "brutal")).isNotZero();
        assertThat(Files.exists(dir.resolve("x").resolve(XrdDataSets.IDEAL))).isFalse();
    }
}
