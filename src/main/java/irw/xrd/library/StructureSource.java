package irw.xrd.library;

import irw.core.io.SampleDataFolder;
import irw.xrd.cif.AtomSite;
import irw.xrd.cif.CifBlock;
import irw.xrd.cif.CifFormatException;
import irw.xrd.cif.CifParser;
import irw.xrd.cif.CrystalStructure;
import irw.xrd.cif.CrystalStructureReader;
import irw.xrd.cif.CrystalSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where reference structures come from: one (multi-block, possibly gzipped) CIF file with an optional
 * index, such as the bundled AMCSD library, or a folder of the user's own CIF files.
 */
public final class StructureSource {
    /** The structures a source holds, their metadata in the same order, and what could not be read. */
    public record Contents(List<StructureEntry> entries, List<CrystalStructure> structures, List<String> skipped) {
        public Contents {
            entries = List.copyOf(entries);
            structures = List.copyOf(structures);
            skipped = List.copyOf(skipped);
        }
    }

    private final String name;
    private final Path path;
    private final Optional<Path> index;
    private final boolean folder;

    private StructureSource(String name, Path path, Optional<Path> index, boolean folder) {
        this.name = name;
        this.path = path;
        this.index = index;
        this.folder = folder;
    }

    /** A structure library in one CIF file, with its index CSV when there is one. */
    public static StructureSource libraryFile(String name, Path cif, Path indexCsv) {
        return new StructureSource(name, cif, Optional.ofNullable(indexCsv), false);
    }

    /** Every {@code .cif} file under a folder (subfolders too), named after the folder. */
    public static StructureSource cifFolder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new StructureSource(abs.getFileName() == null ? abs.toString() : abs.getFileName().toString(), abs, Optional.empty(), true);
    }

    /** A user library: a folder of CIFs, or a single CIF file (any number of blocks). */
    public static StructureSource of(Path fileOrFolder) {
        if (Files.isDirectory(fileOrFolder)) {
            return cifFolder(fileOrFolder);
        }
        String file = fileOrFolder.getFileName().toString();
        return libraryFile(file.replaceFirst("(?i)\\.cif(\\.gz)?$", ""), fileOrFolder.toAbsolutePath().normalize(), null);
    }

    /** The bundled AMCSD library (8,914 structures) with its index. */
    public static StructureSource bundledAmcsd() {
        return libraryFile("amcsd", SampleDataFolder.resolve("structure-library/amcsd.cif.gz"),
                SampleDataFolder.resolve("structure-library/amcsd-index.csv"));
    }

    /** The bundled Materials Project structures of {@code sample-data/reference-structures/}. */
    public static StructureSource bundledReferenceStructures() {
        return cifFolder(SampleDataFolder.resolve("reference-structures"));
    }

    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    /**
     * SHA-256 over everything the sticks depend on: each file's name (relative to a folder) and bytes,
     * and the index. A changed, added or removed CIF gives another fingerprint.
     */
    public String fingerprint() throws IOException {
        MessageDigest sha = sha256();
        sha.update((folder ? "folder\n" : "file\n").getBytes(StandardCharsets.UTF_8));
        for (Path f : files()) {
            sha.update((path.relativize(f.toAbsolutePath().normalize()) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        if (index.isPresent()) {
            sha.update("index\n".getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(index.get()));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private List<Path> files() throws IOException {
        if (!folder) {
            if (!Files.isRegularFile(path)) {
                throw new IOException(path + ": no such structure library file");
            }
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException(path + ": no such folder of CIF files");
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.cif(\\.gz)?"))
                    .sorted().toList();
        }
    }

    /** Reads and expands every structure (in parallel, in a fixed order); bad blocks and files are listed, not fatal. */
    public Contents read() throws IOException {
        StructureIndex idx = index.isPresent() ? StructureIndex.read(index.get()) : StructureIndex.empty();
        record Block(Path file, CifParser.BlockResult result, boolean only) {
        }
        List<Block> blocks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files()) {
            try {
                List<CifParser.BlockResult> inFile = CifParser.readAll(CifParser.readText(f), f);
                inFile.forEach(b -> blocks.add(new Block(f, b, inFile.size() == 1)));
                if (inFile.isEmpty()) {
                    skipped.add(f + ": no data_ block");
                }
            } catch (IOException e) {
                skipped.add(f + ": " + e.getMessage());
            }
        }
        Object[] read = blocks.parallelStream().map(b -> {
            if (!b.result().ok()) {
                return b.result().error().getMessage();
            }
            try {
                CrystalStructure s = CrystalStructureReader.read(b.result().block());
                return new Object[]{s, entry(b.file(), b.result().block(), b.only(), s, idx)};
            } catch (CifFormatException e) {
                return e.getMessage();
            } catch (RuntimeException e) {
                return b.file() + ", block data_" + b.result().name() + ": unexpected problem: " + e;
            }
        }).toArray();
        List<StructureEntry> entries = new ArrayList<>();
        List<CrystalStructure> structures = new ArrayList<>();
        for (Object r : read) {
            if (r instanceof Object[] pair) {
                structures.add((CrystalStructure) pair[0]);
                entries.add((StructureEntry) pair[1]);
            } else {
                skipped.add((String) r);
            }
        }
        return new Contents(entries, structures, skipped);
    }

    private StructureEntry entry(Path file, CifBlock block, boolean onlyBlock, CrystalStructure s, StructureIndex idx) {
        Set<String> elements = new LinkedHashSet<>();
        s.sites().stream().filter(a -> a.occupancy() > 0).map(AtomSite::element).forEach(elements::add);
        Optional<StructureIndex.Row> row = idx.row(block.name());
        if (row.isPresent()) {
            StructureIndex.Row r = row.get();
            elements.addAll(ChemicalFormula.parse(r.formula()).elements());
            // the AMCSD index writes "<missing>" where a structure has no mineral name: the formula names it then
            String mineral = r.mineral().isBlank() || r.mineral().equals("<missing>") ? r.formula() : r.mineral();
            return new StructureEntry(name, block.name(), mineral, r.formula(), r.spaceGroup(), r.spaceGroupNumber(),
                    r.crystalSystem().or(s::crystalSystem), ChemicalFormula.byAtomicNumber(elements));
        }
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.cif(\\.gz)?$", "");
        String id = !folder ? block.name() : onlyBlock ? stem : stem + ":" + block.name();
        String formula = block.value("_chemical_formula_sum", "_chemical_formula_structural").orElse(compositionOf(s)).trim();
        elements.addAll(ChemicalFormula.parse(formula).elements());
        String mineral = block.value("_chemical_name_mineral", "_chemical_name_common", "_chemical_formula_structural")
                .orElse(formula).trim();
        int number = s.spaceGroupNumber().orElse(0);
        Optional<CrystalSystem> system = s.crystalSystem();
        String symbol = block.value("_space_group_name_H-M_alt", "_symmetry_space_group_name_H-M").orElse("").trim();
        int fromName = FileNameSymmetry.spaceGroupNumber(stem, s);
        if (fromName > 0) {
            number = fromName;
            system = Optional.of(CrystalSystem.ofSpaceGroup(number));
            symbol = SpaceGroupSymbols.symbol(number);
        } else if (symbol.isEmpty() && number > 0) {
            symbol = SpaceGroupSymbols.symbol(number);
        }
        return new StructureEntry(name, id, mineral, formula, symbol, number, system, ChemicalFormula.byAtomicNumber(elements));
    }

    private static String compositionOf(CrystalStructure s) {
        java.util.Map<String, Double> count = new java.util.LinkedHashMap<>();
        s.sites().forEach(a -> count.merge(a.element(), a.occupancy(), Double::sum));
        StringBuilder out = new StringBuilder();
        count.forEach((e, n) -> out.append(out.isEmpty() ? "" : " ").append(e)
                .append(Math.abs(n - 1) < 1e-6 ? "" : String.format(Locale.ROOT, "%.4g", n)));
        return out.toString();
    }

    @Override
    public String toString() {
        return name + " (" + path + ")";
    }
}
