package io.legwatch;

import io.legwatch.app.StartupTimeline;
import io.legwatch.config.AppDirs;
import io.legwatch.ui.LegwatchApp;
import javafx.application.Application;

/**
 * Entry point. Deliberately not a {@link Application} subclass: a class-path JavaFX app whose
 * main class extends Application fails with "JavaFX runtime components are missing".
 *
 * <p>Usage: {@code legwatch [--demo [--seed=N] [--in-process] | --config PATH]}. Demo mode runs simulated
 * venues (served over the OKX, Bybit and Deribit wire protocols on 127.0.0.1, or in process with
 * {@code --in-process}), a demo trader and a fault panel; it needs no API keys. Without a flag, {@code config.json} in the
 * per-user data directory is used if it exists, else the demo. Logs go to that directory's
 * {@code logs} folder (see README), or under {@code -Dlegwatch.home=DIR}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTimeline.mark("main");
        // Before anything touches SLF4J: logback.xml reads legwatch.logdir when it initialises.
        if (System.getProperty(AppDirs.LOG_DIR_PROPERTY) == null) {
            System.setProperty(AppDirs.LOG_DIR_PROPERTY, AppDirs.forCurrentUser().logDir().toString());
        }
        if (!displayAvailable()) {
            System.err.println("Legwatch needs a graphical display, and none was found (DISPLAY is not set); "
                    + "run it from a desktop session.");
            System.exit(2);
        }
        try {
            LegwatchApp.prepare(java.util.List.of(args));
            Application.launch(LegwatchApp.class, args);
        } catch (UnsupportedOperationException e) {
            System.err.println("Legwatch could not open a window on this display (" + e.getMessage() + ").");
            System.exit(2);
        }
    }

    /** On Linux/BSD JavaFX needs an X11 or Wayland display; Windows and macOS always have one. */
    static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        if (Boolean.getBoolean("testfx.headless") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }
}
