package irw.engine.mic;

/**
 * Training settings of the class generators (paper section 3.2 and 3.5).
 *
 * @param types         training items per class, each with its own one-hot input ("types", 3.2: four)
 * @param selection     how the types are chosen (3.5.1)
 * @param hidden        LSTM cells per generator (3.2: 20 for MNIST)
 * @param iterations    Adam steps per generator (3.2 trains 20,000 episodes; far fewer suffice for a
 *                      usable model and keep a CPU run to minutes)
 * @param copiesPerType noisy copies of each type per mini-batch (so one step averages several noise draws)
 * @param learningRate  Adam learning rate (3.2: 0.01)
 * @param noiseIn       standard deviation of the Gaussian noise on the one-hot input, which is then
 *                      clipped to [0, 1] (3.5.2; the best MNIST model used 0.2)
 * @param noiseOut      standard deviation of the Gaussian noise on the target sequence (3.5.2; best 0.1)
 * @param chunk         step width for 1-D patterns (ignored for images, which are read row by row)
 * @param seed          seed of the type choice, the weights and the noise
 */
public record MicConfig(int types, TypeSelection selection, int hidden, int iterations, int copiesPerType, double learningRate,
                        double noiseIn, double noiseOut, int chunk, long seed) {
    public MicConfig {
        if (types < 1 || hidden < 1 || iterations < 1 || copiesPerType < 1 || chunk < 1) {
            throw new IllegalArgumentException("types, hidden, iterations, copies per type and chunk must be >= 1");
        }
        if (!(learningRate > 0) || !(noiseIn >= 0) || !(noiseOut >= 0)) {
            throw new IllegalArgumentException("learning rate must be > 0 and noise levels >= 0 (got " + learningRate + ", " + noiseIn
                    + ", " + noiseOut + ")");
        }
        if (selection == null) {
            throw new IllegalArgumentException("a type selection (clustered or random) is required");
        }
    }

    /** The paper's MNIST setting (clustered, 4 types, 20 cells, lr 0.01, noise in 0.2 / out 0.1) with a CPU-sized step count. */
    public static MicConfig paper(int iterations, long seed) {
        return new MicConfig(4, TypeSelection.CLUSTERED, 20, iterations, 8, 0.01, 0.2, 0.1, 50, seed);
    }

    /** The seed of class k's generator. */
    long classSeed(int k) {
        return seed * 7919L + k;
    }
}
