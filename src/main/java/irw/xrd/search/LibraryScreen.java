package irw.xrd.search;

import irw.xrd.library.StickLibrary;

import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The fast first pass over the whole library: for each structure, the cosine between the compressed
 * measured signal z and the structure's compressed sticks drawn as Gaussians of a generous width W,
 * maximised over a coarse grid of zero shifts and isotropic strains. Both parts of the cosine come
 * from the sticks alone, without drawing a profile:
 * <pre>
 *   z·r   = Σ_j a_j (z ⋆ g)(x_j + δ)               one look-up per stick
 *   |r|²  = Σ_j Σ_k a_j a_k (g ⋆ g)(x_j − x_k)/h   pairs closer than a few W, once per structure
 * </pre>
 * with g a unit-height Gaussian, a_j = I_j^p and h the profile's step. The screen only has to keep the
 * right structure among the few hundred that {@link ProfileFit} then fits closely.
 */
final class LibraryScreen {
    /** A structure's best screen score and where (zero shift, strain) it was reached. */
    record Hit(int index, double score, double zeroShift, double strain, double broadening) {
    }


    private static final double MIN_INTENSITY = 0.1; // sticks below 0.1 % of the strongest take no part in the screen

    private final StickLibrary lib;
    private final StickPositions sticks;

    LibraryScreen(StickLibrary lib, StickPositions sticks) {
        this.lib = lib;
        this.sticks = sticks;
    }

    /** The {@code keep} best structures among those {@code allowed}, best first. */
    Hit[] screen(MeasuredProfile profile, double[] z, SearchSettings settings, IntPredicate allowed, int keep) {
        double zNorm = norm(z);
        if (zNorm == 0) {
            return new Hit[0];
        }
        double[] shifts = grid(settings.maxZeroShift(), 0.2);
        double[] strains = grid(settings.maxStrain(), 0.0075);
        double lo = profile.start() - settings.maxZeroShift() - 1;
        double hi = profile.end() + settings.maxZeroShift() + 1;
        double width = Math.max(1.5 * profile.fwhm(), 0.2);
        // a second look with broad peaks when the pattern holds a broad phase (small crystallites)
        double broad = Math.sqrt(profile.maxBroadening());
        Width sharp = new Width(width, profile, z);
        Width wide = broad >= 1.5 ? new Width(broad * width, profile, z) : null;
        return IntStream.range(0, lib.size()).parallel().filter(allowed)
                .mapToObj(i -> {
                    Hit a = score(i, profile, sharp, zNorm, shifts, strains, lo, hi, 1);
                    if (wide == null) {
                        return a;
                    }
                    Hit b = score(i, profile, wide, zNorm, shifts, strains, lo, hi, broad * broad);
                    return b.score() > a.score() ? b : a;
                })
                .filter(h -> h.score() > 0)
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .limit(keep).toArray(Hit[]::new);
    }

    /** What the screen needs for one Gaussian width: the smoothed signal and the pair-overlap table. */
    private static final class Width {
        final double sigma;
        final double[] zc;
        final double[] overlap;

        Width(double fwhm, MeasuredProfile profile, double[] z) {
            sigma = fwhm / (2 * Math.sqrt(2 * Math.log(2)));
            zc = convolve(z, profile.step(), sigma);
            overlap = pairTable(sigma);
        }
    }

    private Hit score(int i, MeasuredProfile p, Width w, double zNorm, double[] shifts, double[] strains, double lo, double hi,
                      double broadening) {
        double[] zc = w.zc;
        double sigma = w.sigma;
        double[] overlap = w.overlap;
        int from = lib.firstStick(i);
        int to = lib.endStick(i);
        double[] num = new double[shifts.length * strains.length];
        double start = p.start();
        double step = p.step();
        int n = zc.length;
        // |r|² from pairs of sticks in range: (g ⋆ g)(Δ) = σ√π exp(−Δ²/4σ²) for unit-height Gaussians
        double pairs = 0;
        double reach = 6 * sigma;
        boolean any = false;
        while (from < to && sticks.twoTheta[from] < lo) {
            from++;
        }
        double tableScale = (overlap.length - 1) / (6 * sigma);
        for (int j = from; j < to; j++) {
            float x = sticks.twoTheta[j];
            if (!(x <= hi)) {
                break; // sticks run in increasing 2θ (NaN last)
            }
            if (lib.intensity(j) < MIN_INTENSITY) {
                continue;
            }
            any = true;
            double a = sticks.weight[j];
            pairs += a * a;
            for (int k = j + 1; k < to; k++) {
                float xk = sticks.twoTheta[k];
                if (!(xk - x < reach)) {
                    break;
                }
                if (lib.intensity(k) >= MIN_INTENSITY && xk <= hi) {
                    pairs += 2 * a * sticks.weight[k] * overlap[(int) ((xk - x) * tableScale)];
                }
            }
            float slope = sticks.strainSlope[j];
            int c = 0;
            for (double eps : strains) {
                double xe = x + slope * eps;
                for (double delta : shifts) {
                    double u = (xe + delta - start) / step;
                    int i0 = (int) Math.floor(u);
                    if (i0 >= 0 && i0 < n - 1) {
                        double t = u - i0;
                        num[c] += a * (zc[i0] * (1 - t) + zc[i0 + 1] * t);
                    }
                    c++;
                }
            }
        }
        if (!any) {
            return new Hit(i, 0, 0, 0, broadening);
        }
        double rNorm = Math.sqrt(pairs * sigma * Math.sqrt(Math.PI) / step);
        int best = 0;
        for (int c = 1; c < num.length; c++) {
            if (num[c] > num[best]) {
                best = c;
            }
        }
        return new Hit(i, num[best] / (rNorm * zNorm), shifts[best % shifts.length], strains[best / shifts.length], broadening);
    }

    /** exp(−Δ²/4σ²) for Δ from 0 to 6σ in 1,024 steps. */
    private static double[] pairTable(double sigma) {
        double[] t = new double[1025];
        for (int i = 0; i < t.length; i++) {
            double dx = 6 * sigma * i / (t.length - 1);
            t[i] = Math.exp(-dx * dx / (4 * sigma * sigma));
        }
        return t;
    }

    /** −max, …, 0, …, +max in steps of at most {@code step}. */
    static double[] grid(double max, double step) {
        int k = (int) Math.ceil(max / step - 1e-9);
        double[] g = new double[2 * k + 1];
        for (int i = -k; i <= k; i++) {
            g[i + k] = k == 0 ? 0 : max * i / k;
        }
        return g;
    }

    /** (z ⋆ g)(x_i) = Σ_m z_m exp(−(x_m − x_i)²/2σ²) on the profile's own points. */
    static double[] convolve(double[] z, double step, double sigma) {
        int half = (int) Math.ceil(4 * sigma / step);
        double[] kernel = new double[2 * half + 1];
        for (int m = -half; m <= half; m++) {
            double dx = m * step;
            kernel[m + half] = Math.exp(-dx * dx / (2 * sigma * sigma));
        }
        double[] out = new double[z.length];
        for (int m = 0; m < z.length; m++) {
            if (z[m] == 0) {
                continue;
            }
            int a = Math.max(0, m - half);
            int b = Math.min(z.length - 1, m + half);
            for (int i = a; i <= b; i++) {
                out[i] += z[m] * kernel[m - i + half];
            }
        }
        return out;
    }

    static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    }
}
