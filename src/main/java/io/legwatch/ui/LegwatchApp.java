package io.legwatch.ui;

import io.legwatch.app.AppWiring;
import io.legwatch.app.LegwatchSession;
import io.legwatch.app.StartupTimeline;
import io.legwatch.config.AppDirs;
import io.legwatch.config.SettingsStore;
import io.legwatch.domain.TimeSource;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JavaFX application. Shows the window first and starts the session (venues, engine, demo
 * world) right after, so the window appears fast; the table fills in as snapshots arrive.
 */
public final class LegwatchApp extends Application {
    /*
     * Not static: the class is initialised on the main thread (prepare) before the toolkit starts, and
     * the first logger initialises Logback (its XML configuration: a few hundred ms of class loading).
     * That is left to its own thread, beside the toolkit's start and the session's construction (see prepare).
     */
    private final Logger log = LoggerFactory.getLogger(LegwatchApp.class);

    /** The session being built while the toolkit starts (see {@link #prepare}); null when not prepared. */
    private static volatile CompletableFuture<LegwatchSession> prepared;

    private LegwatchSession session;
    private SettingsStore settings;
    private MainWindow window;

    /**
     * Starts building the session (demo world, engine, kill switch: mostly class loading) on a
     * background thread, so it overlaps the JavaFX toolkit's own start-up. Call before launching.
     */
    public static void prepare(List<String> args) {
        // Logback configures itself (XML, a few hundred ms) on its own thread, beside the session's
        // construction rather than before it: the FX thread waits for the session, not for logging.
        // Loggers taken meanwhile on other threads are SLF4J substitutes whose events are replayed.
        Thread logging = new Thread(() -> {
            LoggerFactory.getILoggerFactory();
            StartupTimeline.mark("logging");
        }, "logging-init");
        logging.setDaemon(true);
        logging.start();
        prepared = CompletableFuture.supplyAsync(() -> {
            LegwatchSession session = AppWiring.fromArgs(args);
            StartupTimeline.mark("session built");
            return session;
        }, r -> {
            Thread t = new Thread(r, "session-build");
            t.setDaemon(true);
            t.start();
        });
    }

    private LegwatchSession buildSession() {
        CompletableFuture<LegwatchSession> p = prepared;
        prepared = null;
        if (p == null) {
            return AppWiring.fromArgs(getParameters().getRaw());
        }
        try {
            return p.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTimeline.mark("toolkit");
        new UncaughtExceptionHandler(() -> stage).install();
        Css.installTheme();
        StartupTimeline.mark("theme");
        settings = new SettingsStore(AppDirs.forCurrentUser().settingsFile(), Duration.ofMillis(500));
        try {
            session = buildSession();
            StartupTimeline.mark("session");
        } catch (RuntimeException e) {
            // Bad arguments or a demo that cannot be built: say so in a window, then exit cleanly.
            log.error("Legwatch could not start", e);
            ErrorDialogs.create(null, "Legwatch could not start: " + ErrorDialogs.message(e), e).showAndWait();
            settings.close();
            Platform.exit();
            return;
        }
        window = new MainWindow(session, settings, TimeSource.SYSTEM);
        Scene scene = window.attach(stage);
        StartupTimeline.mark("scene");
        afterFirstPulse(stage, scene);
        stage.show();
        StartupTimeline.mark("shown");
    }

    /**
     * After the first frame: ends the start-up timeline and starts the session (venues, engine) on its
     * own thread, so that neither its CPU time nor its class loading competes with the first frame (on
     * two cores they did: the session's start ran beside the renderer painting that frame). Until its
     * data arrives the window shows what the engine has (venues connecting), never made-up data. The
     * window icons are decoded on that thread too, after the session started.
     *
     * <p>"After the first frame" without a public rendered callback, so an ordering that holds in
     * practice, not a guarantee: the renderer paints and uploads a frame while holding the render lock,
     * and the next pulse that has changes to synchronise (the clock and the pump make them) waits for
     * that lock, so a runLater from the second pulse usually runs once the first frame is painted. It
     * costs the session one more pulse at most (the second pulse is requested explicitly).
     */
    private void afterFirstPulse(Stage stage, Scene scene) {
        Runnable listener = new Runnable() {
            private int pulses;

            @Override
            public void run() {
                pulses++;
                if (pulses == 1) {
                    StartupTimeline.mark("first pulse");
                    // runLater: out of the pulse, once its scene graph is handed to the renderer.
                    Platform.runLater(() -> {
                        StartupTimeline.mark("first pulse done");
                        Platform.requestNextPulse(); // the second pulse must come even if nothing changes
                    });
                    return;
                }
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(() -> {
                    StartupTimeline.mark("second pulse done");
                    log.info("Start-up timeline (wall ms since the process started / process CPU ms / "
                            + "CPU ms of the marking thread): {}", StartupTimeline.summary());
                    Thread starter = new Thread(() -> startSession(stage), "session-start");
                    starter.setDaemon(true);
                    starter.start();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener);
    }

    private void startSession(Stage stage) {
        try {
            session.start();
            log.info("Session started: {}", session.label());
        } catch (RuntimeException e) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
        List<Image> icons = WindowIcons.load();
        Platform.runLater(() -> stage.getIcons().setAll(icons));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (session != null) {
            session.close();
        }
        if (settings != null) {
            settings.close();
        }
        log.info("Legwatch stopped");
    }
}
