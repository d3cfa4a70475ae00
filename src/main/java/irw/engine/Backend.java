package irw.engine;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Which ND4J backend this process computes on: CUDA with the GPU's name when the build used the
 * {@code cuda} profile and a GPU answered, else the CPU. Asking loads ND4J (a second or two, once).
 */
public final class Backend {
    private static volatile String[] cached;

    private Backend() {
    }

    /** "CUDA" or "CPU". */
    public static String kind() {
        return probe()[0];
    }

    /** The GPU's name on CUDA, else the CPU's model name and core count. */
    public static String deviceName() {
        return probe()[1];
    }

    /** One line for status bars and logs, e.g. "CUDA: NVIDIA H100 80GB HBM3" or "CPU: AMD EPYC 7B13 (2 cores)". */
    public static String describe() {
        return kind() + ": " + deviceName();
    }

    private static String[] probe() {
        String[] result = cached;
        if (result == null) {
            synchronized (Backend.class) {
                if (cached == null) {
                    cached = ask();
                }
                result = cached;
            }
        }
        return result;
    }

    private static String[] ask() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String backend = String.valueOf(env.getOrDefault(Nd4jEnvironment.BACKEND_KEY, ""));
        String backendClass = Nd4j.getBackend().getClass().getSimpleName();
        boolean cuda = backend.toUpperCase().contains("CUDA") || backendClass.contains("Cublas") || !Nd4j.getEnvironment().isCPU();
        if (cuda) {
            return new String[]{"CUDA", gpuName(env)};
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new String[]{"CPU", cpuModel() + " (" + cores + " cores)"};
    }

    private static String gpuName(Properties env) {
        Object devices = env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object name = first.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
            if (name != null) {
                return name + (list.size() > 1 ? " (+" + (list.size() - 1) + " more)" : "");
            }
        }
        return "unnamed CUDA device";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | SecurityException ignored) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch");
    }
}
