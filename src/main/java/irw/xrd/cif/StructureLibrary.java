package irw.xrd.cif;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads every structure of a (possibly gzip-compressed, multi-block) CIF file. A block that cannot
 * be read is skipped and reported with its reason; the others are read in file order.
 */
public final class StructureLibrary {
    /** The readable structures, and a reason for each block that was skipped. */
    public record ReadResult(Path file, List<CrystalStructure> structures, List<CifFormatException> skipped) {
        public ReadResult {
            structures = List.copyOf(structures);
            skipped = List.copyOf(skipped);
        }

        public Optional<CrystalStructure> find(String id) {
            return structures.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    private StructureLibrary() {
    }

    public static ReadResult read(Path file) throws IOException {
        return read(CifParser.readText(file), file);
    }

    /** Blocks are parsed and expanded in parallel; the order of the file is kept. */
    public static ReadResult read(String text, Path file) {
        List<CifParser.BlockResult> blocks = CifParser.readAll(text, file);
        Object[] results = blocks.parallelStream().map(b -> {
            if (!b.ok()) {
                return b.error();
            }
            try {
                return CrystalStructureReader.read(b.block());
            } catch (CifFormatException e) {
                return e;
            } catch (RuntimeException e) {
                return b.block().error(b.line(), "unexpected problem: " + e);
            }
        }).toArray();
        List<CrystalStructure> ok = new ArrayList<>();
        List<CifFormatException> bad = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof CrystalStructure s) {
                ok.add(s);
            } else {
                bad.add((CifFormatException) r);
            }
        }
        return new ReadResult(file, ok, bad);
    }

    /**
     * Every structure of every CIF file in a folder (not its sub-folders), files in name order; a file
     * that cannot be read is reported in {@link ReadResult#skipped()}, the others are kept.
     */
    public static ReadResult readFolder(Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder of CIF files");
        }
        List<Path> files;
        try (var s = java.nio.file.Files.list(folder)) {
            files = s.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.cif(\\.gz)?"))
                    .sorted().toList();
        }
        List<CrystalStructure> ok = new ArrayList<>();
        List<CifFormatException> bad = new ArrayList<>();
        for (Path f : files) {
            try {
                ReadResult r = read(f);
                ok.addAll(r.structures());
                bad.addAll(r.skipped());
            } catch (IOException e) {
                bad.add(new CifFormatException(f, null, 0, "unreadable: " + e.getMessage()));
            }
        }
        return new ReadResult(folder, ok, bad);
    }

    /** One structure: the named block, or the first block when the name is null. */
    public static CrystalStructure readOne(Path file, String blockName) throws IOException, CifFormatException {
        List<CifParser.BlockResult> blocks = CifParser.readAll(CifParser.readText(file), file);
        for (CifParser.BlockResult b : blocks) {
            if (blockName == null || b.name().equalsIgnoreCase(blockName)) {
                if (!b.ok()) {
                    throw b.error();
                }
                return CrystalStructureReader.read(b.block());
            }
        }
        throw new CifFormatException(file, blockName, 0, blockName == null ? "the file has no data block" : "no such data block");
    }
}
