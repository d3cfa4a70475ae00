package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Siemens/Bruker DIFFRAC .raw, binary, little-endian, versions by magic:
 * "RAW " (v1), "RAW2" (v2), "RAW1.01" (v3), "RAW4.00" (v4).
 *
 * <p>Layouts follow the DIFFRAC^plus XCH manual (appendix A) as implemented by xylib
 * (bruker_raw.cpp) and GSAS-II (G2pwd_BrukerRAW.py); offsets are in the comments. Every count read
 * from a header is checked against the bytes that follow before anything is allocated.
 * Intensities are float32 counts; the axis is start + i·step.
 */
final class BrukerRawReader {
    private static final int V4_FILE_HEADER = 61;
    private static final int V4_RANGE_HEADER = 160;
    private static final int V3_FILE_HEADER = 712;
    private static final int V3_RANGE_HEADER = 304;
    private static final int V2_FILE_HEADER = 256;
    /** v1 range header after the magic: fields up to the following-range flag at +148. */
    private static final int V1_RANGE_HEADER = 152;
    private static final int MAX_RANGES = 10_000;

    private BrukerRawReader() {
    }

    static String version(byte[] b) {
        String head = new String(b, 0, Math.min(7, b.length), StandardCharsets.ISO_8859_1);
        if (head.startsWith("RAW4.00")) {
            return "4";
        }
        if (head.startsWith("RAW1.01")) {
            return "3";
        }
        if (head.startsWith("RAW2")) {
            return "2";
        }
        if (head.startsWith("RAW ")) {
            return "1";
        }
        return null;
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        String v = version(src.bytes());
        if (v == null) {
            throw src.fail("not a Bruker RAW file: it does not start with RAW , RAW2, RAW1.01 or RAW4.00");
        }
        LittleEndianCursor c = new LittleEndianCursor(src);
        List<Pattern> out = switch (v) {
            case "4" -> readV4(src, c);
            case "3" -> readV3(src, c);
            case "2" -> readV2(src, c);
            default -> readV1(src, c);
        };
        if (out.isEmpty()) {
            throw src.fail("Bruker RAW v" + v + " file holds no 2θ range");
        }
        return ScanAssembly.numbered(out, "range");
    }

    /** v4: a 61-byte header, tagged metadata segments, then ranges, each a 160-byte header, extra segments and data. */
    private static List<Pattern> readV4(SourceFile src, LittleEndianCursor c) throws PatternFormatException {
        Map<String, String> vars = new HashMap<>();
        Wavelength wl = null;
        long p = V4_FILE_HEADER;
        long type;
        while (true) {
            type = c.u32(p, "segment type");
            if (type == 0 || type == 160) {
                break; // the first range starts here
            }
            long len = c.u32(p + 4, "segment length");
            if (len < 8 || len > c.remainingAfter(p)) {
                throw src.fail("segment at byte " + p + " has length " + len + ", outside the file");
            }
            if (type == 10 && len >= 36) { // VarInfo: +12 name (24), +36 value
                vars.put(c.text(p + 12, 24, "variable name"), c.text(p + 36, (int) (len - 36), "variable value"));
            } else if (type == 30 && len >= 120) { // hardware: +80 Kα1, +88 Kα2, +104 ratio (f64), +116 anode (4)
                wl = StatedWavelength.of(c.text(p + 116, 4, "anode"), c.f64(p + 80, "Kα1"), c.f64(p + 88, "Kα2"),
                        c.f64(p + 104, "Kα2/Kα1")).orElse(null);
            }
            p += len;
        }
        List<Pattern> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int range = 0;
        while (p < c.size()) {
            type = c.u32(p, "range type");
            if (type != 0 && type != 160) {
                throw src.fail("range " + (range + 1) + " at byte " + p + " has type " + type + " (expected 0 or 160)");
            }
            if (++range > MAX_RANGES) {
                throw src.fail("more than " + MAX_RANGES + " ranges");
            }
            String scanType = c.text(p + 32, 24, "scan type");
            double start = c.f64(p + 72, "start angle");
            double step = c.f64(p + 80, "step size");
            long steps = c.u32(p + 88, "step count");
            float timePerStep = c.f32(p + 92, "time per step");
            long datumSize = c.u32(p + 136, "datum size");
            long extraHeader = c.u32(p + 140, "supplementary header size");
            long dataAt = p + V4_RANGE_HEADER + extraHeader;
            if (extraHeader > c.remainingAfter(p + V4_RANGE_HEADER)) {
                throw src.fail("range " + range + " supplementary header of " + extraHeader + " bytes runs past the end");
            }
            if (datumSize < 4 || datumSize > 64) {
                throw src.fail("range " + range + " has a datum size of " + datumSize + " bytes (expected 4 to 64)");
            }
            int n = ScanAssembly.checkedCount(src, steps, datumSize, c.remainingAfter(dataAt), "range " + range);
            long next = dataAt + datumSize * n;
            // Coupled 2θ/θ scans and detector scans move 2θ; other scan types (rocking curves, φ scans) do not.
            if (scanType.equals("Locked Coupled") || scanType.equals("Unlocked Coupled") || scanType.equals("Detector Scan")) {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = c.f32(dataAt + datumSize * i, "count"); // the first 4 bytes of a datum are the counts
                }
                double[] x = ScanAssembly.steppedAxis(src, start, step, n);
                PatternMetadata md = metadata(src, "bruker-raw-v4", wl, vars.get("SAMPLEID"))
                        .withExtras(ScanAssembly.extras("scan_type", scanType, "time_per_step", Float.toString(timePerStep),
                                "site", vars.get("SITE"), "creator", vars.get("CREATOR")));
                int r = range;
                out.add(ScanAssembly.toPattern(src, x, y, md, k -> "range " + r + " step " + (k + 1)));
            } else {
                skipped.add(scanType);
            }
            p = next;
        }
        if (out.isEmpty() && !skipped.isEmpty()) {
            throw src.fail("no 2θ range; the ranges are " + String.join(", ", skipped) + " scans");
        }
        return out;
    }

    /** v3 ("RAW1.01"): a 712-byte header, then ranges of a 304-byte header, supplementary headers and float32 counts. */
    private static List<Pattern> readV3(SourceFile src, LittleEndianCursor c) throws PatternFormatException {
        long ranges = c.u32(12, "range count");
        String sample = c.text(326, 60, "sample id");
        Wavelength wl = StatedWavelength.of(c.text(608, 4, "anode"), c.f64(624, "Kα1"), c.f64(632, "Kα2"),
                c.f64(648, "Kα2/Kα1")).orElse(null);
        if (ranges > MAX_RANGES) {
            throw src.fail("header claims " + ranges + " ranges");
        }
        List<Pattern> out = new ArrayList<>();
        long p = V3_FILE_HEADER;
        for (int r = 1; r <= ranges; r++) {
            long headerLen = c.u32(p, "range header length");
            if (headerLen != V3_RANGE_HEADER) {
                throw src.fail("range " + r + " header length is " + headerLen + ", expected " + V3_RANGE_HEADER);
            }
            long steps = c.u32(p + 4, "step count");
            double start2Theta = c.f64(p + 16, "start 2θ");
            double step = c.f64(p + 176, "step size");
            float timePerStep = c.f32(p + 192, "time per step");
            long supplementary = c.u32(p + 256, "supplementary header size");
            if (supplementary > c.remainingAfter(p + headerLen)) {
                throw src.fail("range " + r + " supplementary headers of " + supplementary + " bytes run past the end");
            }
            long dataAt = p + headerLen + supplementary;
            int n = ScanAssembly.checkedCount(src, steps, 4, c.remainingAfter(dataAt), "range " + r);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = c.f32(dataAt + 4L * i, "count");
            }
            PatternMetadata md = metadata(src, "bruker-raw-v3", wl, sample)
                    .withExtras(ScanAssembly.extras("time_per_step", Float.toString(timePerStep)));
            int range = r;
            out.add(ScanAssembly.toPattern(src, ScanAssembly.steppedAxis(src, start2Theta, step, n), y, md,
                    k -> "range " + range + " step " + (k + 1)));
            p = dataAt + 4L * n;
        }
        return out;
    }

    /** v2 ("RAW2"): range count at 4, anode and wavelengths at 188-201, ranges from byte 256. */
    private static List<Pattern> readV2(SourceFile src, LittleEndianCursor c) throws PatternFormatException {
        int ranges = c.u16(4, "range count");
        Wavelength wl = StatedWavelength.of(c.text(188, 2, "anode"), (double) c.f32(190, "Kα1"),
                (double) c.f32(194, "Kα2"), (double) c.f32(198, "Kα2/Kα1")).orElse(null);
        List<Pattern> out = new ArrayList<>();
        long p = V2_FILE_HEADER;
        for (int r = 1; r <= ranges; r++) {
            int headerLen = c.u16(p, "range header length");
            if (headerLen < 48) {
                throw src.fail("range " + r + " header length is " + headerLen + ", expected at least 48");
            }
            int steps = c.u16(p + 2, "step count");
            float timePerStep = c.f32(p + 8, "time per step");
            double step = c.f32(p + 12, "step size");
            double start = c.f32(p + 16, "start 2θ");
            long dataAt = p + headerLen;
            int n = ScanAssembly.checkedCount(src, steps, 4, c.remainingAfter(dataAt), "range " + r);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = c.f32(dataAt + 4L * i, "count");
            }
            PatternMetadata md = metadata(src, "bruker-raw-v2", wl, null)
                    .withExtras(ScanAssembly.extras("time_per_step", Float.toString(timePerStep)));
            int range = r;
            out.add(ScanAssembly.toPattern(src, ScanAssembly.steppedAxis(src, start, step, n), y, md,
                    k -> "range " + range + " step " + (k + 1)));
            p = dataAt + 4L * n;
        }
        return out;
    }

    /**
     * v1 ("RAW "): ranges one after another, each a 152-byte header (after the 4-byte magic, which
     * later ranges may or may not repeat) and float32 counts; a non-zero "following range" flag at
     * header byte 148 announces another range. The file states Kα1 and Kα2 but no ratio: 0.5 is assumed.
     */
    private static List<Pattern> readV1(SourceFile src, LittleEndianCursor c) throws PatternFormatException {
        List<Pattern> out = new ArrayList<>();
        long p = 4;
        boolean more = true;
        int r = 0;
        while (more) {
            if (++r > MAX_RANGES) {
                throw src.fail("more than " + MAX_RANGES + " ranges");
            }
            if (r > 1 && c.remainingAfter(p) >= 4 && "RAW ".equals(new String(src.bytes(), (int) p, 4, StandardCharsets.ISO_8859_1))) {
                p += 4; // early DIFFRAC-AT files repeat the magic before each range
            }
            long steps = c.u32(p, "step count");
            float timePerStep = c.f32(p + 4, "time per step");
            double step = c.f32(p + 8, "step size");
            double start = c.f32(p + 20, "start 2θ");
            String sample = c.text(p + 36, 32, "sample name");
            Wavelength wl = StatedWavelength.of(null, (double) c.f32(p + 68, "Kα1"), (double) c.f32(p + 72, "Kα2"), 0.5)
                    .orElse(null);
            more = c.u32(p + 148, "following-range flag") != 0;
            long dataAt = p + V1_RANGE_HEADER; // the counts follow the flag
            int n = ScanAssembly.checkedCount(src, steps, 4, c.remainingAfter(dataAt), "range " + r);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = c.f32(dataAt + 4L * i, "count");
            }
            PatternMetadata md = metadata(src, "bruker-raw-v1", wl, sample)
                    .withExtras(ScanAssembly.extras("time_per_step", Float.toString(timePerStep),
                            "kalpha2_ratio", wl != null && wl.hasKAlpha2() ? "0.5 assumed (not stated in the file)" : null));
            int range = r;
            out.add(ScanAssembly.toPattern(src, ScanAssembly.steppedAxis(src, start, step, n), y, md,
                    k -> "range " + range + " step " + (k + 1)));
            p = dataAt + 4L * n;
        }
        return out;
    }

    private static PatternMetadata metadata(SourceFile src, String format, Wavelength wl, String sample) {
        PatternMetadata md = PatternMetadata.fromFile(src.path(), format, wl);
        return sample == null || sample.isBlank() ? md : md.withExtras(Map.of("sample_id", sample));
    }
}
