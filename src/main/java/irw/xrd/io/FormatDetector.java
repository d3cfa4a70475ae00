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
        if (looksBinary(b)) {
            if (ext.equals("raw") || startsWith(b, "RAW".getBytes(StandardCharsets.ISO_8859_1))) {
                throw src.fail("wrong magic number: a Bruker RAW file starts with 'RAW ', 'RAW2', 'RAW1.01' or 'RAW4.00', this one with "
                        + firstBytes(b));
            }
            if (ext.equals("rasx") || ext.equals("brml")) {
                throw src.fail("wrong magic number: a ." + ext + " file is a zip starting with 'PK', this one starts with " + firstBytes(b));
            }
            throw src.fail("binary content of no known diffraction format (starts with " + firstBytes(b) + ")");
        }
        String head = SourceFile.decode(java.util.Arrays.copyOf(b, Math.min(b.length, 65536)));
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
        // Entry names are stored uncompressed in the local headers and the central directory.
        String names = new String(src.bytes(), StandardCharsets.ISO_8859_1);
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
        throw src.fail("a zip archive that holds neither a Rigaku RASX profile (Data*/Profile*.txt) nor Bruker BRML raw data (RawData*.xml)");
    }

    private static PatternFileFormat xmlFormat(SourceFile src, String text, String ext) throws PatternFormatException {
        String body = text.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "");
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
            boolean hasTitle = TextLines.words(line).length > 3 && !Numbers.isNumber(TextLines.words(line)[3]);
            int second = nextContentLine(lines, first + 1, false);
            int secondWords = second < 0 ? 0 : TextLines.words(lines[second]).length;
            if (hasTitle || (second >= 0 && secondWords != 3)) {
                return PatternFileFormat.STEP_SCAN_DAT;
            }
        }
        var sep = DelimitedTextReader.separatorOf(line);
        String[] tokens = DelimitedTextReader.tokens(line, sep);
        boolean headerRow = tokens.length >= 2 && DelimitedTextReader.numericTokens(tokens) == 0
                && (sep != DelimitedTextReader.Separator.WHITESPACE || line.indexOf('\t') >= 0 || ext.equals("csv"));
        if (headerRow) {
            int next = nextContentLine(lines, first + 1, false);
            boolean numericRow = next >= 0 && DelimitedTextReader.numericTokens(
                    DelimitedTextReader.tokens(lines[next], DelimitedTextReader.separatorOf(lines[next]))) >= 2;
            boolean namesTwoTheta = java.util.Arrays.stream(tokens).anyMatch(t -> CsvPatternReader.TWO_THETA.matcher(t).matches());
            if (numericRow || namesTwoTheta) {
                return PatternFileFormat.CSV;
            }
            throw src.fail("a table without a 2θ column or numeric rows ('" + Numbers.shorten(line.strip())
                    + "') is not a diffraction pattern");
        }
        if (!hasNumberColumns(lines, first)) {
            throw src.fail("text without columns of numbers (starting '" + Numbers.shorten(line.strip())
                    + "') is not a diffraction pattern");
        }
        return PatternFileFormat.XY;
    }

    /** True when some line near the top starts with two numbers, as 2θ-intensity text does after its header. */
    private static boolean hasNumberColumns(String[] lines, int first) {
        int seen = 0;
        for (int i = first; i < lines.length && seen < 200; i++) {
            if (lines[i].isBlank() || TextLines.isComment(lines[i])) {
                continue;
            }
            seen++;
            var sep = DelimitedTextReader.separatorOf(lines[i]);
            if (DelimitedTextReader.numericTokens(DelimitedTextReader.tokens(lines[i], sep)) >= 2) {
                return true;
            }
        }
        return false;
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
