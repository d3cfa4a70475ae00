package irw.xrd.search;

import irw.xrd.library.StructureEntry;

/**
 * One structure proposed for a phase.
 *
 * @param index     its index in the stick library
 * @param entry     what the library knows about it
 * @param score     the figure of merit, 0-1: {@code cosine × coverage}
 * @param cosine    cosine between the compressed measured signal (what is left of it, for phases 2 and 3) and the
 *                  structure's fitted, compressed profile
 * @param zeroShift the fitted zero shift, degrees 2θ
 * @param strain    the fitted isotropic strain: d = d_library × (1 + strain)
 * @param broadening its fitted peak width over the pattern's typical width (small crystallites give broad peaks)
 * @param coverage  the share of its (compressed, scaled) profile that was measured: low when it predicts
 *                  peaks where there are none
 */
public record Candidate(int index, StructureEntry entry, double score, double cosine, double zeroShift, double strain, double broadening,
                        double coverage) {
}
