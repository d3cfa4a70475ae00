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
 * The typefaces the ideal digits are typeset in (the paper's "printed" digits): serif, typewriter,
 * sans and a dozen handwriting-like faces, each loaded from an OFL- or Apache-licensed file bundled
 * under resources/fonts/ (see the README there), never from the machine's fonts, so a data set is
 * the same on every machine.
 */
public enum DigitFont {
    SERIF("serif", "Liberation Serif (Times-like serif)", "LiberationSerif-Regular.ttf"),
    TYPEWRITER("typewriter", "Courier Prime (typewriter)", "CourierPrime-Regular.otf"),
    BRUSH("brush", "Kaushan Script (brush script)", "KaushanScript-Regular.otf"),
    HANDWRITING("handwriting", "dkg handwriting (handwriting)", "dkg-handwriting.ttf"),
    CASUAL("casual", "Comic Neue (casual sans)", "ComicNeue-Regular.otf"),
    BREIP("breip", "Breip (informal handwriting)", "Breip.ttf"),
    BUILD("build", "Because We Build (handwriting)", "BecauseWeBuild-Regular.otf"),
    CONNECT("connect", "Because We Connect (handwriting)", "BecauseWeConnect-Regular.otf"),
    CREATE("create", "Because We Create (handwriting)", "BecauseWeCreate-Regular.otf"),
    LEARN("learn", "Because We Learn (handwriting)", "BecauseWeLearn-Regular.otf"),
    MENTOR("mentor", "Because We Mentor (handwriting)", "BecauseWeMentor-Regular.otf"),
    ORGANIZE("organize", "Because We Organize (handwriting)", "BecauseWeOrganize-Regular.otf"),
    DANCING("dancing", "Dancing Script (casual script)", "DancingScript-Regular.otf"),
    HUMOR("humor", "Humor Sans (handwritten sans)", "Humor-Sans.ttf"),
    JOSCELYN("joscelyn", "Joscelyn (secretary hand)", "Joscelyn-Regular.otf"),
    KRISTI("kristi", "Kristi (felt-tip cursive)", "Kristi.ttf"),
    HAVANA("havana", "Havana (script)", "Havana-Regular.otf"),
    CABIN("cabin", "Cabin (humanist sans)", "Cabin-Regular.otf"),
    QUICKSAND("quicksand", "Quicksand (rounded sans)", "Quicksand-Regular.ttf"),
    OPENSANS("opensans", "Open Sans (humanist sans)", "OpenSans-Regular.ttf"),
    DOSIS("dosis", "Dosis (rounded narrow sans)", "Dosis-Book.otf");

    /** The five fonts of the first ideal set (before issue 12), kept for comparisons. */
    public static final java.util.List<DigitFont> ORIGINAL_FIVE = java.util.List.of(SERIF, TYPEWRITER, BRUSH, HANDWRITING, CASUAL);

    private final String id;
    private final String description;
    private final String file;
    private volatile Font font;
    private volatile Shape[] outlines;

    DigitFont(String id, String description, String file) {
        this.id = id;
        this.description = description;
        this.file = file;
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
        throw new IllegalArgumentException("no digit font '" + id + "'; known: "
                + java.util.Arrays.stream(values()).map(DigitFont::id).toList());
    }
}
