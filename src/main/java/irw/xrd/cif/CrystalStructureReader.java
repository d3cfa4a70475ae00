package irw.xrd.cif;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link CifBlock} into a {@link CrystalStructure}: reads the cell, the symmetry
 * operations (under either the modern or the old tag), and the asymmetric unit, then applies every
 * operation to every site and merges the copies that land on the same place (special positions).
 */
public final class CrystalStructureReader {
    /** Two copies of a site closer than this (ångström, periodic distance) are one atom. */
    public static final double MERGE_DISTANCE = 0.02;
    /** Refined occupancies a little above 1 are real (AMCSD has 1.04); beyond this the block is wrong. */
    public static final double MAX_OCCUPANCY = 1.1;

    private CrystalStructureReader() {
    }

    public static CrystalStructure read(CifBlock block) throws CifFormatException {
        UnitCell cell = readCell(block);
        List<SymmetryOperation> ops = readOperations(block);
        List<AtomSite> asymmetric = readSites(block);
        List<AtomSite> full = expand(asymmetric, ops, cell);
        Optional<Integer> number = block.value("_space_group_IT_number", "_symmetry_Int_Tables_number")
                .map(v -> (int) CifNumber.parse(v)).filter(n -> n >= 1 && n <= 230);
        Optional<CrystalSystem> system = block.value("_space_group_crystal_system", "_symmetry_cell_setting")
                .flatMap(CrystalSystem::ofLabel).or(() -> number.map(CrystalSystem::ofSpaceGroup));
        String name = block.value("_chemical_name_mineral", "_chemical_name_common", "_chemical_formula_sum",
                "_chemical_formula_structural").orElse(block.name());
        return new CrystalStructure(block.name(), name, cell, full, ops, number, system);
    }

    private static UnitCell readCell(CifBlock block) throws CifFormatException {
        double[] v = new double[6];
        String[] tags = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
        for (int i = 0; i < 6; i++) {
            Optional<CifBlock.Column> c = block.column(tags[i]);
            if (c.isEmpty()) {
                if (i >= 3) {
                    v[i] = 90;
                    continue;
                }
                throw block.error(block.line(), "missing " + tags[i]);
            }
            v[i] = CifNumber.parse(c.get().values().get(0));
            if (Double.isNaN(v[i])) {
                throw block.error(c.get().lineOf(0), tags[i] + " is not a number: '" + c.get().values().get(0) + "'");
            }
        }
        try {
            return new UnitCell(v[0], v[1], v[2], v[3], v[4], v[5]);
        } catch (IllegalArgumentException e) {
            throw block.error(block.column(tags[0]).get().lineOf(0), e.getMessage());
        }
    }

    private static List<SymmetryOperation> readOperations(CifBlock block) throws CifFormatException {
        Optional<CifBlock.Column> column = block.firstColumn("_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz");
        if (column.isEmpty()) {
            String hm = block.value("_symmetry_space_group_name_H-M", "_space_group_name_H-M_alt").orElse("P 1").replace(" ", "");
            if (!hm.equalsIgnoreCase("P1")) {
                throw block.error(block.line(), "no symmetry operations (_space_group_symop_operation_xyz or "
                        + "_symmetry_equiv_pos_as_xyz) for space group " + hm);
            }
            return List.of(SymmetryOperation.IDENTITY);
        }
        List<SymmetryOperation> ops = new ArrayList<>();
        for (int i = 0; i < column.get().size(); i++) {
            try {
                ops.add(SymmetryOperation.parse(column.get().values().get(i)));
            } catch (IllegalArgumentException e) {
                throw block.error(column.get().lineOf(i), e.getMessage());
            }
        }
        return ops;
    }

    private static List<AtomSite> readSites(CifBlock block) throws CifFormatException {
        CifBlock.Column x = required(block, "_atom_site_fract_x");
        CifBlock.Column y = required(block, "_atom_site_fract_y");
        CifBlock.Column z = required(block, "_atom_site_fract_z");
        Optional<CifBlock.Column> labels = block.column("_atom_site_label");
        Optional<CifBlock.Column> types = block.column("_atom_site_type_symbol");
        if (labels.isEmpty() && types.isEmpty()) {
            throw block.error(x.lineOf(0), "sites have neither _atom_site_type_symbol nor _atom_site_label");
        }
        Optional<CifBlock.Column> occ = block.column("_atom_site_occupancy");
        Optional<CifBlock.Column> uIso = block.column("_atom_site_U_iso_or_equiv");
        Optional<CifBlock.Column> bIso = block.column("_atom_site_B_iso_or_equiv");
        List<AtomSite> sites = new ArrayList<>();
        for (int row = 0; row < x.size(); row++) {
            final int i = row;
            int line = x.lineOf(i);
            String label = labels.map(c -> cell(c, i)).filter(l -> !CifNumber.isUnknown(l)).orElse(null);
            String type = types.map(c -> cell(c, i)).filter(t -> !CifNumber.isUnknown(t)).orElse(null);
            String symbolSource = type != null ? type : label;
            ChemicalElements.Species species = symbolSource == null ? null : ChemicalElements.parse(symbolSource).orElse(null);
            if (species == null && type != null && label != null) {
                species = ChemicalElements.parse(label).map(s -> new ChemicalElements.Species(s.element(), 0)).orElse(null);
            }
            if (species == null) {
                throw block.error(line, "no element in type symbol or label '" + symbolSource + "'");
            }
            double fx = coordinate(block, x, i);
            double fy = coordinate(block, y, i);
            double fz = coordinate(block, z, i);
            double occupancy = occ.map(c -> CifNumber.parse(cell(c, i))).filter(Double::isFinite).orElse(1.0);
            if (occupancy < 0 || occupancy > MAX_OCCUPANCY) {
                throw block.error(occ.get().lineOf(i), "occupancy " + occupancy + " of site " + label + " is outside 0-" + MAX_OCCUPANCY);
            }
            double u = uIso.map(c -> CifNumber.parse(cell(c, i))).orElse(Double.NaN);
            if (!Double.isFinite(u)) {
                u = bIso.map(c -> CifNumber.parse(cell(c, i)) / (8 * Math.PI * Math.PI)).orElse(Double.NaN);
            }
            sites.add(new AtomSite(label == null ? species.element() + (i + 1) : label, species.element(), species.charge(),
                    fx, fy, fz, occupancy, u));
        }
        return sites;
    }

    private static String cell(CifBlock.Column c, int row) {
        return row < c.size() ? c.values().get(row) : "?";
    }

    private static CifBlock.Column required(CifBlock block, String tag) throws CifFormatException {
        return block.column(tag).orElseThrow(() -> block.error(block.line(), "missing " + tag));
    }

    private static double coordinate(CifBlock block, CifBlock.Column c, int row) throws CifFormatException {
        double v = CifNumber.parse(cell(c, row));
        if (!Double.isFinite(v)) {
            throw block.error(c.lineOf(row), c.tag() + " of site " + (row + 1) + " is not a number: '" + cell(c, row) + "'");
        }
        return v;
    }

    /** Applies every operation to every site; copies within {@link #MERGE_DISTANCE} of each other are one atom. */
    public static List<AtomSite> expand(List<AtomSite> asymmetric, List<SymmetryOperation> ops, UnitCell cell) {
        double[][] g = cell.metricTensor();
        double tol2 = MERGE_DISTANCE * MERGE_DISTANCE;
        List<AtomSite> out = new ArrayList<>();
        for (AtomSite site : asymmetric) {
            List<double[]> placed = new ArrayList<>();
            for (SymmetryOperation op : ops) {
                double[] p = op.apply(site.position());
                for (int i = 0; i < 3; i++) {
                    p[i] -= Math.floor(p[i]);
                    if (p[i] >= 1 - 1e-12) {
                        p[i] = 0;
                    }
                }
                if (!isNear(p, placed, g, tol2)) {
                    placed.add(p);
                    out.add(site.at(p[0], p[1], p[2]));
                }
            }
        }
        return out;
    }

    private static boolean isNear(double[] p, List<double[]> placed, double[][] g, double tol2) {
        double[] d = new double[3];
        for (double[] q : placed) {
            for (int i = 0; i < 3; i++) {
                d[i] = p[i] - q[i];
                d[i] -= Math.rint(d[i]);
            }
            double s = 0;
            for (int i = 0; i < 3; i++) {
                s += d[i] * (g[i][0] * d[0] + g[i][1] * d[1] + g[i][2] * d[2]);
            }
            if (s < tol2) {
                return true;
            }
        }
        return false;
    }
}
