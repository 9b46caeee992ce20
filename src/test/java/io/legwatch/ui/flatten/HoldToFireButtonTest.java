package io.legwatch.ui.flatten;

import io.legwatch.ui.Css;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Hold-to-fire: a click never fires; holding fills the button and fires once the hold completes. */
@ExtendWith(ApplicationExtension.class)
class HoldToFireButtonTest {
    private final AtomicInteger fired = new AtomicInteger();
    private HoldToFireButton button;
    private HoldToFireButton slow;

    @Start
    void start(Stage stage) {
        Css.installTheme();
        button = new HoldToFireButton("KILL ALL", Duration.seconds(1));
        button.setId("kill");
        button.setOnFire(fired::incrementAndGet);
        // A button whose hold never completes within a test: releasing it early is then deterministic.
        slow = new HoldToFireButton("SLOW", Duration.hours(1));
        slow.setId("slow");
        slow.setOnFire(fired::incrementAndGet);
        javafx.scene.layout.VBox root = Css.apply(new javafx.scene.layout.VBox(20, button, slow));
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void aClickOrAShortPressDoesNotFire(FxRobot robot) {
        robot.clickOn("#kill");
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fired).hasValue(0);
        assertThat(button.progressProperty().get()).isZero(); // released early: the fill resets
    }

    @Test
    void holdingFillsTheButtonThenFiresOnce(FxRobot robot) throws Exception {
        robot.moveTo("#kill").press(MouseButton.PRIMARY);
        try {
            // While held the fill grows before anything fires.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> button.progressProperty().get() > 0);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fired.get() == 1);
            assertThat(button.firedOnLastPress()).isTrue();
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fired).hasValue(1);
    }

    @Test
    void releasingBeforeTheHoldCompletesDoesNotFire(FxRobot robot) throws Exception {
        robot.moveTo("#slow").press(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> slow.progressProperty().get() > 0);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fired).hasValue(0);
        assertThat(slow.progressProperty().get()).isZero();
        assertThat(slow.firedOnLastPress()).isFalse();
    }
}
