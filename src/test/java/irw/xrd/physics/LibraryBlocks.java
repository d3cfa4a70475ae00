package irw.xrd.physics;

import irw.xrd.cif.CifParser;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.CrystalStructureReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A few named structures of the AMCSD library, without expanding all 8,914. */
final class LibraryBlocks {
    static final Path LIBRARY = Path.of("sample-data/structure-library/amcsd.cif.gz");

    private LibraryBlocks() {
    }

    static List<CrystalStructure> read(Set<String> ids) throws Exception {
        List<CrystalStructure> out = new ArrayList<>();
        for (CifParser.BlockResult b : CifParser.readAll(CifParser.readText(LIBRARY), LIBRARY)) {
            if (ids.contains(b.name())) {
                out.add(CrystalStructureReader.read(b.block()));
            }
        }
        return out;
    }
}
