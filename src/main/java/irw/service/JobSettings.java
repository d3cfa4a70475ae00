package irw.service;

/**
 * The kind-specific knobs of a job spec, the {@code hyperParameters} object of its JSON:
 * {@link HyperParameters} for classifier and refiner jobs, {@link RefinerySettings} for
 * label-refinery jobs, {@link MicSettings} for mic jobs.
 */
public sealed interface JobSettings permits HyperParameters, RefinerySettings, MicSettings {
}
