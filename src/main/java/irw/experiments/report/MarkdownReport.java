package irw.experiments.report;

import irw.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report directory: {@code report.md} plus the CSV tables and PNG figures it links to. Every
 * artefact is written atomically the moment it is added, and {@link #write()} may be called after
 * each section so that an interrupted run still leaves a readable partial report.
 */
public final class MarkdownReport {
    public static final String FILE_NAME = "report.md";

    private final Path dir;
    private final StringBuilder body = new StringBuilder();

    public MarkdownReport(Path dir, String title) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        body.append("# ").append(title).append("\n\n");
    }

    public Path dir() {
        return dir;
    }

    public MarkdownReport heading(int level, String text) {
        body.append("#".repeat(Math.max(1, Math.min(level, 6)))).append(' ').append(text).append("\n\n");
        return this;
    }

    public MarkdownReport paragraph(String text) {
        body.append(text.strip()).append("\n\n");
        return this;
    }

    public MarkdownReport bullets(Iterable<String> items) {
        for (String item : items) {
            body.append("- ").append(item.strip()).append('\n');
        }
        body.append('\n');
        return this;
    }

    /** Embeds the table and writes it beside the report as {@code csvName}. */
    public MarkdownReport table(ResultTable table, String csvName) throws IOException {
        checkName(csvName, ".csv");
        table.writeCsv(dir.resolve(csvName));
        body.append("**").append(table.title()).append("** ([").append(csvName).append("](").append(csvName).append("))\n\n");
        body.append(table.toMarkdown()).append('\n');
        return this;
    }

    /** Writes the image as {@code pngName} and embeds it with a caption. */
    public MarkdownReport figure(BufferedImage image, String pngName, String caption) throws IOException {
        checkName(pngName, ".png");
        writePng(dir.resolve(pngName), image);
        body.append("![").append(caption.replace("]", ")")).append("](").append(pngName).append(")\n\n");
        body.append('*').append(caption.strip()).append("*\n\n");
        return this;
    }

    /** Writes {@code report.md}; returns its path. */
    public Path write() throws IOException {
        Path file = dir.resolve(FILE_NAME);
        AtomicFiles.writeString(file, body.toString());
        return file;
    }

    public String markdown() {
        return body.toString();
    }

    public static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    private static void checkName(String name, String extension) {
        if (!name.endsWith(extension) || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("artefact name must be a plain file name ending in " + extension + ": " + name);
        }
    }
}
