package irw.xrd.io;

import irw.core.PatternFormatException;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;

/**
 * Decides a file's format from its content: magic bytes (Bruker RAW, zip), the entries of a zip
 * (RASX profile vs BRML RawData), the root element of XML, and the layout of text (UXD keywords,
 * a "start step end" header, a CSV header row, number columns). The extension only breaks ties:
 * a zip or XML that holds no recognisable entry/root is still tried as the format its extension
 * names, so the reader can say what is missing.
 */
final class FormatDetector {
    private static final int SNIFF_BYTES = 8192;
    private static final java.util.regex.Pattern RASX_ENTRY = java.util.regex.Pattern.compile("Data\\d+/Profile\\d+\\.txt");
    private static final java.util.regex.Pattern BRML_ENTRY = java.util.regex.Pattern.compile("RawData\\d*\\.xml");
    private static final java.util.regex.Pattern REFLECTION_COLUMNS =
            java.util.regex.Pattern.compile("(?i)\"?\\s*(hkl|h k l|\\(hkl\\)|d[_ -]?spacing.*|d_?hkl|multiplicity)\\s*\"?");
    private static final java.util.regex.Pattern XML_ROOT =
            java.util.regex.Pattern.compile("<(?![?!])(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");

    private FormatDetector() {
    }

    static PatternFileFormat detect(SourceFile src) throws PatternFormatException {
        byte[] b = src.bytes();
        String ext = src.extension();
        if (b.length == 0) {
            throw src.fail("file is empty (0 bytes)");
        }
        if (BrukerRawReader.version(b) != null) {
            return PatternFileFormat.BRUKER_RAW;
        }
        if (startsWith(b, new byte[]{'P', 'K', 3, 4}) || startsWith(b, new byte[]{'P', 'K', 5, 6})) {
            return zipFormat(src, ext);
        }
        if (!SourceFile.hasUtf16Bom(b) && looksLikeUtf16WithoutBom(b)) {
            throw src.fail("UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)");
        }
        if (!SourceFile.hasUtf16Bom(b) && looksBinary(b)) {
            if (ext.equals("raw") || startsWith(b, "RAW".getBytes(StandardCharsets.ISO_8859_1))) {
                throw src.fail("wrong magic number: a Bruker RAW file starts with 'RAW ', 'RAW2', 'RAW1.01' or 'RAW4.00', this one with "
                        + firstBytes(b));
            }
            if (ext.equals("rasx") || ext.equals("brml")) {
                throw src.fail("wrong magic number: a ." + ext + " file is a zip starting with 'PK', this one starts with " + firstBytes(b));
            }
            throw src.fail("binary content of no known diffraction format (starts with " + firstBytes(b) + ")");
        }
        String head = SourceFile.decode(java.util.Arrays.copyOf(b, Math.min(b.length, 65536) & ~(SourceFile.hasUtf16Bom(b) ? 1 : 0)));
        String start = head.stripLeading();
        if (start.isEmpty()) {
            throw src.fail("file is empty (only whitespace)");
        }
        if (start.startsWith("<")) {
            return xmlFormat(src, start, ext);
        }
        if (ext.equals("xrdml") || ext.equals("rasx") || ext.equals("brml") || ext.equals("raw")) {
            throw src.fail("wrong content for ." + ext + ": the file is plain text starting with '"
                    + Numbers.shorten(start.lines().findFirst().orElse("")) + "'");
        }
        return textFormat(src, head, ext);
    }

    private static PatternFileFormat zipFormat(SourceFile src, String ext) throws PatternFormatException {
        String names;
        try {
            names = String.join("\n", BoundedZip.open(src).names());
        } catch (PatternFormatException corrupt) {
            // Entry names are also stored uncompressed in the local headers; the reader will report the damage.
            names = new String(src.bytes(), StandardCharsets.ISO_8859_1);
        }
        if (names.contains("two_theta.npy") && names.contains("patterns.npy")) {
            return PatternFileFormat.NPZ;
        }
        boolean rasx = RASX_ENTRY.matcher(names).find();
        boolean brml = BRML_ENTRY.matcher(names).find();
        if (rasx && !brml) {
            return PatternFileFormat.RASX;
        }
        if (brml && !rasx) {
            return PatternFileFormat.BRML;
        }
        if (ext.equals("rasx")) {
            return PatternFileFormat.RASX;
        }
        if (ext.equals("brml")) {
            return PatternFileFormat.BRML;
        }
        throw src.fail("a zip archive that holds neither a Rigaku RASX profile (Data*/Profile*.txt), Bruker BRML raw data (RawData*.xml)"
                + " nor a pattern set (two_theta.npy + patterns.npy)");
    }

    private static PatternFileFormat xmlFormat(SourceFile src, String text, String ext) throws PatternFormatException {
        String body = text.substring(0, Math.min(text.length(), 8192)).replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "");
        Matcher m = XML_ROOT.matcher(body);
        String root = m.find() ? m.group(1) : null;
        if ("xrdMeasurements".equals(root) || ext.equals("xrdml")) {
            return PatternFileFormat.XRDML;
        }
        throw src.fail("XML with root element <" + (root == null ? "?" : root) + "> is not a diffraction format this workbench reads");
    }

    private static PatternFileFormat textFormat(SourceFile src, String head, String ext) throws PatternFormatException {
        String[] lines = TextLines.split(head);
        int first = nextContentLine(lines, 0, true);
        if (first < 0) {
            throw src.fail("file holds only comments and blank lines");
        }
        if (lines[first].stripLeading().startsWith("_") || ext.equals("uxd")) {
            return PatternFileFormat.UXD;
        }
        String line = lines[first];
        double[] header = StepScanDatReader.header(line);
        if (header != null) {
            String[] words = TextLines.split(line, ' ', 4);
            boolean hasTitle = words.length > 3 && !Numbers.isNumber(words[3]);
            int second = nextContentLine(lines, first + 1, false);
            int secondWords = second < 0 ? 0 : TextLines.countWords(lines[second]);
            if (hasTitle || (second >= 0 && secondWords != 3)) {
                return PatternFileFormat.STEP_SCAN_DAT;
            }
        }
        var sep = DelimitedTextReader.separatorOf(line);
        String[] tokens = DelimitedTextReader.tokens(line, sep, 256); // a header row; the sniffed head is at most 64 kB anyway
        boolean headerRow = tokens.length >= 2 && DelimitedTextReader.numericTokens(tokens) == 0
                && (sep != DelimitedTextReader.Separator.WHITESPACE || line.indexOf('\t') >= 0 || ext.equals("csv"));
        if (headerRow) {
            int next = nextContentLine(lines, first + 1, false);
            boolean numericRow = next >= 0 && DelimitedTextReader.numericTokens(
                    DelimitedTextReader.tokens(lines[next], DelimitedTextReader.separatorOf(lines[next]), 2)) >= 2;
            boolean namesTwoTheta = java.util.Arrays.stream(tokens).anyMatch(t -> CsvPatternReader.TWO_THETA.matcher(t).matches());
            if (java.util.Arrays.stream(tokens).anyMatch(t -> REFLECTION_COLUMNS.matcher(t).matches())) {
                // like the peak lists of UXD files: reflections at discrete angles, not a scan on an axis
                throw src.fail("a table of reflections (hkl / d-spacing / multiplicity columns), not a diffraction pattern");
            }
            // Prose can name 2θ too ("Cu Kα, 2θ 4-70° in 0.039° steps" in a README): a 2θ header counts
            // only when a number follows it (the long layout's rows start with a name), or number rows
            // come later, so a damaged first row is still reported as such.
            boolean numberBelow = next >= 0 && java.util.Arrays.stream(
                    DelimitedTextReader.tokens(lines[next], DelimitedTextReader.separatorOf(lines[next]), 16)).anyMatch(Numbers::isNumber);
            if (numericRow || (namesTwoTheta && (numberBelow || hasNumberColumns(lines, first)))) {
                return PatternFileFormat.CSV;
            }
            if (!hasNumberColumns(lines, first)) {
                throw src.fail("a table without a 2θ column or numeric rows ('" + Numbers.shorten(line.strip())
                        + "') is not a diffraction pattern");
            }
            return PatternFileFormat.XY; // a title line with a comma, then number columns
        }
        if (!hasNumberColumns(lines, first)) {
            throw src.fail("text without columns of numbers (starting '" + Numbers.shorten(line.strip())
                    + "') is not a diffraction pattern");
        }
        return PatternFileFormat.XY;
    }

    /**
     * True when, near the top, a content line holds nothing but numbers (at least two, a trailing
     * '#' comment allowed) and the next content line, if any, starts with a number too: column data
     * after their header. Prose with numbers in it ("8,000 real digits, 28x28") does not qualify; a
     * damaged data line after a good one still does, so the reader can say where the damage is.
     */
    private static boolean hasNumberColumns(String[] lines, int first) {
        int seen = 0;
        boolean previousWasData = false;
        for (int i = first; i < lines.length && seen < 200; i++) {
            if (lines[i].isBlank() || TextLines.isComment(lines[i])) {
                continue;
            }
            seen++;
            if (previousWasData) {
                String[] lead = DelimitedTextReader.tokens(lines[i], DelimitedTextReader.separatorOf(lines[i]), 1);
                return lead.length == 1 && Numbers.looksNumeric(lead[0]);
            }
            previousWasData = isDataLine(lines[i]);
        }
        return previousWasData;
    }

    private static boolean isDataLine(String line) {
        String[] tokens = DelimitedTextReader.tokens(line, DelimitedTextReader.separatorOf(line), 16);
        int numbers = 0;
        for (String t : tokens) {
            if (t.startsWith("#") || t.startsWith("!")) {
                break;
            }
            if (!Numbers.looksNumeric(t)) {
                return false;
            }
            numbers++;
        }
        return numbers >= 2;
    }

    /** Index of the next non-blank line that is not a '#'/'!' comment (and not ';' when asked), or -1. */
    private static int nextContentLine(String[] lines, int from, boolean skipSemicolon) {
        for (int i = from; i < lines.length; i++) {
            String s = lines[i].strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("!") || (skipSemicolon && s.startsWith(";"))) {
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * ASCII text saved as UTF-16 without a BOM: every other byte of the first 8 KB is NUL and the
     * others are printable.
     */
    private static boolean looksLikeUtf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES) & ~1;
        if (n < 8) {
            return false;
        }
        int[] nul = new int[2];
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                nul[i & 1]++;
            } else if (c >= 32 || c == '\t' || c == '\n' || c == '\r') {
                printable++;
            }
        }
        int half = n / 2;
        return (nul[0] == half && nul[1] == 0 || nul[1] == half && nul[0] == 0) && printable == half;
    }

    /** NUL bytes or many control characters in the first 8 KB mean binary. */
    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control > n / 10;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String firstBytes(byte[] b) {
        byte[] head = java.util.Arrays.copyOf(b, Math.min(8, b.length));
        return "0x" + HexFormat.of().formatHex(head);
    }
}
