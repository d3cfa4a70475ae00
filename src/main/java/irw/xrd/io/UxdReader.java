package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Siemens/Bruker DIFFRAC-AT .uxd text: a file header of {@code _KEY=VALUE} lines (with
 * {@code _WL1}, {@code _WL2}, {@code _WLRATIO}, {@code _ANODE}), then one block per range, each
 * starting at {@code _DRIVE}. A block's data follow either {@code _COUNTS}/{@code _CPS} (counts only,
 * the axis from {@code _START} or {@code _2THETA} and {@code _STEPSIZE}) or {@code _2THETACOUNTS},
 * {@code _2THETACPS}, {@code _2THETACOUNTSTIME} (2θ then counts on each line). ';' starts a comment.
 * Peak lists ({@code _D-I}, {@code _2THETA-I}) are not scans and are skipped.
 */
final class UxdReader {
    private UxdReader() {
    }

    private static final class Block {
        final Map<String, String> keys;
        final boolean twoColumn;
        final DoubleColumn x = new DoubleColumn();
        final DoubleColumn y = new DoubleColumn();
        final DoubleColumn lineOf = new DoubleColumn();

        Block(Map<String, String> keys, boolean twoColumn) {
            this.keys = new HashMap<>(keys);
            this.twoColumn = twoColumn;
        }
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String[] lines = TextLines.split(src.text());
        // Keys are scoped by position: a block sees the latest value of every key written before its
        // data keyword, which covers file-scope keys (_WL1), per-range keys (_START) and writers that
        // omit _DRIVE between ranges.
        Map<String, String> keys = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        Block current = null;
        boolean peakList = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("_")) {
                String key = line.substring(1).split("=", 2)[0].strip().toUpperCase(java.util.Locale.ROOT);
                String value = line.contains("=") ? line.substring(line.indexOf('=') + 1).strip() : "";
                current = null;
                if (key.equals("COUNTS") || key.equals("COUNT") || key.equals("CPS")) {
                    current = new Block(keys, false);
                    blocks.add(current);
                    peakList = false;
                } else if (key.startsWith("2THETACOUNTS") || key.equals("2THETACPS")) {
                    current = new Block(keys, true);
                    blocks.add(current);
                    peakList = false;
                } else if (key.equals("D-I") || key.equals("2THETA-I")) {
                    peakList = true;
                } else {
                    if (key.equals("DRIVE")) {
                        peakList = false;
                    }
                    keys.put(key, value);
                }
                continue;
            }
            if (peakList) {
                continue;
            }
            if (current == null) {
                throw src.fail(TextLines.at(i) + ": numbers outside a _COUNTS or _2THETACOUNTS data block");
            }
            int lineNo = i;
            java.util.function.Supplier<String> where = () -> TextLines.at(lineNo);
            if (current.twoColumn) {
                String[] t = TextLines.split(line, ',', 2);
                if (t.length < 2) {
                    throw src.fail(TextLines.at(i) + ": expected 2θ and counts");
                }
                current.x.add(src.number(t[0], where));
                current.y.add(src.number(t[1], where));
                current.lineOf.add(i);
            } else {
                TextLines.Words words = new TextLines.Words(line.replace(',', ' '));
                for (String token = words.next(); token != null; token = words.next()) {
                    current.y.add(src.number(token, where));
                    current.lineOf.add(i);
                }
            }
        }
        if (blocks.isEmpty()) {
            throw src.fail("no _COUNTS or _2THETACOUNTS data block found");
        }
        List<Pattern> out = new ArrayList<>();
        int index = 0;
        for (Block b : blocks) {
            index++;
            double[] x;
            if (b.twoColumn) {
                x = b.x.toArray();
            } else {
                Double start = num(b.keys.getOrDefault("START", b.keys.get("2THETA")));
                Double step = num(b.keys.get("STEPSIZE"));
                if (start == null || step == null) {
                    throw src.fail("range " + index + " has counts but no _START/_2THETA and _STEPSIZE to place them");
                }
                x = ScanAssembly.steppedAxis(src, start, step, b.y.size());
            }
            Wavelength wl = StatedWavelength.of(unquote(b.keys.get("ANODE")), num(b.keys.get("WL1")),
                    num(b.keys.get("WL2")), num(b.keys.get("WLRATIO"))).orElse(null);
            PatternMetadata md = PatternMetadata.fromFile(src.path(), "uxd", wl)
                    .withExtras(ScanAssembly.extras("drive", unquote(b.keys.get("DRIVE")),
                            "sample", unquote(b.keys.get("SAMPLE")), "step_time_s", b.keys.get("STEPTIME")));
            if (blocks.size() > 1) {
                md = md.withSampleName(src.stem() + " range " + index);
            }
            Block blk = b;
            out.add(ScanAssembly.toPattern(src, x, b.y.toArray(), md, k -> TextLines.at((int) blk.lineOf.get(k))));
        }
        return out;
    }

    private static Double num(String s) {
        return s == null ? null : Numbers.parse(unquote(s)).filter(Double::isFinite).orElse(null);
    }

    private static String unquote(String s) {
        return s == null ? null : s.replace("'", "").replace("\"", "").strip();
    }
}
