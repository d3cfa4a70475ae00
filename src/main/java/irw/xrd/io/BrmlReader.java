package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static irw.xrd.io.SafeXml.child;
import static irw.xrd.io.SafeXml.children;
import static irw.xrd.io.SafeXml.descendant;
import static irw.xrd.io.SafeXml.descendants;

/**
 * Bruker .brml (DIFFRAC.SUITE): a zip of XML; each {@code Experiment<i>/RawData<j>.xml} holds data
 * routes whose {@code <Datum>} elements are comma-separated rows, one per step.
 *
 * <p>Which field is what is declared by the route's {@code DataViews}: the {@code ScanAxes} view
 * lists its fields in order from its {@code Start} index (2θ is the field named "TwoTheta"), and the
 * {@code RecordedRawDataView} of category "Count" gives the counts' index (already corrected for the
 * absorber). Files without data views (older writers) fall back to the common layout: 2θ in field 3
 * and counts in the last field. The wavelength comes from the tube: {@code WaveLengthAlpha1/2},
 * {@code WaveLengthRatio}, {@code TubeMaterial}.
 */
final class BrmlReader {
    private static final java.util.regex.Pattern RAW_DATA =
            java.util.regex.Pattern.compile("(?i)(.*/)?RawData\\d*\\.xml");

    private BrmlReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        BoundedZip zip = BoundedZip.open(src);
        List<String> entries = zip.namesMatching(RAW_DATA);
        if (entries.isEmpty()) {
            throw src.fail("BRML container has no RawData*.xml entry");
        }
        List<Pattern> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String entry : entries) {
            Element root = SafeXml.parse(src, zip.read(entry), entry).getDocumentElement();
            Wavelength wl = wavelength(root).orElse(null);
            int routeNo = 0;
            for (Element route : descendants(root, "DataRoute")) {
                routeNo++;
                readRoute(src, entry + " route " + routeNo, route, wl, skipped).ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            throw src.fail("no 2θ scan in the BRML container" + (skipped.isEmpty() ? "" : ": " + String.join("; ", skipped)));
        }
        return ScanAssembly.numbered(out, "scan");
    }

    private static Optional<Pattern> readRoute(SourceFile src, String where, Element route, Wavelength wl,
                                               List<String> skipped) throws PatternFormatException {
        List<Element> datums = children(route, "Datum");
        if (datums.isEmpty()) {
            skipped.add(where + " holds no <Datum> rows");
            return Optional.empty();
        }
        int[] columns = columns(route);
        if (columns == null) {
            skipped.add(where + " has no TwoTheta scan axis");
            return Optional.empty();
        }
        int xCol = columns[0];
        int yCol = columns[1];
        double[] x = new double[datums.size()];
        double[] y = new double[datums.size()];
        for (int i = 0; i < x.length; i++) {
            String[] f = datums.get(i).getTextContent().split(",");
            int yIndex = yCol < 0 ? f.length - 1 : yCol;
            if (xCol >= f.length || yIndex >= f.length || yIndex <= xCol && yCol < 0) {
                throw src.fail(where + " Datum " + (i + 1) + " has " + f.length + " fields; 2θ is field "
                        + (xCol + 1) + " and counts field " + (yIndex + 1));
            }
            int row = i + 1;
            x[i] = src.number(f[xCol], () -> where + " Datum " + row + " 2θ");
            y[i] = src.number(f[yIndex], () -> where + " Datum " + row + " counts");
        }
        Element scanInfo = child(route, "ScanInformation").orElse(null);
        PatternMetadata md = PatternMetadata.fromFile(src.path(), "brml", wl)
                .withExtras(ScanAssembly.extras(
                        "scan_name", scanInfo == null ? null : scanInfo.getAttribute("ScanName"),
                        "scan_mode", scanInfo == null ? null : SafeXml.childText(scanInfo, "ScanMode").orElse(null),
                        "time_per_step_s", scanInfo == null ? null : SafeXml.childText(scanInfo, "TimePerStep").orElse(null),
                        "data_route", where));
        return Optional.of(ScanAssembly.toPattern(src, x, y, md, k -> where + " Datum " + (k + 1)));
    }

    /**
     * {2θ field, counts field} from the data views; counts -1 means "last field". Null when the
     * route declares scan axes but none of them is 2θ.
     */
    private static int[] columns(Element route) {
        Optional<Element> views = child(route, "DataViews");
        if (views.isEmpty() || children(views.get(), "RawDataView").isEmpty()) {
            return new int[]{2, -1};
        }
        int xCol = -1;
        int yCol = -1;
        for (Element view : children(views.get(), "RawDataView")) {
            int start = parseIndex(view.getAttribute("Start"));
            if (start < 0) {
                continue;
            }
            Optional<Element> varying = child(view, "Varying");
            if (varying.isPresent() && "ScanAxes".equals(varying.get().getAttribute("LogicName"))) {
                List<Element> fields = children(varying.get(), "FieldDefinitions");
                for (int k = 0; k < fields.size(); k++) {
                    String name = fields.get(k).getAttribute("FieldName");
                    if ("TwoTheta".equalsIgnoreCase(name) || "2Theta".equalsIgnoreCase(name)) {
                        xCol = start + k;
                    }
                }
            }
            Optional<Element> recording = child(view, "Recording");
            if (yCol < 0 && recording.isPresent() && "Count".equalsIgnoreCase(recording.get().getAttribute("Category"))) {
                yCol = start;
            }
        }
        if (xCol < 0) {
            return null;
        }
        return new int[]{xCol, yCol};
    }

    private static int parseIndex(String s) {
        if (s == null || !s.matches("\\d{1,6}")) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private static Optional<Wavelength> wavelength(Element root) {
        Optional<Element> tube = descendant(root, "Tube");
        Element scope = tube.orElse(root);
        return StatedWavelength.of(SafeXml.descendantText(root, "TubeMaterial").orElse(null),
                value(scope, "WaveLengthAlpha1").or(() -> value(root, "WaveLength")).orElse(null),
                value(scope, "WaveLengthAlpha2").orElse(null),
                value(scope, "WaveLengthRatio").orElse(null));
    }

    /** The Value attribute of a {@code <X Unit=".." Value=".."/>} element. */
    private static Optional<Double> value(Element scope, String localName) {
        return descendant(scope, localName).map(e -> e.getAttribute("Value")).flatMap(Numbers::parse).filter(Double::isFinite);
    }
}
