package io.legwatch.ui;

import io.legwatch.config.SettingsStore;
import io.legwatch.config.UserSettings;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TreeTableColumn;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/**
 * Restores the window's size, position and column widths from the user settings, and records
 * changes back (the store debounces and writes atomically).
 */
final class WindowStatePersister {
    private final SettingsStore store;

    WindowStatePersister(SettingsStore store) {
        this.store = store;
    }

    void restoreAndTrack(Stage stage, List<? extends TreeTableColumn<?, ?>> columns) {
        UserSettings s = store.get();
        // A size saved on a larger monitor must not open the window bigger than this screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(Math.max(s.windowWidth(), stage.getMinWidth()), screen.getWidth()));
        stage.setHeight(Math.min(Math.max(s.windowHeight(), stage.getMinHeight()), screen.getHeight()));
        if (s.hasWindowPosition() && onSomeScreen(s)) {
            stage.setX(s.windowX());
            stage.setY(s.windowY());
        }
        stage.setMaximized(s.maximized());
        for (TreeTableColumn<?, ?> c : columns) {
            Double w = s.columnWidths().get(c.getId());
            if (w != null && c.getId() != null) {
                c.setPrefWidth(w);
            }
            c.widthProperty().addListener((obs, o, width) -> {
                if (c.getId() != null && width.doubleValue() > 0) {
                    store.update(x -> x.withColumnWidth(c.getId(), Math.round(width.doubleValue())));
                }
            });
        }
        Runnable record = () -> {
            // Only a window the user sees and sizes: while it is being mapped or hidden, window
            // managers report transient sizes that must not become the next start's size.
            if (!stage.isShowing() || stage.getWidth() < stage.getMinWidth() || stage.getHeight() < stage.getMinHeight()) {
                return;
            }
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                store.update(x -> x.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
            } else if (stage.isMaximized()) {
                store.update(x -> x.withWindow(x.windowX(), x.windowY(), x.windowWidth(), x.windowHeight(), true));
            }
        };
        stage.xProperty().addListener((obs, o, n) -> record.run());
        stage.yProperty().addListener((obs, o, n) -> record.run());
        stage.widthProperty().addListener((obs, o, n) -> record.run());
        stage.heightProperty().addListener((obs, o, n) -> record.run());
        stage.maximizedProperty().addListener((obs, o, n) -> record.run());
    }

    /** A position saved on a monitor that is gone would open the window off-screen. */
    private static boolean onSomeScreen(UserSettings s) {
        return !Screen.getScreensForRectangle(new Rectangle2D(s.windowX(), s.windowY(), 100, 40)).isEmpty();
    }
}
