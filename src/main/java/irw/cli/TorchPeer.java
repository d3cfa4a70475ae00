package irw.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch peer ({@code src/bench/peer/engine_peer.py --serve}) kept running for one bench, so that
 * ours and theirs are timed alternately on the same cores under the same load: one request
 * ("classifier resnet1d 56 1 3") at a time, answered by the seconds of each timed step. It sleeps
 * while our side runs.
 */
final class TorchPeer implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String version;

    private TorchPeer(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String header = readAnswer();
        if (header == null) {
            throw new IOException("the PyTorch peer ended before answering (is python3-torch installed? apt-get install python3-torch)");
        }
        this.version = header;
    }

    /** The peer started with {@code threads} threads, or empty (with the reason printed) when it cannot run here. */
    static Optional<TorchPeer> start(Path script, int threads) {
        Path found = script;
        if (found == null) {
            for (Path base : List.of(Path.of(""), Path.of(System.getProperty("irw.home", ".")))) {
                Path candidate = base.resolve("src/bench/peer/engine_peer.py");
                if (Files.exists(candidate)) {
                    found = candidate;
                    break;
                }
            }
        }
        if (found == null || !Files.exists(found)) {
            System.out.println("PyTorch peer: engine_peer.py not found (give --peer PATH); no ratios");
            return Optional.empty();
        }
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3"; // Debian's python3-torch lives there
        try {
            Process p = new ProcessBuilder(python, found.toString(), "--serve", "--threads", Integer.toString(threads))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return Optional.of(new TorchPeer(p));
        } catch (IOException e) {
            System.out.println("PyTorch peer: " + e.getMessage() + "; no ratios");
            return Optional.empty();
        }
    }

    /** "torch=1.13.0 threads=2". */
    String version() {
        return version;
    }

    /** Seconds of each timed repetition of the request, or empty (the peer's error printed) when it failed. */
    Optional<double[]> time(String request) throws IOException {
        in.write(request + "\n");
        in.flush();
        String answer = readAnswer();
        if (answer == null || !answer.startsWith("seconds=")) {
            System.out.println("  PyTorch peer, '" + request + "': " + (answer == null ? "ended" : answer));
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(answer.substring("seconds=".length()).split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    /** The next "PEER ..." line without its prefix (other lines are the peer's own messages and are echoed). */
    private String readAnswer() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PEER ")) {
                return line.substring(5).trim();
            }
            System.out.println("  peer: " + line);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // it has ended already
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
