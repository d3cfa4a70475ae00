package irw.xrd.cif;

import java.util.List;
import java.util.Optional;

/**
 * A crystal structure with every atom of the cell (the asymmetric unit already expanded).
 *
 * @param id               the data block name ({@code amcsd_0000003})
 * @param name             a readable name (mineral, formula or the id)
 * @param cell             the unit cell
 * @param sites            every atom of the cell, duplicates on special positions merged
 * @param operations       the space-group operations the sites were expanded with (identity alone for P1)
 * @param spaceGroupNumber the International Tables number, when stated
 * @param crystalSystem    the crystal system, when stated or derivable from the space-group number
 */
public record CrystalStructure(String id, String name, UnitCell cell, List<AtomSite> sites, List<SymmetryOperation> operations,
                               Optional<Integer> spaceGroupNumber, Optional<CrystalSystem> crystalSystem) {

    public CrystalStructure {
        sites = List.copyOf(sites);
        operations = List.copyOf(operations);
    }

    /** The same atoms in a strained cell (fractional coordinates unchanged). */
    public CrystalStructure withCell(UnitCell newCell) {
        return new CrystalStructure(id, name, newCell, sites, operations, spaceGroupNumber, crystalSystem);
    }

    public String crystalSystemLabel() {
        return crystalSystem.map(CrystalSystem::label).orElse("unknown");
    }

    @Override
    public String toString() {
        return id + " (" + name + ", " + sites.size() + " atoms, " + crystalSystemLabel() + ")";
    }
}
