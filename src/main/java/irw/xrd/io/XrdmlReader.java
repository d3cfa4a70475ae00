package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static irw.xrd.io.SafeXml.child;
import static irw.xrd.io.SafeXml.childText;
import static irw.xrd.io.SafeXml.children;

/**
 * PANalytical .xrdml (any schema version; elements are matched by local name).
 *
 * <p>Each {@code xrdMeasurement/scan} is one pattern. In its {@code dataPoints}, the 2θ axis is the
 * {@code positions} element with {@code axis="2Theta"}: either {@code startPosition}/{@code endPosition}
 * (evenly spaced over the points) or {@code listPositions}. Intensities come from {@code intensities}
 * (schema 1.x) or {@code counts} (2.x), multiplied point by point by {@code beamAttenuationFactors}
 * when present, because the attenuator divided the beam by that factor. The counting time goes to the
 * extras. The wavelength is {@code usedWavelength} (Kα1, Kα2, ratio) with the anode of the tube.
 * Scans without a moving 2θ axis (rocking curves) are skipped; a file with none left is refused.
 */
final class XrdmlReader {
    private XrdmlReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        Document doc = SafeXml.parse(src, src.bytes(), "XRDML");
        Element root = doc.getDocumentElement();
        if (!"xrdMeasurements".equals(SafeXml.localName(root))) {
            throw src.fail("root element is <" + SafeXml.localName(root) + ">, not the <xrdMeasurements> of XRDML");
        }
        String sampleName = child(root, "sample").flatMap(s -> childText(s, "name").or(() -> childText(s, "id")))
                .orElse(src.stem());
        List<Pattern> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int scanNo = 0;
        for (Element measurement : children(root, "xrdMeasurement")) {
            Wavelength wl = wavelength(measurement).orElse(null);
            for (Element scan : children(measurement, "scan")) {
                scanNo++;
                Optional<Pattern> p = readScan(src, measurement, scan, scanNo, sampleName, wl, skipped);
                p.ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            throw src.fail(scanNo == 0 ? "XRDML holds no <scan> elements"
                    : "no 2θ scan among " + scanNo + " scan(s): " + String.join("; ", skipped));
        }
        return ScanAssembly.numbered(out, "scan");
    }

    private static Optional<Pattern> readScan(SourceFile src, Element measurement, Element scan, int scanNo,
                                              String sampleName, Wavelength wl, List<String> skipped)
            throws PatternFormatException {
        String where = "scan " + scanNo;
        Element points = child(scan, "dataPoints").orElseThrow(() -> src.fail(where + " has no <dataPoints>"));
        Element intensities = child(points, "intensities").or(() -> child(points, "counts"))
                .orElseThrow(() -> src.fail(where + " has neither <intensities> nor <counts>"));
        double[] y = numbers(src, intensities.getTextContent(), where + " <" + SafeXml.localName(intensities) + ">");
        Optional<Element> axis = children(points, "positions").stream()
                .filter(p -> "2Theta".equalsIgnoreCase(p.getAttribute("axis"))).findFirst();
        if (axis.isEmpty()) {
            skipped.add(where + " has no 2Theta positions");
            return Optional.empty();
        }
        double[] x;
        Optional<String> list = childText(axis.get(), "listPositions");
        Optional<Double> start = SafeXml.number(childText(axis.get(), "startPosition"));
        Optional<Double> end = SafeXml.number(childText(axis.get(), "endPosition"));
        if (list.isPresent()) {
            x = numbers(src, list.get(), where + " <listPositions>");
            if (x.length != y.length) {
                throw src.fail(where + ": " + x.length + " 2θ positions but " + y.length + " intensities");
            }
        } else if (start.isPresent() && end.isPresent()) {
            if (start.get().equals(end.get())) {
                skipped.add(where + " keeps 2θ fixed at " + start.get() + "° (not a 2θ scan)");
                return Optional.empty();
            }
            x = ScanAssembly.linearAxis(src, start.get(), end.get(), y.length);
        } else if (childText(axis.get(), "commonPosition").isPresent()) {
            skipped.add(where + " keeps 2θ fixed (not a 2θ scan)");
            return Optional.empty();
        } else {
            throw src.fail(where + ": 2Theta positions give neither start/end nor a list");
        }
        Optional<Element> attenuation = child(points, "beamAttenuationFactors");
        if (attenuation.isPresent()) {
            double[] f = numbers(src, attenuation.get().getTextContent(), where + " <beamAttenuationFactors>");
            if (f.length != y.length) {
                throw src.fail(where + ": " + f.length + " beam attenuation factors but " + y.length + " intensities");
            }
            for (int i = 0; i < y.length; i++) {
                y[i] *= f[i];
            }
        }
        String countingTime = childText(points, "commonCountingTime").orElse(null);
        PatternMetadata md = PatternMetadata.fromFile(src.path(), "xrdml", wl).withSampleName(sampleName)
                .withExtras(ScanAssembly.extras(
                        "counting_time_s", countingTime,
                        "scan_axis", scan.getAttribute("scanAxis"),
                        "scan_mode", scan.getAttribute("mode"),
                        "intended_wavelength", child(measurement, "usedWavelength").map(u -> u.getAttribute("intended")).orElse(null),
                        "intensity_unit", intensities.getAttribute("unit")));
        return Optional.of(ScanAssembly.toPattern(src, x, y, md, k -> where + " point " + (k + 1)));
    }

    private static Optional<Wavelength> wavelength(Element measurement) {
        Optional<Element> used = child(measurement, "usedWavelength");
        if (used.isEmpty()) {
            return Optional.empty();
        }
        String anode = SafeXml.descendantText(measurement, "anodeMaterial").orElse(null);
        return StatedWavelength.of(anode,
                SafeXml.number(childText(used.get(), "kAlpha1")).orElse(null),
                SafeXml.number(childText(used.get(), "kAlpha2")).orElse(null),
                SafeXml.number(childText(used.get(), "ratioKAlpha2KAlpha1")).orElse(null));
    }

    /** Whitespace-separated numbers of an XRDML list element. */
    static double[] numbers(SourceFile src, String text, String where) throws PatternFormatException {
        DoubleColumn v = new DoubleColumn();
        TextLines.Words words = new TextLines.Words(text);
        for (String w = words.next(); w != null; w = words.next()) {
            if (v.size() == ScanAssembly.MAX_POINTS) {
                throw src.fail(where + " holds more than " + String.format(java.util.Locale.ROOT, "%,d", ScanAssembly.MAX_POINTS)
                        + " values, more than any 1-D scan has: a corrupt or forged file");
            }
            int k = v.size() + 1;
            v.add(src.number(w, () -> where + " value " + k));
        }
        return v.toArray();
    }
}
