package irw.app.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import irw.core.io.AtomicFiles;
import irw.core.io.UserFolders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link WorkbenchSettings} as JSON in the user's config directory
 * ({@link UserFolders#config()}: {@code $XDG_CONFIG_HOME/irw} or {@code ~/.config/irw} on Linux;
 * {@code -Dirw.config.dir} overrides it). Writes are atomic, so a crash never leaves half a file.
 */
public final class SettingsStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore inUserConfigDir() {
        return new SettingsStore(defaultDirectory().resolve("settings.json"));
    }

    public static Path defaultDirectory() {
        return UserFolders.config();
    }

    public Path file() {
        return file;
    }

    /** The stored settings, or defaults when there are none or the file is unreadable. */
    public WorkbenchSettings load() {
        if (!Files.isRegularFile(file)) {
            return new WorkbenchSettings();
        }
        try {
            return JSON.readValue(file.toFile(), WorkbenchSettings.class);
        } catch (IOException e) {
            // A damaged settings file must not keep the workbench from starting: start with defaults.
            return new WorkbenchSettings();
        }
    }

    public void save(WorkbenchSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, JSON.writeValueAsString(settings));
    }
}
