package io.legwatch.ui;

import io.legwatch.config.SettingsStore;
import io.legwatch.config.UserSettings;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TreeTableColumn;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

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
        double width = Math.min(Math.max(s.windowWidth(), stage.getMinWidth()), screen.getWidth());
        double height = Math.min(Math.max(s.windowHeight(), stage.getMinHeight()), screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        List<Screen> screens = s.hasWindowPosition()
                ? Screen.getScreensForRectangle(new Rectangle2D(s.windowX(), s.windowY(), 100, 40)) : List.of();
        if (!screens.isEmpty()) {
            // Keep the whole window on the screen it was on, even if that screen shrank.
            Rectangle2D on = screens.get(0).getVisualBounds();
            stage.setX(Math.max(on.getMinX(), Math.min(s.windowX(), on.getMaxX() - width)));
            stage.setY(Math.max(on.getMinY(), Math.min(s.windowY(), on.getMaxY() - height)));
        } else {
            // No saved position, or it was on a monitor that is gone: never open off-screen.
            stage.centerOnScreen();
        }
        if (s.maximized()) {
            stage.setMaximized(true);
        }
        for (TreeTableColumn<?, ?> c : columns) {
            Double w = s.columnWidths().get(c.getId());
            if (w != null && c.getId() != null) {
                c.setPrefWidth(w);
            }
            c.widthProperty().addListener((obs, o, now) -> {
                if (c.getId() != null && now.doubleValue() > 0) {
                    store.update(x -> x.withColumnWidth(c.getId(), Math.round(now.doubleValue())));
                }
            });
        }
        boolean[] settled = {false};
        Runnable record = () -> {
            // Only a window the user sees and sizes: while it is being mapped, window managers report
            // transient sizes (GTK's 200x200 default) that must not become the next start's size.
            if (!settled[0] || !stage.isShowing()) {
                return;
            }
            if (stage.isMaximized()) {
                store.update(x -> x.withWindow(x.windowX(), x.windowY(), x.windowWidth(), x.windowHeight(), true));
            } else if (!stage.isIconified()) {
                store.update(x -> x.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
            }
        };
        // Some window managers (seen with openbox) map the window at GTK's default size and JavaFX
        // keeps it: apply the wanted size again once the window is up, then start recording.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> {
            if (!stage.isMaximized() && (stage.getWidth() != width || stage.getHeight() != height)) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
            settled[0] = true;
        }));
        stage.xProperty().addListener((obs, o, n) -> record.run());
        stage.yProperty().addListener((obs, o, n) -> record.run());
        stage.widthProperty().addListener((obs, o, n) -> record.run());
        stage.heightProperty().addListener((obs, o, n) -> record.run());
        stage.maximizedProperty().addListener((obs, o, n) -> record.run());
    }
}
