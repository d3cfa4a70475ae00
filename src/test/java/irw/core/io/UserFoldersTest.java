package irw.core.io;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserFoldersTest {
    private static final Map<String, String> HOME = Map.of("user.home", "/home/ada");

    @Test
    void linuxFollowsTheXdgVariables() {
        UserFolders f = UserFolders.of(Map.of("XDG_CONFIG_HOME", "/x/config", "XDG_DATA_HOME", "/x/data",
                "XDG_CACHE_HOME", "/x/cache", "XDG_RUNTIME_DIR", "/run/user/1000"), HOME, "Linux");
        assertThat(f.configFolder()).isEqualTo(Path.of("/x/config/irw"));
        assertThat(f.dataFolder()).isEqualTo(Path.of("/x/data/irw"));
        assertThat(f.cacheFolder()).isEqualTo(Path.of("/x/cache/irw"));
        assertThat(f.runtimeFolder()).isEqualTo(Path.of("/run/user/1000/irw"));
    }

    @Test
    void withoutTheVariablesLinuxUsesTheSpecificationsDefaults() {
        UserFolders f = UserFolders.of(Map.of(), HOME, "Linux");
        assertThat(f.configFolder()).isEqualTo(Path.of("/home/ada/.config/irw"));
        assertThat(f.dataFolder()).isEqualTo(Path.of("/home/ada/.local/share/irw"));
        assertThat(f.cacheFolder()).isEqualTo(Path.of("/home/ada/.cache/irw"));
        // no runtime folder (cron, containers): a private folder in the cache instead
        assertThat(f.runtimeFolder()).isEqualTo(Path.of("/home/ada/.cache/irw/run"));
    }

    @Test
    void homeIsTheEnvironmentsAsInTheLauncherScript() {
        UserFolders f = UserFolders.of(Map.of("HOME", "/tmp/other-home"), HOME, "Linux");
        assertThat(f.configFolder()).isEqualTo(Path.of("/tmp/other-home/.config/irw"));
        assertThat(f.runtimeFolder()).isEqualTo(Path.of("/tmp/other-home/.cache/irw/run"));
    }

    @Test
    void relativeXdgValuesAreIgnoredAsTheSpecificationSays() {
        UserFolders f = UserFolders.of(Map.of("XDG_DATA_HOME", "relative/data", "XDG_RUNTIME_DIR", "run"), HOME, "Linux");
        assertThat(f.dataFolder()).isEqualTo(Path.of("/home/ada/.local/share/irw"));
        assertThat(f.runtimeFolder()).isEqualTo(Path.of("/home/ada/.cache/irw/run"));
    }

    @Test
    void systemPropertiesOverrideEachFolder() {
        UserFolders f = UserFolders.of(Map.of("XDG_CONFIG_HOME", "/x/config"), Map.of("user.home", "/home/ada",
                "irw.config.dir", "/t/cfg", "irw.data.dir", "/t/data", "irw.cache.dir", "/t/cache", "irw.runtime.dir", "/t/run"), "Linux");
        assertThat(f.configFolder()).isEqualTo(Path.of("/t/cfg"));
        assertThat(f.dataFolder()).isEqualTo(Path.of("/t/data"));
        assertThat(f.cacheFolder()).isEqualTo(Path.of("/t/cache"));
        assertThat(f.runtimeFolder()).isEqualTo(Path.of("/t/run"));
    }

    @Test
    void macOsAndWindowsUseTheirOwnPlaces() {
        UserFolders mac = UserFolders.of(Map.of("XDG_CONFIG_HOME", "/x/config"), HOME, "Mac OS X");
        assertThat(mac.configFolder()).isEqualTo(Path.of("/home/ada/Library/Application Support/irw"));
        assertThat(mac.cacheFolder()).isEqualTo(Path.of("/home/ada/Library/Caches/irw"));
        UserFolders windows = UserFolders.of(Map.of("APPDATA", "/w/Roaming", "LOCALAPPDATA", "/w/Local"), HOME, "Windows 11");
        assertThat(windows.configFolder()).isEqualTo(Path.of("/w/Roaming/irw"));
        assertThat(windows.dataFolder()).isEqualTo(Path.of("/w/Local/irw"));
        assertThat(windows.runtimeFolder()).isEqualTo(Path.of("/w/Local/irw/cache/run"));
    }
}
