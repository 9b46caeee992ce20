package io.legwatch.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void missingFileGivesDefaults() {
        assertThat(SettingsStore.load(dir.resolve("none.json"))).isEqualTo(UserSettings.DEFAULT);
    }

    @Test
    void brokenFileGivesDefaultsInsteadOfFailingTheStart() throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{ this is not json");
        assertThat(SettingsStore.load(f)).isEqualTo(UserSettings.DEFAULT);
        Files.writeString(f, "{\"window\":{\"width\":-5,\"height\":10}}");
        assertThat(SettingsStore.load(f)).isEqualTo(UserSettings.DEFAULT);
    }

    @Test
    void roundTripsWindowAndColumnWidths() throws Exception {
        Path f = dir.resolve("sub/settings.json");
        UserSettings s = UserSettings.DEFAULT.withWindow(10, 20, 1000, 700, true).withColumnWidth("usd", 123.5);
        SettingsStore.write(f, s);
        assertThat(SettingsStore.load(f)).isEqualTo(s);
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f); // no temp file left behind
        }
    }

    @Test
    void roundTripsTheAlarmMuteAndAnOlderFileWithoutItIsUnmuted() throws Exception {
        Path f = dir.resolve("mute.json");
        SettingsStore.write(f, UserSettings.DEFAULT.withAlarmMuted(true));
        assertThat(SettingsStore.load(f).alarmMuted()).isTrue();
        Files.writeString(f, "{\"window\":{\"width\":800,\"height\":600}}");
        assertThat(SettingsStore.load(f).alarmMuted()).isFalse();
    }

    @Test
    void updatesAreSavedOnceAfterTheDebounceAndOnClose() throws Exception {
        Path f = dir.resolve("settings.json");
        // A long debounce: nothing is written while changes keep coming; close() writes the final state.
        SettingsStore store = new SettingsStore(f, Duration.ofHours(1));
        for (int i = 1; i <= 50; i++) {
            double w = 500 + i;
            store.update(s -> s.withWindow(0, 0, w, 600, false));
        }
        assertThat(f).doesNotExist();
        store.close();
        assertThat(SettingsStore.load(f).windowWidth()).isEqualTo(550);
        assertThat(SettingsStore.load(f).columnWidths()).isEqualTo(Map.of());
    }

    @Test
    void debouncedSaveHappensWithoutFlush() throws Exception {
        Path f = dir.resolve("settings.json");
        try (SettingsStore store = new SettingsStore(f, Duration.ofMillis(20))) {
            store.update(s -> s.withColumnWidth("venue", 90));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(f) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(SettingsStore.load(f).columnWidths()).containsEntry("venue", 90.0);
        }
    }

    @Test
    void homeFollowsTheOverrideThenTheOs() {
        Map<String, String> env = Map.of("APPDATA", "C:\\Users\\t\\AppData\\Roaming");
        assertThat(AppDirs.resolveHome("/x/y", "Linux", "/home/t", env)).isEqualTo(Path.of("/x/y"));
        assertThat(AppDirs.resolveHome(null, "Linux", "/home/t", Map.of()))
                .isEqualTo(Path.of("/home/t/.local/share/legwatch"));
        assertThat(AppDirs.resolveHome(null, "Mac OS X", "/Users/t", Map.of()))
                .isEqualTo(Path.of("/Users/t/Library/Application Support/Legwatch"));
        assertThat(AppDirs.resolveHome(null, "Windows 11", "C:\\Users\\t", env))
                .isEqualTo(Path.of("C:\\Users\\t\\AppData\\Roaming", "Legwatch"));
    }
}
