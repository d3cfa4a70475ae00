package irw.xrd.cif;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads CIF 1.1 text into {@link CifBlock}s. The file is first cut at each {@code data_} line (outside
 * text fields) so that a malformed block spoils only itself: {@link #readAll} returns the good
 * blocks and an error for each bad one.
 */
public final class CifParser {
    /** One block, or the reason it could not be read. */
    public record BlockResult(String name, int line, CifBlock block, CifFormatException error) {
        public boolean ok() {
            return block != null;
        }
    }

    private CifParser() {
    }

    /** Reads a file, gzip-compressed or not (detected from its first bytes). */
    public static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes), 1 << 16)) {
                bytes = in.readAllBytes();
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is no CIF content
    }

    /** All blocks of a file; the first malformed block is thrown. */
    public static List<CifBlock> parse(Path file) throws IOException, CifFormatException {
        List<CifBlock> out = new ArrayList<>();
        for (BlockResult r : readAll(readText(file), file)) {
            if (!r.ok()) {
                throw r.error();
            }
            out.add(r.block());
        }
        return out;
    }

    /** Every block of the text, each parsed on its own. */
    public static List<BlockResult> readAll(String text, Path file) {
        List<BlockResult> results = new ArrayList<>();
        int n = text.length();
        int pos = 0;
        int line = 1;
        boolean inTextField = false;
        int blockStart = -1;
        int blockLine = 0;
        String blockName = null;
        int preambleEnd = -1;
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            if (pos < n && text.charAt(pos) == ';') {
                inTextField = !inTextField;
            } else if (!inTextField && text.regionMatches(true, pos, "data_", 0, 5)) {
                if (blockStart >= 0) {
                    results.add(parseBlock(text, blockStart, pos, blockLine, blockName, file));
                } else {
                    preambleEnd = pos;
                }
                blockName = firstWord(text, pos + 5, eol);
                blockStart = eol;
                blockLine = line;
            }
            pos = eol + 1;
            line++;
        }
        if (blockStart >= 0) {
            results.add(parseBlock(text, blockStart, n, blockLine, blockName, file));
        } else {
            preambleEnd = n;
        }
        BlockResult preamble = checkPreamble(text, preambleEnd, file);
        if (preamble != null) {
            results.add(0, preamble);
        }
        return results;
    }

    /** Only comments may stand before the first data block. */
    private static BlockResult checkPreamble(String text, int end, Path file) {
        try {
            CifTokenizer.Token t = new CifTokenizer(text, 0, Math.max(end, 0), 1, "", file).next();
            if (t.kind() != CifTokenizer.Kind.END) {
                return new BlockResult("", t.line(), null,
                        new CifFormatException(file, "", t.line(), "'" + t.text() + "' stands before the first data_ block"));
            }
            return null;
        } catch (CifFormatException e) {
            return new BlockResult("", e.line(), null, e);
        }
    }

    private static String firstWord(String text, int from, int to) {
        int e = from;
        while (e < to && !Character.isWhitespace(text.charAt(e))) {
            e++;
        }
        return text.substring(from, e);
    }

    private static BlockResult parseBlock(String text, int start, int end, int headerLine, String name, Path file) {
        try {
            return new BlockResult(name, headerLine, parseBody(text, start, end, headerLine, name, file), null);
        } catch (CifFormatException e) {
            return new BlockResult(name, headerLine, null, e);
        }
    }

    private static CifBlock parseBody(String text, int start, int end, int headerLine, String name, Path file) throws CifFormatException {
        if (name.isEmpty()) {
            throw new CifFormatException(file, name, headerLine, "data_ header without a block name");
        }
        CifBlock block = new CifBlock(name, headerLine, file);
        CifTokenizer tokens = new CifTokenizer(text, start, end, headerLine, name, file);
        CifTokenizer.Token t = tokens.next();
        int loops = 0;
        while (t.kind() != CifTokenizer.Kind.END) {
            switch (t.kind()) {
                case TAG -> {
                    CifTokenizer.Token v = tokens.next();
                    if (v.kind() != CifTokenizer.Kind.VALUE) {
                        throw block.error(t.line(), "tag " + t.text() + " has no value");
                    }
                    block.put(new CifBlock.Column(t.text(), List.of(v.text()), new int[]{v.line()}, -1));
                    t = tokens.next();
                }
                case LOOP -> {
                    t = readLoop(block, tokens, t, loops++);
                }
                case VALUE -> throw block.error(t.line(), "value '" + t.text() + "' has no tag");
                default -> throw block.error(t.line(), "'" + t.text() + "' is not supported inside a data block");
            }
        }
        return block;
    }

    /** Reads a loop_ and returns the token after it. */
    private static CifTokenizer.Token readLoop(CifBlock block, CifTokenizer tokens, CifTokenizer.Token loop, int loopIndex)
            throws CifFormatException {
        List<CifTokenizer.Token> tags = new ArrayList<>();
        CifTokenizer.Token t = tokens.next();
        while (t.kind() == CifTokenizer.Kind.TAG) {
            tags.add(t);
            t = tokens.next();
        }
        if (tags.isEmpty()) {
            throw block.error(loop.line(), "loop_ without tags");
        }
        List<CifTokenizer.Token> values = new ArrayList<>();
        while (t.kind() == CifTokenizer.Kind.VALUE) {
            values.add(t);
            t = tokens.next();
        }
        if (values.isEmpty()) {
            throw block.error(loop.line(), "loop of " + tags.get(0).text() + " has no values");
        }
        if (values.size() % tags.size() != 0) {
            int row = values.size() / tags.size();
            throw block.error(values.get(row * tags.size()).line(), "loop of " + tags.get(0).text() + " has " + values.size()
                    + " values, not a multiple of its " + tags.size() + " tags (last row incomplete)");
        }
        int rows = values.size() / tags.size();
        for (int c = 0; c < tags.size(); c++) {
            List<String> column = new ArrayList<>(rows);
            int[] lines = new int[rows];
            for (int r = 0; r < rows; r++) {
                CifTokenizer.Token v = values.get(r * tags.size() + c);
                column.add(v.text());
                lines[r] = v.line();
            }
            block.put(new CifBlock.Column(tags.get(c).text(), column, lines, loopIndex));
        }
        return t;
    }
}
