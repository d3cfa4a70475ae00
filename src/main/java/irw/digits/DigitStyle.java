package irw.digits;

/**
 * How one ideal digit is drawn: every random choice of {@link DigitAugmentation}, fixed, so that the
 * same style renders the same image.
 *
 * @param font         the typeface
 * @param digit        0-9
 * @param rotation     degrees, counter-clockwise on screen
 * @param slant        horizontal shear: the top moves right by {@code slant} × height (italic-like when > 0)
 * @param aspect       width multiplier before the digit is fitted to the 20×20 box (narrow &lt; 1 &lt; wide)
 * @param strokeWidth  pen width in pixels of the 28×28 image; NaN keeps the typeface's own width
 * @param elastic      elastic distortion: RMS displacement in pixels of the 28×28 image (0: none)
 * @param elasticSeed  seeds the distortion's random field
 * @param dx           shift of the centre from the field centre, pixels (right positive)
 * @param dy           shift, pixels (down positive)
 * @param centreOfMass true: the centre of mass is centred (MNIST); false: the ink's bounding box
 */
public record DigitStyle(DigitFont font, int digit, double rotation, double slant, double aspect, double strokeWidth,
                         double elastic, long elasticSeed, double dx, double dy, boolean centreOfMass) {
    public DigitStyle {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        if (!(aspect > 0) || !(elastic >= 0) || strokeWidth <= 0) {
            throw new IllegalArgumentException("aspect > 0, elastic >= 0 and a positive stroke width (or NaN) are required; got aspect "
                    + aspect + ", elastic " + elastic + ", stroke width " + strokeWidth);
        }
    }

    /** The glyph as the font draws it, rotated and shifted only, MNIST-centred. */
    public static DigitStyle plain(DigitFont font, int digit, double rotation, double dx, double dy) {
        return new DigitStyle(font, digit, rotation, 0, 1, Double.NaN, 0, 0, dx, dy, true);
    }
}
