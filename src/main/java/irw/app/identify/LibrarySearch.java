package irw.app.identify;

import irw.app.task.TaskContext;
import irw.app.workbench.BestMatch;
import irw.core.Pattern;
import irw.core.Wavelength;
import irw.xrd.library.StickLibraryCache;
import irw.xrd.search.Candidate;
import irw.xrd.search.MatchedPhase;
import irw.xrd.search.PhaseMatch;
import irw.xrd.search.ReferenceLibrary;
import irw.xrd.search.SearchResult;
import irw.xrd.search.SearchSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The reference library behind the Identify view, loaded on the first search (simulated once and cached,
 * progress and cancel through the running task), and how its results read in tables and status lines.
 */
final class LibrarySearch {
    private final List<Path> userLibraries;
    private final Path cacheDir;
    private volatile ReferenceLibrary library;
    private volatile TaskContext reporting;

    /**
     * @param userLibraries folders (or CIF files) of the user's own structures, searched with the bundled ones
     * @param cacheDir      where the simulated library is kept ({@link StickLibraryCache#defaultDir()})
     * @param library       a library already loaded, or null to load it on the first search
     */
    LibrarySearch(List<Path> userLibraries, Path cacheDir, ReferenceLibrary library) {
        this.userLibraries = List.copyOf(userLibraries);
        this.cacheDir = cacheDir;
        this.library = library;
    }

    /** Searches {@code raw} measured with {@code w}; the running task {@code ctx} reports a first library load. */
    SearchResult search(Pattern raw, Wavelength w, TaskContext ctx) throws java.io.IOException {
        return library(ctx).identify(raw.withMetadata(raw.metadata().withWavelength(w)), w, SearchSettings.defaults());
    }

    private synchronized ReferenceLibrary library(TaskContext ctx) {
        reporting = ctx;
        if (library == null) {
            // the first search of a radiation simulates the library (20-40 s) and caches it; the running task reports it
            library = new ReferenceLibrary(ReferenceLibrary.bundledWith(userLibraries), cacheDir, (step, done, total) -> {
                TaskContext now = reporting;
                if (now.isCancelled()) {
                    throw new CancellationException("cancelled while " + step);
                }
                now.updateMessage(step + " (once; kept in " + cacheDir + ")");
                now.updateProgress(done, Math.max(1, total));
            });
        }
        return library;
    }

    /**
     * A candidate's sticks as the search fitted them, or null before the library is loaded (no search yet:
     * the library for this wavelength is the one the search that found the candidate loaded).
     */
    MatchedPhase matched(Candidate c, Wavelength w, double fwhm) {
        ReferenceLibrary loaded = library;
        if (loaded == null) {
            return null;
        }
        try {
            return new MatchedPhase(loaded.forWavelength(w).library(), c, w, fwhm);
        } catch (java.io.IOException unreachable) {
            throw new java.io.UncheckedIOException(unreachable);
        }
    }

    /** The Data table's "best match" of a result, or null when nothing matched. */
    static BestMatch bestMatch(SearchResult r) {
        return r.best().map(c -> new BestMatch(label(c), c.entry().crystalSystemLabel(), c.score(), r.closeMatch())).orElse(null);
    }

    /** A candidate by mineral name and formula, or the formula alone. */
    static String label(Candidate c) {
        String m = c.entry().mineral();
        return m == null || m.isBlank() ? c.entry().formula() : m + " (" + c.entry().formula() + ")";
    }

    /** The phases found, for the status line. */
    static String summary(SearchResult r) {
        if (r.phases().isEmpty()) {
            return "no peaks above the noise";
        }
        StringBuilder s = new StringBuilder();
        for (PhaseMatch p : r.phases()) {
            s.append(s.length() == 0 ? "" : " + ").append(p.closeMatch() ? "" : "no close match; nearest ").append(label(p.best()));
        }
        return s.toString();
    }
}
