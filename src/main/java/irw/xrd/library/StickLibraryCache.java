package irw.xrd.library;

import irw.core.Wavelength;
import irw.xrd.physics.PowderSimulator;
import irw.xrd.physics.SimulationSettings;
import irw.xrd.physics.StickPattern;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Simulates each structure source once into sticks and keeps the result on disk, one file per source,
 * named by the source and a key: SHA-256 of the source's fingerprint (its files' bytes), the wavelength,
 * the 2θ range, the simulation settings and {@link #PHYSICS_VERSION}. A changed library, another
 * wavelength or a changed simulator builds anew; otherwise loading takes a fraction of a second.
 *
 * <p>The folder is {@code ~/.irw/cache}, or the system property {@code irw.cache.dir}, or the one given.
 */
public final class StickLibraryCache {
    /** Raise when the simulator or the metadata derivation changes, so that old caches are rebuilt. */
    static final int BUILD_VERSION = 2;
    /** The 2θ range simulated by default: d from 44 Å down to 0.80 Å with Cu Kα. */
    public static final double DEFAULT_MIN = 2;
    public static final double DEFAULT_MAX = 150;
    public static final String CACHE_DIR_PROPERTY = "irw.cache.dir";

    /** Progress of a build: what is done of how much, for one named step. */
    @FunctionalInterface
    public interface Progress {
        void update(String step, int done, int total);

        Progress NONE = (step, done, total) -> {
        };
    }

    private final Path dir;
    private final Wavelength wavelength;
    private final SimulationSettings settings;

    public StickLibraryCache(Path dir, Wavelength wavelength, double twoThetaMin, double twoThetaMax) {
        this.dir = dir;
        this.wavelength = wavelength;
        this.settings = SimulationSettings.defaults().withWavelength(wavelength).withRange(twoThetaMin, twoThetaMax);
    }

    /** The default folder, 2-150° and the given wavelength. */
    public static StickLibraryCache forWavelength(Wavelength wavelength) {
        return new StickLibraryCache(defaultDir(), wavelength, DEFAULT_MIN, DEFAULT_MAX);
    }

    public static Path defaultDir() {
        String prop = System.getProperty(CACHE_DIR_PROPERTY);
        return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".irw", "cache");
    }

    public Path dir() {
        return dir;
    }

    /** The sources' sticks joined in the order given, each loaded from the cache or built and cached. */
    public StickLibrary load(List<StructureSource> sources, Progress progress) throws IOException {
        List<StickLibrary> parts = new ArrayList<>();
        for (StructureSource s : sources) {
            parts.add(load(s, progress));
        }
        return StickLibrary.concat(parts);
    }

    public StickLibrary load(StructureSource source, Progress progress) throws IOException {
        String key = key(source);
        Path file = fileFor(source, key);
        if (Files.isRegularFile(file)) {
            try {
                return StickLibraryFile.read(file, key);
            } catch (IOException damaged) {
                // a damaged or foreign cache file is rebuilt, never trusted
            }
        }
        StickLibrary lib = build(source, progress);
        StickLibraryFile.write(file, lib, key);
        return lib;
    }

    /** The file a source's sticks are cached in. */
    public Path fileFor(StructureSource source) throws IOException {
        return fileFor(source, key(source));
    }

    private Path fileFor(StructureSource source, String key) {
        String safe = source.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve("sticks-" + safe + "-" + key.substring(0, 16) + ".bin");
    }

    String key(StructureSource source) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        SimulationSettings st = settings;
        String description = String.join("\n", source.fingerprint(),
                "wavelength " + st.wavelength().kAlpha1() + " " + st.wavelength().kAlpha2().map(String::valueOf).orElse("-") + " "
                        + st.wavelength().kAlpha2Ratio() + " " + st.wavelength().anode().orElse("-"),
                "range " + st.twoThetaMin() + " " + st.twoThetaMax(),
                "settings " + st.debyeWaller() + " " + st.scattering() + " " + st.monochromatorTwoTheta() + " " + st.texture().isPresent()
                        + " " + st.multiplicity(),
                "build " + BUILD_VERSION, "format " + StickLibraryFile.VERSION);
        return HexFormat.of().formatHex(sha.digest(description.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads and simulates every structure of a source (in parallel on the common pool); interruption cancels. */
    public StickLibrary build(StructureSource source, Progress progress) throws IOException {
        progress.update("reading " + source.name(), 0, 1);
        StructureSource.Contents contents = source.read();
        int n = contents.structures().size();
        PowderSimulator simulator = new PowderSimulator();
        StickPattern[] patterns = new StickPattern[n];
        String[] failures = new String[n];
        AtomicInteger done = new AtomicInteger();
        Thread caller = Thread.currentThread();
        String step = "simulating " + source.name();
        progress.update(step, 0, n);
        IntStream.range(0, n).parallel().forEach(i -> {
            if (caller.isInterrupted()) {
                return;
            }
            try {
                patterns[i] = simulator.simulate(contents.structures().get(i), settings);
            } catch (RuntimeException e) {
                failures[i] = contents.entries().get(i).block() + ": could not be simulated: " + e;
            }
            int d = done.incrementAndGet();
            if (d % 200 == 0 || d == n) {
                progress.update(step, d, n);
            }
        });
        if (caller.isInterrupted()) {
            throw new InterruptedIOException("building the stick library of " + source.name() + " was cancelled");
        }
        List<StructureEntry> entries = new ArrayList<>();
        List<StickPattern> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>(contents.skipped());
        for (int i = 0; i < n; i++) {
            if (patterns[i] != null) {
                entries.add(contents.entries().get(i));
                kept.add(patterns[i]);
            } else {
                skipped.add(failures[i]);
            }
        }
        return StickLibrary.of(wavelength, settings.twoThetaMin(), settings.twoThetaMax(), entries, kept, skipped);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "stick cache %s (%s, 2θ %.1f-%.1f°)", dir, wavelength, settings.twoThetaMin(), settings.twoThetaMax());
    }
}
