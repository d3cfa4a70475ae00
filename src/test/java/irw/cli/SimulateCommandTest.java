package irw.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void sticksOfOneCifHaveTheReferenceColumns() throws Exception {
        Path out = dir.resolve("si.csv");
        int rc = IrwCommand.execute("simulate", "--cif", "sample-data/reference-structures/Si_227.cif", "--wavelength", "1.54184",
                "--range", "5", "90", "--sticks", "--out", out.toString());
        assertThat(rc).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("structure,two_theta_deg,relative_intensity,d_spacing_angstrom,h,k,l,multiplicity");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("Si,28.4").contains(",100.0000,");
    }

    @Test
    void allBlocksSkipsTheUnreadableOneAndSaysSo() throws Exception {
        Path cif = dir.resolve("two.cif");
        Files.writeString(cif, """
                data_copper
                _cell_length_a 3.615
                _cell_length_b 3.615
                _cell_length_c 3.615
                loop_
                _symmetry_equiv_pos_as_xyz
                x,y,z x+1/2,y+1/2,z x+1/2,y,z+1/2 x,y+1/2,z+1/2
                loop_
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Cu 0 0 0
                data_broken
                loop_
                _atom_site_label
                """);
        Path out = dir.resolve("profiles.csv");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = IrwCommand.execute("simulate", "--cif", cif.toString(), "--all-blocks", "--out", out.toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(rc).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("skipped").contains("data_broken").contains("line 15");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("two_theta_deg,copper");
        assertThat(lines).hasSize(2001);
        double max = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).max().orElseThrow();
        assertThat(max).isEqualTo(100.0);
    }
}
