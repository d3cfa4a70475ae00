package irw.xrd.search;

import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.io.PatternReaders;
import irw.xrd.library.StickLibraryCache;

import java.nio.file.Path;
import java.util.List;

/**
 * The bundled AMCSD library plus {@code reference-structures/}, simulated once per test JVM and cached in
 * {@code target/stick-cache} (the first build of a clean checkout takes 20-40 s; later runs load it in
 * well under a second).
 */
public final class BundledLibrary {
    public static final Path CACHE = Path.of("target/stick-cache");
    private static ReferenceLibrary library;

    private BundledLibrary() {
    }

    public static synchronized ReferenceLibrary get() {
        if (library == null) {
            library = new ReferenceLibrary(ReferenceLibrary.bundledWith(List.of()), CACHE, StickLibraryCache.Progress.NONE);
        }
        return library;
    }

    public static SearchMatch cuKAlpha() throws Exception {
        return get().forWavelength(Wavelength.CU_KALPHA);
    }

    public static Pattern read(String path) throws Exception {
        return PatternReaders.read(Path.of(path)).get(0);
    }

    private static final java.util.Map<String, SearchResult> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The default search of a bundled file; each file is searched once per test JVM. */
    public static SearchResult identify(String path) throws Exception {
        SearchResult r = RESULTS.get(path);
        if (r == null) {
            r = get().identify(read(path), Wavelength.CU_KALPHA, SearchSettings.defaults());
            RESULTS.put(path, r);
        }
        return r;
    }
}
