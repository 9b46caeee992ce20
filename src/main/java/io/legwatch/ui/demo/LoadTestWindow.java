package io.legwatch.ui.demo;

import io.legwatch.app.LegwatchSession;
import io.legwatch.app.LoadTestMode;
import io.legwatch.domain.TimeSource;
import io.legwatch.ui.ErrorDialogs;
import io.legwatch.ui.MainWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo menu "Load test": a second main window on a {@link LoadTestMode} session (500 strategies x 4
 * legs, 50,000 msg/s), so the trader can watch the monitor keep up (latency line in the venue strip)
 * next to the demo. Closing the window stops the load and the session.
 */
public final class LoadTestWindow {
    private static final Logger log = LoggerFactory.getLogger(LoadTestWindow.class);

    private LoadTestWindow() {
    }

    public static void open(Window owner) {
        LegwatchSession session;
        try {
            session = LoadTestMode.withDefaults();
        } catch (RuntimeException e) {
            log.error("Load test could not start", e);
            ErrorDialogs.create(owner, "The load test could not start: " + ErrorDialogs.message(e), e).show();
            return;
        }
        Stage stage = new Stage();
        MainWindow window = new MainWindow(session, null, TimeSource.SYSTEM);
        window.attach(stage);
        // Venues and engine start after the first frame, off the FX thread, as for the main session.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> background("load-test-start", session::start));
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> background("load-test-stop", session::close));
        stage.show();
    }

    private static void background(String name, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
