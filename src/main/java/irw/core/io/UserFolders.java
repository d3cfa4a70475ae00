package irw.core.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user's own folders for the workbench: never the installation folder, which a packaged app
 * may not write (and which an upgrade replaces).
 * <ul>
 *   <li>config: settings ({@code settings.json});</li>
 *   <li>data: the training service's folder (jobs, checkpoints, trained models) and downloaded models;</li>
 *   <li>cache: what can be rebuilt, such as the extracted native libraries;</li>
 *   <li>runtime: the running workbench's lock and hand-over address (owner-only, gone at log-out).</li>
 * </ul>
 * On Linux and other Unix systems these follow the XDG Base Directory specification
 * ({@code XDG_CONFIG_HOME}, {@code XDG_DATA_HOME}, {@code XDG_CACHE_HOME}, {@code XDG_RUNTIME_DIR},
 * each under {@code irw/}); macOS and Windows use their own places. The system properties
 * {@code irw.config.dir}, {@code irw.data.dir}, {@code irw.cache.dir} and {@code irw.runtime.dir}
 * override each folder (the tests and the packaged smoke test use them).
 */
public final class UserFolders {
    private static final String APP = "irw";
    private final Function<String, String> env;
    private final Function<String, String> properties;
    private final String os;

    UserFolders(Function<String, String> env, Function<String, String> properties, String osName) {
        this.env = env;
        this.properties = properties;
        this.os = osName.toLowerCase(Locale.ROOT);
    }

    /** The folders of this process (its environment and system properties). */
    public static UserFolders current() {
        return new UserFolders(System::getenv, System::getProperty, System.getProperty("os.name", ""));
    }

    /** The folders an environment and a set of properties give, for the tests. */
    static UserFolders of(Map<String, String> env, Map<String, String> properties, String osName) {
        return new UserFolders(env::get, properties::get, osName);
    }

    public static Path config() {
        return current().configFolder();
    }

    public static Path data() {
        return current().dataFolder();
    }

    public static Path cache() {
        return current().cacheFolder();
    }

    public static Path runtime() {
        return current().runtimeFolder();
    }

    Path configFolder() {
        return override("irw.config.dir").orElseGet(() -> {
            if (isWindows()) {
                return windowsFolder("APPDATA", "AppData", "Roaming");
            }
            if (isMac()) {
                return home().resolve("Library/Application Support").resolve(APP);
            }
            return xdg("XDG_CONFIG_HOME", ".config");
        });
    }

    Path dataFolder() {
        return override("irw.data.dir").orElseGet(() -> {
            if (isWindows()) {
                return windowsFolder("LOCALAPPDATA", "AppData", "Local");
            }
            if (isMac()) {
                return home().resolve("Library/Application Support").resolve(APP);
            }
            return xdg("XDG_DATA_HOME", ".local/share");
        });
    }

    Path cacheFolder() {
        return override("irw.cache.dir").orElseGet(() -> {
            if (isWindows()) {
                return windowsFolder("LOCALAPPDATA", "AppData", "Local").resolve("cache");
            }
            if (isMac()) {
                return home().resolve("Library/Caches").resolve(APP);
            }
            return xdg("XDG_CACHE_HOME", ".cache");
        });
    }

    /**
     * {@code $XDG_RUNTIME_DIR/irw}; where the session has no runtime folder (a container, a cron
     * job, Windows, macOS), a {@code run} folder in the cache folder.
     */
    Path runtimeFolder() {
        return override("irw.runtime.dir").orElseGet(() -> {
            String xdg = env.apply("XDG_RUNTIME_DIR");
            // The specification: only an absolute path counts; a relative one is ignored.
            if (!isWindows() && !isMac() && xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg).resolve(APP);
            }
            return cacheFolder().resolve("run");
        });
    }

    private Optional<Path> override(String property) {
        String value = properties.apply(property);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private Path xdg(String variable, String fallbackUnderHome) {
        String value = env.apply(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value).resolve(APP);
        }
        return home().resolve(fallbackUnderHome).resolve(APP);
    }

    private Path windowsFolder(String variable, String... fallbackUnderHome) {
        String value = env.apply(variable);
        Path base = value != null && !value.isBlank() ? Path.of(value) : home().resolve(String.join("/", fallbackUnderHome));
        return base.resolve(APP);
    }

    /**
     * {@code $HOME} on Unix, as the XDG specification and the launcher script use it (the JVM's
     * {@code user.home} comes from the password database and differs when HOME was changed).
     */
    private Path home() {
        String env = isWindows() ? null : this.env.apply("HOME");
        if (env != null && !env.isBlank() && Path.of(env).isAbsolute()) {
            return Path.of(env);
        }
        String home = properties.apply("user.home");
        return Path.of(home == null ? "" : home);
    }

    private boolean isWindows() {
        return os.startsWith("windows");
    }

    private boolean isMac() {
        return os.startsWith("mac");
    }
}
