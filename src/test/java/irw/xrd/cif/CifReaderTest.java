package irw.xrd.cif;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CifReaderTest {
    static final Path LIBRARY = Path.of("sample-data/structure-library/amcsd.cif.gz");
    static final Path REFERENCE = Path.of("sample-data/reference-structures");
    static StructureLibrary.ReadResult library;

    @BeforeAll
    static void readLibrary() throws Exception {
        library = StructureLibrary.read(LIBRARY);
    }

    @Test
    void readsAlmostTheWholeLibraryAndNamesEverySkippedBlock() {
        assertThat(library.structures().size() + library.skipped().size()).isEqualTo(8914);
        assertThat(library.structures().size()).isGreaterThan(8800);
        for (CifFormatException e : library.skipped()) {
            assertThat(e.getMessage()).contains("amcsd.cif.gz").contains("block data_amcsd_");
            assertThat(e.line()).isPositive();
        }
        System.out.println("library: " + library.structures().size() + " read, " + library.skipped().size() + " skipped");
        library.skipped().stream().forEach(e -> System.out.println("  skipped: " + e.getMessage()));
    }

    @Test
    void galenaExpandsToFourPbAndFourS() {
        CrystalStructure galena = library.find("amcsd_0000003").orElseThrow();
        Map<String, Long> counts = galena.sites().stream().collect(Collectors.groupingBy(AtomSite::element, Collectors.counting()));
        assertThat(counts).containsEntry("Pb", 4L).containsEntry("S", 4L);
        assertThat(galena.operations()).hasSize(192);
        assertThat(galena.crystalSystem()).contains(CrystalSystem.CUBIC);
        assertThat(galena.spaceGroupNumber()).contains(225);
        assertThat(galena.name()).isEqualTo("Galena");
    }

    @Test
    void crystalSystemsOfTheLibraryMatchItsIndex() throws Exception {
        Map<String, Long> bySystem = library.structures().stream()
                .collect(Collectors.groupingBy(CrystalStructure::crystalSystemLabel, Collectors.counting()));
        assertThat(bySystem.keySet()).doesNotContain("unknown");
        // the index counts every block; the reader may skip a few malformed ones
        assertThat(bySystem.get("cubic")).isBetween(2800L, 2848L);
        assertThat(bySystem.get("triclinic")).isBetween(50L, 53L);
    }

    @Test
    void oldSymmetryTagAndSpecialPositions() throws Exception {
        CrystalStructure nacl = StructureLibrary.readOne(REFERENCE.resolve("NaCl_225.cif"), null);
        assertThat(nacl.sites()).hasSize(8);
        CrystalStructure si = StructureLibrary.readOne(REFERENCE.resolve("Si_227.cif"), null);
        assertThat(si.sites()).hasSize(8);
        assertThat(si.cell().volume()).isGreaterThan(150);
    }

    @Test
    void typeSymbolsCarryCharges() throws Exception {
        CrystalStructure mn2o3 = StructureLibrary.readOne(REFERENCE.resolve("Mn2O3_206.cif"), null);
        assertThat(mn2o3.sites()).hasSize(80);
        assertThat(mn2o3.sites().get(0).species()).isEqualTo("Mn3+");
        assertThat(mn2o3.sites()).filteredOn(s -> s.element().equals("O")).allMatch(s -> s.charge() == -2);
        assertThat(ChemicalElements.parse("Fe+3")).contains(new ChemicalElements.Species("Fe", 3));
        assertThat(ChemicalElements.parse("O1a")).contains(new ChemicalElements.Species("O", 0));
        assertThat(ChemicalElements.parse("CA2")).contains(new ChemicalElements.Species("Ca", 0));
        assertThat(ChemicalElements.parse("Xx")).isEmpty();
    }

    @Test
    void uncertaintiesQuotesTextFieldsLabelsOccupancyAndBiso() throws Exception {
        String cif = """
                # a comment before the block
                data_test
                _chemical_name_mineral 'Rock salt''s cousin'
                _publ_section_title
                ;
                A text field with 'quotes', loop_ and _tags inside
                  spanning lines
                ;
                _cell_length_a 5.93(2)
                _cell_length_b 5.93(2)
                _cell_length_c 5.93(2)
                _cell_angle_alpha 90
                _cell_angle_beta 90.0(1)
                _cell_angle_gamma 90
                _space_group_IT_number 221
                loop_
                _symmetry_equiv_pos_as_xyz
                'x, y, z' '-x,-y,-z' "y,x,z" 'z,x,y' 'x+1/2,y,z'
                loop_
                _atom_site_label
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                _atom_site_occupancy
                _atom_site_B_iso_or_equiv
                Fe1 0 0 0 0.5(1) 0.7896
                O2 0.5 0.5 0.5 ? ?
                """;
        List<CifParser.BlockResult> blocks = CifParser.readAll(cif, null);
        assertThat(blocks).hasSize(1);
        CifBlock block = blocks.get(0).block();
        assertThat(block.value("_chemical_name_mineral")).contains("Rock salt''s cousin");
        assertThat(block.value("_publ_section_title").orElseThrow()).startsWith("A text field").contains("loop_ and _tags");
        CrystalStructure s = CrystalStructureReader.read(block);
        assertThat(s.cell().a()).isEqualTo(5.93);
        assertThat(CifNumber.uncertainty("5.93(2)")).isCloseTo(0.02, within(1e-12));
        assertThat(CifNumber.uncertainty("1.2e3(4)")).isCloseTo(0.4e3, within(1e-9));
        assertThat(s.crystalSystem()).contains(CrystalSystem.CUBIC);
        AtomSite fe = s.sites().get(0);
        assertThat(fe.element()).isEqualTo("Fe");
        assertThat(fe.occupancy()).isEqualTo(0.5);
        assertThat(fe.uIso()).isCloseTo(0.7896 / (8 * Math.PI * Math.PI), within(1e-12));
        // Fe at the origin: x+1/2 adds one copy, the others land on it; O at the centre likewise
        assertThat(s.sites()).filteredOn(a -> a.element().equals("Fe")).hasSize(2);
        assertThat(s.sites()).filteredOn(a -> a.element().equals("O")).hasSize(2);
        assertThat(s.sites().get(2).occupancy()).isEqualTo(1.0);
        assertThat(s.sites().get(2).hasUIso()).isFalse();
    }

    @Test
    void malformedBlocksNameBlockAndLineAndTheOthersStillRead() {
        String cif = """
                data_good
                _cell_length_a 4
                _cell_length_b 4
                _cell_length_c 4
                loop_
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Cu 0 0 0
                data_short_row
                _cell_length_a 4
                _cell_length_b 4
                _cell_length_c 4
                loop_
                _atom_site_type_symbol
                _atom_site_fract_x
                _atom_site_fract_y
                _atom_site_fract_z
                Cu 0 0 0
                Cu 0.5 0.5
                data_bad_number
                _cell_length_a 4.0(
                _cell_length_b 4
                _cell_length_c 4
                data_open_quote
                _chemical_name_mineral 'never closed
                """;
        StructureLibrary.ReadResult r = StructureLibrary.read(cif, Path.of("mixed.cif"));
        assertThat(r.structures()).extracting(CrystalStructure::id).containsExactly("good");
        assertThat(r.skipped()).hasSize(3);
        assertThat(r.skipped().get(0).getMessage()).contains("mixed.cif").contains("data_short_row").contains("line 21");
        assertThat(r.skipped().get(1).getMessage()).contains("data_bad_number").contains("line 23").contains("_cell_length_a");
        assertThat(r.skipped().get(2).getMessage()).contains("data_open_quote").contains("line 27").contains("not closed");
        assertThatThrownBy(() -> SymmetryOperation.parse("x,y")).hasMessageContaining("three");
    }

    @Test
    void symmetryOperationsParseFractionsAndMixedTerms() {
        SymmetryOperation op = SymmetryOperation.parse("-x+y, 1/2+x ,-z+3/4");
        assertThat(op.rotation()).isEqualTo(new int[][]{{-1, 1, 0}, {1, 0, 0}, {0, 0, -1}});
        assertThat(op.translation()).containsExactly(0, 0.5, 0.75);
        assertThat(op.applyToHkl(1, 2, 3)).containsExactly(1, 1, -3);
    }
}
