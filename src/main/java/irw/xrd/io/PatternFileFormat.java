package irw.xrd.io;

import irw.core.Pattern;
import irw.core.PatternFormatException;

import java.util.List;

/** The file formats the workbench reads, each with its reader. */
enum PatternFileFormat {
    XY("xy", "two-column text (.xy/.xye/.dat/.txt)", DelimitedTextReader::read),
    CSV("csv", "CSV with a header row", CsvPatternReader::read),
    STEP_SCAN_DAT("step-scan-dat", "'start step end' header and counts (.dat)", StepScanDatReader::read),
    UXD("uxd", "Bruker/Siemens UXD text", UxdReader::read),
    XRDML("xrdml", "PANalytical XRDML", XrdmlReader::read),
    RASX("rasx", "Rigaku RASX", RasxReader::read),
    BRML("brml", "Bruker BRML", BrmlReader::read),
    BRUKER_RAW("bruker-raw", "Bruker RAW v1-v4", BrukerRawReader::read),
    NPZ("npz", "pattern set (.npz: two_theta, patterns[, ground_truth])", NpzPatternSetReader::read);

    @FunctionalInterface
    interface Reader {
        List<Pattern> read(SourceFile src) throws PatternFormatException;
    }

    private final String id;
    private final String description;
    private final Reader reader;

    PatternFileFormat(String id, String description, Reader reader) {
        this.id = id;
        this.description = description;
        this.reader = reader;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    List<Pattern> read(SourceFile src) throws PatternFormatException {
        return reader.read(src);
    }
}
