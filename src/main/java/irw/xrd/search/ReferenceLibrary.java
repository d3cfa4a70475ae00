package irw.xrd.search;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.library.StickLibrary;
import irw.xrd.library.StickLibraryCache;
import irw.xrd.library.StructureSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The structures a pattern is searched against (the bundled AMCSD library and reference structures, and
 * any folders of the user's own CIFs), simulated for the pattern's radiation: once per anode, from the
 * on-disk cache after the first time. Thread-safe.
 */
public final class ReferenceLibrary {
    /** Stated wavelengths within this relative distance of Cu Kα1 share the Cu Kα library. */
    static final double SAME_ANODE = 1e-3;

    private final List<StructureSource> sources;
    private final Path cacheDir;
    private final StickLibraryCache.Progress progress;
    private final Map<Double, SearchMatch> byWavelength = new ConcurrentHashMap<>();

    public ReferenceLibrary(List<StructureSource> sources, Path cacheDir, StickLibraryCache.Progress progress) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no structure library to search");
        }
        this.sources = List.copyOf(sources);
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    /** The bundled AMCSD library and reference structures, then the user's folders or CIF files. */
    public static List<StructureSource> bundledWith(List<Path> userLibraries) {
        List<StructureSource> out = new ArrayList<>(List.of(StructureSource.bundledAmcsd(), StructureSource.bundledReferenceStructures()));
        userLibraries.forEach(p -> out.add(StructureSource.of(p)));
        return out;
    }

    public List<StructureSource> sources() {
        return sources;
    }

    /** The search for patterns measured with {@code w}: sticks placed for its Kα1 (Cu Kα for any Cu line). */
    public SearchMatch forWavelength(Wavelength w) throws IOException {
        Wavelength lib = libraryWavelength(w);
        SearchMatch m = byWavelength.get(lib.kAlpha1());
        if (m == null) {
            synchronized (this) {
                m = byWavelength.get(lib.kAlpha1());
                if (m == null) {
                    StickLibrary sticks = new StickLibraryCache(cacheDir, lib, StickLibraryCache.DEFAULT_MIN, StickLibraryCache.DEFAULT_MAX)
                            .load(sources, progress);
                    m = new SearchMatch(sticks);
                    byWavelength.put(lib.kAlpha1(), m);
                }
            }
        }
        return m;
    }

    static Wavelength libraryWavelength(Wavelength w) {
        return Math.abs(w.kAlpha1() / Wavelength.CU_KALPHA.kAlpha1() - 1) < SAME_ANODE ? Wavelength.CU_KALPHA : Wavelength.single(w.kAlpha1());
    }

    /** Identifies a pattern: its own stated wavelength, else {@code unstated}. */
    public SearchResult identify(Pattern pattern, Wavelength unstated, SearchSettings settings) throws IOException {
        Wavelength w = pattern.metadata().wavelength().orElse(unstated);
        return forWavelength(w).identify(pattern, w, settings);
    }
}
