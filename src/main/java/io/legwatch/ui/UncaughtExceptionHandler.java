package io.legwatch.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The one path for exceptions nobody caught, on any thread: log it, then tell the trader in a
 * dialog (message + expandable details). While one such dialog is open, further errors are only
 * logged, so a failing pulse cannot bury the screen under dialogs.
 */
public final class UncaughtExceptionHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(UncaughtExceptionHandler.class);

    private final Supplier<Window> owner;
    private Alert open;

    public UncaughtExceptionHandler(Supplier<Window> owner) {
        this.owner = owner;
    }

    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        log.error("Uncaught exception on thread {}", thread.getName(), error);
        if (Platform.isFxApplicationThread()) {
            show(thread, error);
        } else {
            try {
                Platform.runLater(() -> show(thread, error));
            } catch (IllegalStateException toolkitGone) {
                log.debug("Toolkit stopped; error only logged");
            }
        }
    }

    private void show(Thread thread, Throwable error) {
        if (open != null && open.isShowing()) {
            return;
        }
        try {
            open = ErrorDialogs.create(owner.get(), "Something went wrong on thread \"" + thread.getName()
                    + "\". Legwatch keeps running; details are in the log.", error);
            open.show();
        } catch (RuntimeException e) {
            log.error("Could not show the error dialog", e);
        }
    }

    /** The dialog currently shown, if any (for tests). */
    Alert openDialog() {
        return open;
    }
}
