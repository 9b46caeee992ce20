package io.legwatch.ui;

import io.legwatch.domain.TimeSource;
import javafx.stage.Stage;

/** The main window on a fake session, themed as the app themes it: how the TestFX tests open it. */
final class TestWindow {
    private TestWindow() {
    }

    /** Builds the window and attaches it to {@code stage} (not shown: the test sizes and shows it). */
    static MainWindow open(Stage stage, FakeSession session, TimeSource time) {
        Css.installTheme();
        MainWindow window = new MainWindow(session, null, time);
        window.attach(stage);
        return window;
    }
}
