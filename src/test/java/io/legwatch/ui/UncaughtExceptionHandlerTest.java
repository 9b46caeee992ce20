package io.legwatch.ui;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An exception nobody caught, on any thread, ends in one dialog with the message and expandable details. */
@ExtendWith(ApplicationExtension.class)
class UncaughtExceptionHandlerTest {
    private UncaughtExceptionHandler handler;

    @Start
    void start(Stage stage) {
        Css.installTheme();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        handler = new UncaughtExceptionHandler(() -> stage);
    }

    @Test
    void anExceptionOnABackgroundThreadShowsOneDialogWithMessageAndDetails(FxRobot robot) throws Exception {
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("venue sim-x sent something odd");
        }, "test-worker");
        worker.setUncaughtExceptionHandler(handler);
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> handler.openDialog() != null && handler.openDialog().isShowing());

        Alert alert = handler.openDialog();
        assertThat(alert.getHeaderText()).contains("test-worker");
        assertThat(alert.getContentText()).isEqualTo("venue sim-x sent something odd");
        assertThat(((TextArea) alert.getDialogPane().getExpandableContent()).getText())
                .contains("IllegalStateException").contains("UncaughtExceptionHandlerTest");

        // A second error while the dialog is open is logged, not stacked on the screen.
        handler.uncaughtException(Thread.currentThread(), new RuntimeException("second"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(handler.openDialog()).isSameAs(alert);
        WaitForAsyncUtils.asyncFx(alert::close).get(5, TimeUnit.SECONDS);
    }
}
