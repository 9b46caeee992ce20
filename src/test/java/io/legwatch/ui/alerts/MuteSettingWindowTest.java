package io.legwatch.ui.alerts;

import io.legwatch.config.SettingsStore;
import io.legwatch.config.UserSettings;
import io.legwatch.domain.TimeSource;
import io.legwatch.ui.Css;
import io.legwatch.ui.FakeSession;
import io.legwatch.ui.MainWindow;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The mute toggle comes back as the trader left it: a muted alarm stays muted after a restart, and unmuting is saved. */
@ExtendWith(ApplicationExtension.class)
class MuteSettingWindowTest {
    @TempDir
    static Path dir;
    private SettingsStore store;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Css.installTheme();
        Path file = dir.resolve("settings.json");
        // As a previous run left it: muted.
        Files.writeString(file, "{\"window\":{\"width\":1000,\"height\":700},\"alarm\":{\"muted\":true}}");
        store = new SettingsStore(file, Duration.ofHours(1));
        window = new MainWindow(new FakeSession(), store, TimeSource.SYSTEM);
        window.attach(stage);
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void startsMutedAsSavedAndSavesTheUnmute(FxRobot robot) {
        ToggleButton mute = robot.lookup("#mute-alarm").queryAs(ToggleButton.class);
        assertThat(mute.isSelected()).isTrue();
        assertThat(window.sound().mutedProperty().get()).isTrue();

        robot.clickOn(mute);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.sound().mutedProperty().get()).isFalse();
        assertThat(store.get().alarmMuted()).isFalse();
        store.flush();
        try (SettingsStore nextRun = new SettingsStore(dir.resolve("settings.json"), Duration.ofHours(1))) {
            assertThat(nextRun.get().alarmMuted()).isFalse();
        }
        assertThat(UserSettings.DEFAULT.alarmMuted()).isFalse();
    }
}
