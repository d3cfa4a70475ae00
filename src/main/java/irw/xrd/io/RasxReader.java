package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;
import irw.core.PatternMetadata;
import irw.core.Wavelength;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

import static irw.xrd.io.SafeXml.descendantText;
import static irw.xrd.io.SafeXml.number;

/**
 * Rigaku .rasx (SmartLab Studio II): a zip holding, per measurement, {@code Data<i>/Profile<j>.txt}
 * (tab-separated 2θ, intensity, attenuation factor per line, UTF-8 with BOM) and
 * {@code Data<i>/MesurementConditions<j>.xml} (Rigaku's spelling) with the scan axis and the X-ray
 * generator. The intensity is column 2 × column 3 (the attenuator factor, 1 when none was in).
 * The wavelength: {@code TargetName} (anode), {@code WavelengthKalpha1/2}; {@code WaveType} "Ka1"
 * means a Kα1 monochromator, so Kα2 is kept with ratio 0; "Ka" gets the conventional ratio 0.5
 * (the file gives none), noted in the extras.
 */
final class RasxReader {
    private static final java.util.regex.Pattern PROFILE =
            java.util.regex.Pattern.compile("(?i)(.*/)?Data(\\d+)/Profile(\\d+)\\.txt");

    private RasxReader() {
    }

    static List<Pattern> read(SourceFile src) throws PatternFormatException {
        BoundedZip zip = BoundedZip.open(src);
        List<String> profiles = zip.namesMatching(PROFILE);
        if (profiles.isEmpty()) {
            throw src.fail("RASX container has no Data*/Profile*.txt entry");
        }
        List<Pattern> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String profile : profiles) {
            readProfile(src, zip, profile, skipped).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            throw src.fail("no 2θ scan in the RASX container: " + String.join("; ", skipped));
        }
        return ScanAssembly.numbered(out, "scan");
    }

    private static Optional<Pattern> readProfile(SourceFile src, BoundedZip zip, String profile, List<String> skipped)
            throws PatternFormatException {
        Matcher m = PROFILE.matcher(profile);
        if (!m.matches()) {
            throw new IllegalStateException("profile name was filtered by the same pattern: " + profile);
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        String dir = prefix + "Data" + m.group(2) + "/";
        Optional<Element> conditions = conditions(src, zip, dir, m.group(3));
        String axisName = conditions.flatMap(c -> descendantText(c, "AxisName")).orElse("TwoTheta");
        if (!axisName.toLowerCase(java.util.Locale.ROOT).startsWith("twotheta")) {
            skipped.add(profile + " scans " + axisName + ", not 2θ");
            return Optional.empty();
        }
        String[] lines = TextLines.split(SourceFile.decode(zip.read(profile)));
        DoubleColumn x = new DoubleColumn();
        DoubleColumn y = new DoubleColumn();
        DoubleColumn lineOf = new DoubleColumn();
        for (int i = 0; i < lines.length; i++) {
            String[] t = TextLines.split(lines[i], ' ', 3);
            if (t.length == 0) {
                continue;
            }
            int line = i;
            java.util.function.Supplier<String> where = () -> profile + " " + TextLines.at(line);
            if (t.length < 2) {
                throw src.fail(where.get() + ": expected 2θ and intensity");
            }
            double intensity = src.number(t[1], where);
            if (t.length >= 3) {
                intensity *= src.number(t[2], () -> where.get() + " (attenuation factor)");
            }
            x.add(src.number(t[0], where));
            y.add(intensity);
            lineOf.add(i);
        }
        Wavelength wl = conditions.flatMap(RasxReader::wavelength).orElse(null);
        String waveType = conditions.flatMap(c -> descendantText(c, "WaveType")).orElse(null);
        String sample = conditions.flatMap(c -> descendantText(c, "SampleName")).orElse(src.stem());
        PatternMetadata md = PatternMetadata.fromFile(src.path(), "rasx", wl).withSampleName(sample)
                .withExtras(ScanAssembly.extras(
                        "profile", profile,
                        "scan_axis", axisName,
                        "scan_mode", conditions.flatMap(c -> descendantText(c, "Mode")).orElse(null),
                        "wave_type", waveType,
                        "kalpha2_ratio", "Ka".equalsIgnoreCase(waveType) ? "0.5 assumed (not stated in the file)" : null,
                        "intensity_unit", conditions.flatMap(c -> descendantText(c, "IntensityUnit")).orElse(null)));
        return Optional.of(ScanAssembly.toPattern(src, x.toArray(), y.toArray(), md,
                k -> profile + " " + TextLines.at((int) lineOf.get(k))));
    }

    private static Optional<Element> conditions(SourceFile src, BoundedZip zip, String dir, String index)
            throws PatternFormatException {
        for (String name : List.of(dir + "MesurementConditions" + index + ".xml", dir + "MeasurementConditions" + index + ".xml")) {
            if (zip.names().contains(name)) {
                return Optional.of(SafeXml.parse(src, zip.read(name), name).getDocumentElement());
            }
        }
        return Optional.empty();
    }

    private static Optional<Wavelength> wavelength(Element conditions) {
        Optional<Element> generator = SafeXml.descendant(conditions, "XrayGenerator");
        if (generator.isEmpty()) {
            return Optional.empty();
        }
        Element g = generator.get();
        String waveType = descendantText(g, "WaveType").orElse("");
        double ratio = waveType.equalsIgnoreCase("Ka") ? 0.5 : 0;
        return StatedWavelength.of(descendantText(g, "TargetName").orElse(null),
                number(descendantText(g, "WavelengthKalpha1")).orElse(null),
                number(descendantText(g, "WavelengthKalpha2")).orElse(null), ratio);
    }
}
