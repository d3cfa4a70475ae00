package irw.xrd.library;

import irw.core.Wavelength;
import irw.xrd.cif.CrystalSystem;
import irw.xrd.physics.Stick;
import irw.xrd.physics.StickPattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The simulated stick patterns of a whole structure library, held compactly: one flat array per stick
 * property, structure {@code i} owning sticks {@code [firstStick(i), endStick(i))} in increasing 2θ, the
 * strongest of each structure scaled to 100. Immutable and thread-safe. Built and cached by
 * {@link StickLibraryCache}; the arrays are read directly by search-match, {@link #sticks(int)} gives the
 * records the renderer and the GUI use.
 */
public final class StickLibrary {
    /** One structure of the library with its sticks. */
    public record Phase(int index, StructureEntry entry, StickPattern sticks) {
    }

    private final Wavelength wavelength;
    private final double twoThetaMin;
    private final double twoThetaMax;
    private final List<StructureEntry> entries;
    private final int[] start;
    private final float[] twoTheta;
    private final float[] d;
    private final float[] intensity;
    private final short[] h;
    private final short[] k;
    private final short[] l;
    private final short[] multiplicity;
    private final List<String> skipped;
    private final Map<String, Integer> byId = new HashMap<>();

    StickLibrary(Wavelength wavelength, double twoThetaMin, double twoThetaMax, List<StructureEntry> entries, int[] start,
                 float[] twoTheta, float[] intensity, short[] h, short[] k, short[] l, short[] multiplicity, List<String> skipped) {
        if (start.length != entries.size() + 1 || start[entries.size()] != twoTheta.length || intensity.length != twoTheta.length
                || h.length != twoTheta.length || k.length != twoTheta.length || l.length != twoTheta.length
                || multiplicity.length != twoTheta.length) {
            throw new IllegalArgumentException("stick arrays and structure offsets disagree");
        }
        this.wavelength = wavelength;
        this.twoThetaMin = twoThetaMin;
        this.twoThetaMax = twoThetaMax;
        this.entries = List.copyOf(entries);
        this.start = start;
        this.twoTheta = twoTheta;
        this.intensity = intensity;
        this.h = h;
        this.k = k;
        this.l = l;
        this.multiplicity = multiplicity;
        this.skipped = List.copyOf(skipped);
        // d from Bragg's law, λ = 2 d sin θ, with the Kα1 line the sticks were placed for
        this.d = new float[twoTheta.length];
        for (int j = 0; j < twoTheta.length; j++) {
            d[j] = (float) (wavelength.kAlpha1() / (2 * Math.sin(Math.toRadians(twoTheta[j] / 2.0))));
        }
        for (int i = 0; i < this.entries.size(); i++) {
            byId.putIfAbsent(key(this.entries.get(i).source(), this.entries.get(i).block()), i);
        }
    }

    /** A library from simulated stick patterns, one per entry, in the same order. */
    static StickLibrary of(Wavelength wavelength, double twoThetaMin, double twoThetaMax, List<StructureEntry> entries,
                           List<StickPattern> patterns, List<String> skipped) {
        int n = patterns.stream().mapToInt(StickPattern::size).sum();
        int[] start = new int[entries.size() + 1];
        float[] tt = new float[n];
        float[] in = new float[n];
        short[] hh = new short[n];
        short[] kk = new short[n];
        short[] ll = new short[n];
        short[] mm = new short[n];
        int j = 0;
        for (int i = 0; i < patterns.size(); i++) {
            start[i] = j;
            for (Stick s : patterns.get(i).sticks()) {
                tt[j] = (float) s.twoTheta();
                in[j] = (float) s.intensity();
                hh[j] = toShort(s.h());
                kk[j] = toShort(s.k());
                ll[j] = toShort(s.l());
                mm[j] = toShort(s.multiplicity());
                j++;
            }
        }
        start[patterns.size()] = j;
        return new StickLibrary(wavelength, twoThetaMin, twoThetaMax, entries, start, tt, in, hh, kk, ll, mm, skipped);
    }

    private static short toShort(int v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException("stick index or multiplicity " + v + " does not fit the library's 16 bits");
        }
        return (short) v;
    }

    /** Several libraries simulated with the same wavelength and range, one after the other (AMCSD, then user folders). */
    public static StickLibrary concat(List<StickLibrary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no libraries to join");
        }
        StickLibrary first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        List<StructureEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int n = 0;
        for (StickLibrary p : parts) {
            if (!p.wavelength.equals(first.wavelength) || p.twoThetaMin != first.twoThetaMin || p.twoThetaMax != first.twoThetaMax) {
                throw new IllegalArgumentException("libraries simulated with different wavelengths or ranges cannot be joined");
            }
            entries.addAll(p.entries);
            skipped.addAll(p.skipped);
            n += p.stickCount();
        }
        int[] start = new int[entries.size() + 1];
        float[] tt = new float[n];
        float[] in = new float[n];
        short[] hh = new short[n];
        short[] kk = new short[n];
        short[] ll = new short[n];
        short[] mm = new short[n];
        int s = 0;
        int j = 0;
        for (StickLibrary p : parts) {
            for (int i = 0; i < p.size(); i++) {
                start[s + i] = j + p.start[i];
            }
            int m = p.stickCount();
            System.arraycopy(p.twoTheta, 0, tt, j, m);
            System.arraycopy(p.intensity, 0, in, j, m);
            System.arraycopy(p.h, 0, hh, j, m);
            System.arraycopy(p.k, 0, kk, j, m);
            System.arraycopy(p.l, 0, ll, j, m);
            System.arraycopy(p.multiplicity, 0, mm, j, m);
            s += p.size();
            j += m;
        }
        start[s] = j;
        return new StickLibrary(first.wavelength, first.twoThetaMin, first.twoThetaMax, entries, start, tt, in, hh, kk, ll, mm, skipped);
    }

    private static String key(String source, String block) {
        return source + "\u0000" + block;
    }

    /** The wavelength the sticks were placed for (Kα1 of a doublet). */
    public Wavelength wavelength() {
        return wavelength;
    }

    /** The simulated 2θ range in degrees: sticks outside it were not computed. */
    public double twoThetaMin() {
        return twoThetaMin;
    }

    public double twoThetaMax() {
        return twoThetaMax;
    }

    public int size() {
        return entries.size();
    }

    public StructureEntry entry(int i) {
        return entries.get(i);
    }

    public List<StructureEntry> entries() {
        return entries;
    }

    /** Blocks and files of the sources that could not be read or simulated, each with its reason. */
    public List<String> skipped() {
        return skipped;
    }

    public int stickCount() {
        return twoTheta.length;
    }

    public int firstStick(int i) {
        return start[i];
    }

    public int endStick(int i) {
        return start[i + 1];
    }

    public float twoTheta(int stick) {
        return twoTheta[stick];
    }

    public float dSpacing(int stick) {
        return d[stick];
    }

    /** Relative intensity, 0-100 within its structure. */
    public float intensity(int stick) {
        return intensity[stick];
    }

    public int h(int stick) {
        return h[stick];
    }

    public int k(int stick) {
        return k[stick];
    }

    public int l(int stick) {
        return l[stick];
    }

    public int multiplicity(int stick) {
        return multiplicity[stick];
    }

    /** The sticks of structure {@code i} as records, with its block name as the pattern's id. */
    public StickPattern sticks(int i) {
        List<Stick> out = new ArrayList<>(endStick(i) - firstStick(i));
        for (int j = start[i]; j < start[i + 1]; j++) {
            out.add(new Stick(twoTheta[j], d[j], h[j], k[j], l[j], multiplicity[j], intensity[j]));
        }
        return new StickPattern(entries.get(i).block(), wavelength, out);
    }

    public Phase phase(int i) {
        return new Phase(i, entries.get(i), sticks(i));
    }

    /** Every structure with its sticks, in library order. */
    public Stream<Phase> phases() {
        return IntStream.range(0, size()).mapToObj(this::phase);
    }

    /** Indices of the structures of one crystal system, in library order. */
    public int[] indicesOf(CrystalSystem system) {
        return IntStream.range(0, size()).filter(i -> entries.get(i).crystalSystem().filter(system::equals).isPresent()).toArray();
    }

    /** The index of a structure by its source library and block name. */
    public OptionalInt indexOf(String source, String block) {
        Integer i = byId.get(key(source, block));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    // package-private views for the file writer
    int[] starts() {
        return start;
    }

    float[] twoThetas() {
        return twoTheta;
    }

    float[] intensities() {
        return intensity;
    }

    short[][] indices() {
        return new short[][]{h, k, l, multiplicity};
    }

    @Override
    public String toString() {
        return size() + " structures, " + stickCount() + " sticks, " + wavelength + ", 2θ " + twoThetaMin + "-" + twoThetaMax + "°";
    }
}
