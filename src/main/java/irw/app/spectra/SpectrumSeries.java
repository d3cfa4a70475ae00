package irw.app.spectra;

/** One trace, ready to draw: x ascending, same length as y. */
public record SpectrumSeries(String name, SeriesKind kind, double[] x, double[] y) {
    public int size() {
        return x.length;
    }
}
