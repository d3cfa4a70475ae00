package irw.service;

import irw.core.io.UserFolders;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a service starts.
 *
 * @param port        0 picks a free port (the chosen one is written to {@code <data-dir>/port})
 * @param bind        the address to listen on; anything but loopback needs {@code allowRemote}
 * @param concurrency jobs that run at the same time
 */
public record ServiceConfig(Path dataDir, String bind, int port, boolean allowRemote, int concurrency) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServiceConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address " + bind, e);
        }
        if (!address.isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException("binding to " + bind + " exposes the service beyond this machine;"
                    + " pass --allow-remote to do it on purpose (the token is still required)");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public static ServiceConfig local(Path dataDir) {
        return new ServiceConfig(dataDir, LOOPBACK, 0, false, 1);
    }

    public ServiceConfig withConcurrency(int jobs) {
        return new ServiceConfig(dataDir, bind, port, allowRemote, jobs);
    }

    /**
     * The default data directory: {@code service} in the user's data folder
     * ({@code $XDG_DATA_HOME/irw/service}, {@code ~/.local/share/irw/service} on Linux), never the
     * installation. A {@code ~/.irw/service} of an earlier version stays in use while the new one does
     * not exist, so its jobs and models are not lost.
     */
    public static Path defaultDataDir() {
        Path current = UserFolders.data().resolve("service");
        Path earlier = Path.of(System.getProperty("user.home"), ".irw", "service");
        return !Files.isDirectory(current) && Files.isDirectory(earlier) && System.getProperty("irw.data.dir") == null
                ? earlier : current;
    }
}
