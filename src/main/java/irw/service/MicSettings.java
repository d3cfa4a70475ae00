package irw.service;

import irw.engine.mic.InversionSettings;
import irw.engine.mic.MicConfig;
import irw.engine.mic.TypeSelection;

/**
 * The knobs of a mic job, named and defaulted as the options of {@code irw mic train} and
 * {@code irw mic classify} (Hobbhahn: one generative LSTM per class, classification by gradient
 * descent on the generators' inputs).
 *
 * @param types          training items (types) per class ({@code --types}, 4)
 * @param selection      "clustered" or "random" ({@code --selection}, clustered)
 * @param hidden         LSTM cells per generator ({@code --hidden}, 20)
 * @param iterations     Adam steps per generator ({@code --iterations}, 1000)
 * @param copies         noisy copies of each type per step ({@code --copies}, 8)
 * @param learningRate   Adam learning rate ({@code --lr}, 0.01)
 * @param noiseIn        input noise standard deviation ({@code --noise-in}, 0.2)
 * @param noiseOut       target noise standard deviation ({@code --noise-out}, 0.1)
 * @param chunk          values per step for 1-D patterns ({@code --chunk}, 50)
 * @param trainPerClass  choose the types among the first N items of each class, 0 = all
 * @param testPerClass   classify the first N held-out items of each class, 0 = all
 * @param inversionSteps gradient steps on the generator input when classifying ({@code mic classify --steps}, 50)
 * @param inversionRate  step size on the input ({@code --rate}, 0.05)
 * @param plainGradient  rate x gradient instead of Adam's normalised step ({@code --plain-gradient}, false)
 * @param clip           keep the input in [0, 1] ({@code --no-clip} turns it off; true)
 */
public record MicSettings(int types, String selection, int hidden, int iterations, int copies, double learningRate, double noiseIn,
                          double noiseOut, int chunk, int trainPerClass, int testPerClass, int inversionSteps, double inversionRate,
                          boolean plainGradient, boolean clip) implements JobSettings {
    public static final MicSettings DEFAULTS = new MicSettings(4, "clustered", 20, 1000, 8, 0.01, 0.2, 0.1, 50, 0, 0, 50, 0.05, false, true);

    public MicConfig config(long seed) {
        return new MicConfig(types, TypeSelection.parse(selection), hidden, iterations, copies, learningRate, noiseIn, noiseOut, chunk, seed);
    }

    public InversionSettings inversion() {
        return new InversionSettings(inversionSteps, inversionRate, clip, !plainGradient);
    }
}
