package irw.xrd.library;

import irw.core.Wavelength;
import irw.xrd.cif.CifParser;
import irw.xrd.cif.CrystalSystem;
import irw.xrd.cif.StructureLibrary;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.Stick;
import irw.xrd.physics.StickPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StickLibraryTest {
    static final Path REF = Path.of("sample-data/reference-structures");
    static final Path AMCSD = Path.of("sample-data/structure-library/amcsd.cif.gz");
    static final Path INDEX = Path.of("sample-data/structure-library/amcsd-index.csv");

    @TempDir
    Path tmp;

    /** A user folder: a few real CIFs of reference-structures and one broken file. */
    private Path userFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("my-cifs"));
        for (String f : List.of("MnO_225.cif", "LiMnO2_141.cif", "LiMnO2_59.cif", "Mn2O3_206.cif", "NaCl_225.cif")) {
            Files.copy(REF.resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("broken.cif"), "data_broken\n_cell_length_a 4\nloop_\n_atom_site_label\n");
        return dir;
    }

    /** The first {@code n} blocks of the real AMCSD file, as a library file of their own. */
    private Path amcsdHead(int n) throws IOException {
        String text = CifParser.readText(AMCSD);
        int cut = -1;
        for (int i = 0, from = 0; i <= n; i++) {
            cut = text.indexOf("\ndata_", from);
            from = cut + 1;
        }
        Path file = tmp.resolve("amcsd-head.cif");
        Files.writeString(file, text.substring(0, cut + 1));
        return file;
    }

    @Test
    void aFolderOfCifsBecomesSticksAndMetadataWithBrokenFilesListed() throws Exception {
        StickLibraryCache cache = new StickLibraryCache(tmp.resolve("cache"), Wavelength.CU_KALPHA, 5, 90);
        StickLibrary lib = cache.load(StructureSource.cifFolder(userFolder()), StickLibraryCache.Progress.NONE);

        assertThat(lib.entries()).extracting(StructureEntry::block)
                .containsExactly("LiMnO2_141", "LiMnO2_59", "Mn2O3_206", "MnO_225", "NaCl_225");
        assertThat(lib.skipped()).singleElement().asString().contains("broken.cif").contains("data_broken");
        StructureEntry limno2 = lib.entry(lib.indexOf("my-cifs", "LiMnO2_141").getAsInt());
        // the CIF states P1; the file name's 141 fits its a = b, right-angled cell
        assertThat(limno2.spaceGroupNumber()).isEqualTo(141);
        assertThat(limno2.spaceGroup()).isEqualTo("I4_1/amd");
        assertThat(limno2.crystalSystem()).contains(CrystalSystem.TETRAGONAL);
        assertThat(limno2.elements()).containsExactly("Li", "O", "Mn");
        assertThat(limno2.formula()).isEqualTo("Li8 Mn8 O16");
        assertThat(lib.entry(lib.indexOf("my-cifs", "LiMnO2_59").getAsInt()).crystalSystem()).contains(CrystalSystem.ORTHORHOMBIC);
        assertThat(lib.indicesOf(CrystalSystem.CUBIC)).hasSize(3);

        // the sticks are the simulator's, with d from Bragg's law
        StickPattern expected = new PowderSimulator().simulate(StructureLibrary.readOne(REF.resolve("MnO_225.cif"), null),
                SimulationSettings.defaults().withRange(5, 90));
        StickPattern got = lib.sticks(lib.indexOf("my-cifs", "MnO_225").getAsInt());
        assertThat(got.structureId()).isEqualTo("MnO_225");
        assertThat(got.sticks()).hasSameSizeAs(expected.sticks());
        for (int i = 0; i < got.size(); i++) {
            Stick e = expected.sticks().get(i);
            Stick g = got.sticks().get(i);
            assertThat(g.twoTheta()).isCloseTo(e.twoTheta(), within(1e-4));
            assertThat(g.d()).isCloseTo(e.d(), within(1e-5));
            assertThat(g.intensity()).isCloseTo(e.intensity(), within(1e-4));
            assertThat(List.of(g.h(), g.k(), g.l(), g.multiplicity())).isEqualTo(List.of(e.h(), e.k(), e.l(), e.multiplicity()));
        }
    }

    @Test
    void theLibraryFileTakesMetadataFromItsIndex() throws Exception {
        StructureSource source = StructureSource.libraryFile("amcsd", amcsdHead(20), INDEX);
        StickLibrary lib = new StickLibraryCache(tmp.resolve("cache"), Wavelength.CU_KALPHA, 2, 150).load(source, StickLibraryCache.Progress.NONE);
        assertThat(lib.size()).isEqualTo(20);
        StructureEntry galena = lib.entry(0);
        assertThat(galena).isEqualTo(new StructureEntry("amcsd", "amcsd_0000003", "Galena", "Pb S", "F m 3 m", 225,
                Optional.of(CrystalSystem.CUBIC), List.of("S", "Pb")));
        // galena, a = 5.93 Å: 200 is the strongest line, at 2θ = 2 asin(λ / a)
        StickPattern sticks = lib.sticks(0);
        Stick strongest = sticks.sticks().stream().max(java.util.Comparator.comparingDouble(Stick::intensity)).orElseThrow();
        assertThat(strongest.twoTheta()).isCloseTo(2 * Math.toDegrees(Math.asin(1.540562 / 5.93)), within(1e-3));
        assertThat(sticks.sticks()).allSatisfy(s -> assertThat(s.twoTheta()).isBetween(2.0, 150.0));
    }

    @Test
    void aSecondLoadReadsTheCacheAndAChangedSourceBuildsAnew() throws Exception {
        Path folder = userFolder();
        StickLibraryCache cache = new StickLibraryCache(tmp.resolve("cache"), Wavelength.CU_KALPHA, 5, 90);
        StructureSource source = StructureSource.cifFolder(folder);
        StickLibrary first = cache.load(source, StickLibraryCache.Progress.NONE);
        Path file = cache.fileFor(source);
        assertThat(file).exists();
        FileTime written = Files.getLastModifiedTime(file);

        int[] progressCalls = {0};
        StickLibrary second = cache.load(source, (step, done, total) -> progressCalls[0]++);
        assertThat(progressCalls[0]).as("nothing simulated the second time").isZero();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(second.entries()).isEqualTo(first.entries());
        assertThat(second.skipped()).isEqualTo(first.skipped());
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.sticks(i)).isEqualTo(first.sticks(i));
        }

        // another wavelength is another cache file
        StickLibraryCache cobalt = new StickLibraryCache(tmp.resolve("cache"), Wavelength.of("Co", 1.78897, 1.79285, 0.5), 5, 90);
        assertThat(cobalt.fileFor(source)).isNotEqualTo(file);
        StickLibrary co = cobalt.load(source, StickLibraryCache.Progress.NONE);
        assertThat(co.sticks(0).sticks().get(0).twoTheta()).isGreaterThan(first.sticks(0).sticks().get(0).twoTheta());
        assertThat(co.sticks(0).sticks().get(0).d()).isCloseTo(first.sticks(0).sticks().get(0).d(), within(1e-4));

        // a new CIF in the folder changes the key
        Files.copy(REF.resolve("TiO2_136.cif"), folder.resolve("TiO2_136.cif"));
        assertThat(cache.fileFor(source)).isNotEqualTo(file);
        assertThat(cache.load(source, StickLibraryCache.Progress.NONE).indexOf("my-cifs", "TiO2_136")).isPresent();
    }

    @Test
    void aDamagedCacheFileIsRebuiltAndNeverReadAsALibrary() throws Exception {
        StickLibraryCache cache = new StickLibraryCache(tmp.resolve("cache"), Wavelength.CU_KALPHA, 5, 90);
        StructureSource source = StructureSource.cifFolder(userFolder());
        StickLibrary good = cache.load(source, StickLibraryCache.Progress.NONE);
        Path file = cache.fileFor(source);
        byte[] bytes = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> StickLibraryFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        assertThatThrownBy(() -> StickLibraryFile.read(file)).hasMessageContaining("checksum");
        Files.writeString(file, "not a library");
        assertThatThrownBy(() -> StickLibraryFile.read(file)).hasMessageContaining("not a stick library file");

        StickLibrary rebuilt = cache.load(source, StickLibraryCache.Progress.NONE);
        assertThat(rebuilt.entries()).isEqualTo(good.entries());
        assertThat(StickLibraryFile.read(file).stickCount()).isEqualTo(good.stickCount());
    }

    @Test
    void librariesJoinInOrderAndKeepTheirIndices() throws Exception {
        StickLibraryCache cache = new StickLibraryCache(tmp.resolve("cache"), Wavelength.CU_KALPHA, 2, 150);
        StickLibrary joined = cache.load(List.of(StructureSource.libraryFile("amcsd", amcsdHead(5), INDEX),
                StructureSource.cifFolder(userFolder())), StickLibraryCache.Progress.NONE);
        assertThat(joined.size()).isEqualTo(10);
        assertThat(joined.entry(5).source()).isEqualTo("my-cifs");
        assertThat(joined.indexOf("amcsd", "amcsd_0000003")).hasValue(0);
        assertThat(joined.indexOf("my-cifs", "NaCl_225")).hasValue(9);
        assertThat(joined.firstStick(5)).isEqualTo(joined.endStick(4));
        assertThat(joined.endStick(9)).isEqualTo(joined.stickCount());
        assertThat(joined.phases().map(StickLibrary.Phase::index)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(joined.phase(9).sticks().structureId()).isEqualTo("NaCl_225");
    }

    @Test
    void formulasParseAsTheLibraryWritesThem() {
        assertThat(ChemicalFormula.parse("(Ca.501 Mg.499) C O3").amounts())
                .containsEntry("Ca", 0.501).containsEntry("Mg", 0.499).containsEntry("C", 1.0).containsEntry("O", 3.0);
        assertThat(ChemicalFormula.parse("Ca Mg C2 O6").sameComposition(ChemicalFormula.parse("(Ca.5 Mg.5) C O3"), 0.01)).isTrue();
        assertThat(ChemicalFormula.parse("Li8 Mn8 O16").sameComposition(ChemicalFormula.parse("LiMnO2"), 1e-9)).isTrue();
        assertThat(ChemicalFormula.parse("Mn O").sameComposition(ChemicalFormula.parse("Mn2 O3"), 0.05)).isFalse();
        assertThat(ChemicalFormula.parse("K2 (Al2 Si6 O16)2").amounts()).containsEntry("Si", 12.0).containsEntry("K", 2.0);
        assertThat(ChemicalFormula.parse("Fe D O2").elements()).containsExactly("Fe", "H", "O");
    }

    @Test
    void aFileNameNumberNeedsAMatchingCell() {
        var cubic = new irw.xrd.cif.UnitCell(4.4, 4.4, 4.4, 90, 90, 90);
        var mono = new irw.xrd.cif.UnitCell(4.4, 5.1, 6.2, 90, 101, 90);
        assertThat(FileNameSymmetry.metricAllows(cubic, CrystalSystem.CUBIC)).isTrue();
        assertThat(FileNameSymmetry.metricAllows(mono, CrystalSystem.CUBIC)).isFalse();
        assertThat(FileNameSymmetry.metricAllows(mono, CrystalSystem.MONOCLINIC)).isTrue();
        assertThat(FileNameSymmetry.metricAllows(new irw.xrd.cif.UnitCell(5, 5, 13, 90, 90, 120), CrystalSystem.TRIGONAL)).isTrue();
        assertThat(FileNameSymmetry.metricAllows(new irw.xrd.cif.UnitCell(5, 5, 5, 80, 80, 80), CrystalSystem.TRIGONAL)).isTrue();
        assertThat(FileNameSymmetry.metricAllows(new irw.xrd.cif.UnitCell(5, 5, 5, 80, 80, 80), CrystalSystem.HEXAGONAL)).isFalse();
        assertThat(SpaceGroupSymbols.symbol(225)).isEqualTo("Fm-3m");
        assertThat(SpaceGroupSymbols.symbol(14)).isEqualTo("P2_1/c");
    }
}
