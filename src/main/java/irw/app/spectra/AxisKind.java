package irw.app.spectra;

/** What the x axis shows: 2θ as measured, or the instrument-independent d spacing or Q. */
public enum AxisKind {
    TWO_THETA("2θ", "°"),
    D_SPACING("d", "Å"),
    Q("Q", "Å⁻¹");

    private final String label;
    private final String unit;

    AxisKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** Converts 2θ in degrees for wavelength λ in ångström (Bragg: λ = 2d sin θ, Q = 4π sin θ / λ). */
    public double fromTwoTheta(double twoThetaDeg, double lambda) {
        double sinTheta = Math.sin(Math.toRadians(twoThetaDeg / 2));
        return switch (this) {
            case TWO_THETA -> twoThetaDeg;
            case D_SPACING -> lambda / (2 * sinTheta);
            case Q -> 4 * Math.PI * sinTheta / lambda;
        };
    }

    /** The inverse of {@link #fromTwoTheta}: 2θ in degrees, NaN where no angle gives {@code value}. */
    public double toTwoTheta(double value, double lambda) {
        double sinTheta = switch (this) {
            case TWO_THETA -> Math.sin(Math.toRadians(value / 2));
            case D_SPACING -> lambda / (2 * value);
            case Q -> value * lambda / (4 * Math.PI);
        };
        return sinTheta >= 0 && sinTheta <= 1 ? 2 * Math.toDegrees(Math.asin(sinTheta)) : Double.NaN;
    }

    /** d falls as 2θ rises; charts want x ascending. */
    public boolean reversesOrder() {
        return this == D_SPACING;
    }
}
