package irw.xrd.library;

import irw.xrd.cif.CrystalSystem;

import java.util.List;
import java.util.Optional;

/**
 * What the library knows about one structure besides its sticks.
 *
 * @param source           the library it came from ({@code amcsd}, or a user folder's name)
 * @param block            its identifier in that library: the {@code data_} block name for a library file
 *                         ({@code amcsd_0000003}); the file name without {@code .cif} for a folder of CIFs,
 *                         with {@code :block} appended when the file holds several blocks
 * @param mineral          the mineral or phase name (the index's, else the CIF's, else the formula)
 * @param formula          the chemical formula as the library writes it
 * @param spaceGroup       Hermann-Mauguin symbol, empty when unknown
 * @param spaceGroupNumber International Tables number, 0 when unknown
 * @param crystalSystem    the crystal system, when known
 * @param elements         element symbols in order of atomic number
 */
public record StructureEntry(String source, String block, String mineral, String formula, String spaceGroup, int spaceGroupNumber,
                             Optional<CrystalSystem> crystalSystem, List<String> elements) {
    public StructureEntry {
        elements = List.copyOf(elements);
    }

    public String crystalSystemLabel() {
        return crystalSystem.map(CrystalSystem::label).orElse("unknown");
    }

    public ChemicalFormula chemicalFormula() {
        return ChemicalFormula.parse(formula);
    }

    @Override
    public String toString() {
        return block + " (" + mineral + ", " + formula + ", " + (spaceGroup.isEmpty() ? "?" : spaceGroup) + ", " + crystalSystemLabel() + ")";
    }
}
