package irw.digits;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The five typefaces the ideal digits are typeset in (the paper's "printed" digits), each loaded
 * from an OFL-licensed file bundled under resources/fonts/ (see the README there), never from the
 * machine's fonts, so a data set is the same on every machine.
 */
public enum DigitFont {
    SERIF("serif", "Liberation Serif (Times-like serif)", "LiberationSerif-Regular.ttf", 1.0),
    TYPEWRITER("typewriter", "Courier Prime (typewriter)", "CourierPrime-Regular.otf", 0.8),
    BRUSH("brush", "Kaushan Script (brush script)", "KaushanScript-Regular.otf", 0.3),
    HANDWRITING("handwriting", "dkg handwriting (handwriting)", "dkg-handwriting.ttf", 1.2),
    CASUAL("casual", "Comic Neue (casual sans)", "ComicNeue-Regular.otf", 1.0);

    private final String id;
    private final String description;
    private final String file;
    private final double extraPen;
    private volatile Font font;
    private volatile Shape[] outlines;

    DigitFont(String id, String description, String file, double extraPen) {
        this.id = id;
        this.description = description;
        this.file = file;
        this.extraPen = extraPen;
    }

    /**
     * Pixels of outline stroke added to the glyph at 28×28 so that its strokes come near the
     * 2.5-3 px pen width of MNIST digits (chosen by eye against a montage of both); thin
     * typefaces get more, the bold brush script almost none.
     */
    public double extraPen() {
        return extraPen;
    }

    /** A short name used in item ids ("serif-7-123") and on the command line. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The bundled font file's name under resources/fonts/. */
    public String file() {
        return file;
    }

    /** The font at 1 pt, created from the bundled file on first use. */
    public Font font() {
        Font f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    /**
     * The outline of a digit's glyph at 100 pt, computed once: the font scaler is synchronised
     * inside the JDK, so asking it per rendered image would serialise parallel rendering.
     */
    public Shape outline(int digit) {
        Shape[] o = outlines;
        if (o == null) {
            synchronized (this) {
                if (outlines == null) {
                    Font big = font().deriveFont(100f);
                    FontRenderContext frc = new FontRenderContext(null, true, true);
                    Shape[] shapes = new Shape[10];
                    for (int d = 0; d < 10; d++) {
                        shapes[d] = new Path2D.Double(big.createGlyphVector(frc, Integer.toString(d)).getOutline());
                    }
                    outlines = shapes;
                }
                o = outlines;
            }
        }
        return o[digit];
    }

    private Font load() {
        String resource = "/fonts/" + file;
        try (InputStream in = DigitFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + resource + " is missing from the class path");
            }
            int format = file.endsWith(".ttf") || file.endsWith(".otf") ? Font.TRUETYPE_FONT : Font.TYPE1_FONT;
            return Font.createFont(format, in);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + resource + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + resource, e);
        }
    }

    public static DigitFont byId(String id) {
        for (DigitFont f : values()) {
            if (f.id.equalsIgnoreCase(id.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("no digit font '" + id + "'; known: serif, typewriter, brush, handwriting, casual");
    }
}
