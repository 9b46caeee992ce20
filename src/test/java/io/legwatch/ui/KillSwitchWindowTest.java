package io.legwatch.ui;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.DemoMode;
import io.legwatch.app.VenueReceipt;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.StrategyView;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.ui.DemoWindowTest.clickWhenSettled;
import static io.legwatch.ui.DemoWindowTest.onFx;
import static io.legwatch.ui.DemoWindowTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The global kill switch on the real demo wiring: hold-to-fire, the hotkey path, and the receipt. */
@ExtendWith(ApplicationExtension.class)
class KillSwitchWindowTest {
    private DemoMode demo;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Css.installTheme();
        demo = new DemoMode(DemoWindowTest.SEED);
        window = new MainWindow(demo, null, TimeSource.SYSTEM);
        window.attach(stage);
        stage.show();
        demo.start();
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
        WaitForAsyncUtils.asyncFx(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide); // receipts too
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aShortPressDoesNothingAndAHoldKillsEverythingWithAReceiptPerVenue(FxRobot robot) throws Exception {
        waitUntilOpened();
        robot.clickOn("#kill-all");
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.actions().killRunningProperty().get()).isFalse();
        assertThat(robot.lookup("#receipt").tryQuery()).isEmpty();
        assertThat(demo.world().trader().states()).noneMatch(s -> s.halted());

        robot.moveTo("#kill-all").press(MouseButton.PRIMARY);
        try {
            waitFor(10, () -> window.actions().killRunningProperty().get() || window.actions().lastReceiptProperty().get() != null);
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        assertReceiptShowsEverythingFlat(robot);
    }

    @Test
    void theHotkeyShowsTheGlobalPlanAndCancelSendsNothing(FxRobot robot) throws Exception {
        waitUntilOpened();
        pressKillHotkey(robot);
        waitFor(10, () -> robot.lookup("#flatten-plan").tryQuery().isPresent());
        TableView<?> plan = robot.lookup("#flatten-plan").queryAs(TableView.class);
        assertThat(plan.getItems()).hasSizeGreaterThanOrEqualTo(6); // every leg of the three strategies
        clickWhenSettled(robot, "#cancel-flatten");
        waitFor(10, () -> robot.lookup("#flatten-plan").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.actions().lastReceiptProperty().get()).isNull();
        assertThat(window.actions().killRunningProperty().get()).isFalse();
        assertThat(demo.world().trader().states()).noneMatch(s -> s.halted());
    }

    @Test
    void theHotkeyThenConfirmKillsEverythingWithAReceiptPerVenue(FxRobot robot) throws Exception {
        waitUntilOpened();
        pressKillHotkey(robot);
        clickWhenSettled(robot, "#confirm-flatten");
        assertReceiptShowsEverythingFlat(robot);
    }

    @Test
    void aVenueCanBeCancelledAndFlattenedFromItsContextMenu(FxRobot robot) throws Exception {
        waitUntilOpened();
        robot.rightClickOn("#venue-sim-a");
        robot.clickOn("Cancel all orders on sim-a");
        waitFor(30, () -> window.actions().lastReceiptProperty().get() != null);
        ActionReceipt cancel = onFx(() -> window.actions().lastReceiptProperty().get());
        assertThat(cancel.action()).isEqualTo("Cancel all orders");
        assertThat(cancel.venues()).extracting(VenueReceipt::venue).containsExactly(SimExchange.SIM_A);
        assertThat(cancel.venues().get(0).openOrdersZero()).isTrue();
        waitFor(10, () -> robot.lookup("#receipt-table").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != stage).forEach(javafx.stage.Window::hide)).get(5, TimeUnit.SECONDS);

        robot.rightClickOn("#venue-sim-c");
        robot.clickOn("Flatten everything on sim-c...");
        clickWhenSettled(robot, "#confirm-flatten");
        waitFor(60, () -> {
            ActionReceipt r = window.actions().lastReceiptProperty().get();
            return r != null && r != cancel;
        });
        ActionReceipt flatten = onFx(() -> window.actions().lastReceiptProperty().get());
        assertThat(flatten.ok()).as(flatten.detail()).isTrue();
        assertThat(flatten.venues()).extracting(VenueReceipt::venue).containsExactly(SimExchange.SIM_C);
        for (var p : demo.world().exchange().positions(SimExchange.SIM_C)) {
            assertThat(p.qty()).as(p.instrument().toString()).isZero();
        }
        // Only sim-c was flattened: sim-a still holds the BTC spot leg.
        assertThat(demo.world().exchange().position(new InstrumentKey(SimExchange.SIM_A, SimExchange.BTC_SPOT)).qty())
                .isNotZero();
    }

    private void assertReceiptShowsEverythingFlat(FxRobot robot) throws Exception {
        waitFor(60, () -> window.actions().lastReceiptProperty().get() != null);
        ActionReceipt receipt = onFx(() -> window.actions().lastReceiptProperty().get());
        assertThat(receipt.ok()).as(receipt.detail()).isTrue();
        assertThat(receipt.venues()).extracting(VenueReceipt::venue)
                .contains(SimExchange.SIM_A, SimExchange.SIM_B, SimExchange.SIM_C);
        assertThat(receipt.venues()).allSatisfy(v -> {
            assertThat(v.openOrdersZero()).isTrue();
            assertThat(v.positionsZero()).isTrue();
            assertThat(v.stillOpen()).isEmpty();
        });
        waitFor(10, () -> robot.lookup("#receipt-table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#receipt-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(receipt.venues().size());
        // The venues themselves hold nothing any more.
        SimExchange sim = demo.world().exchange();
        for (DemoScenario.Plan p : demo.world().scenario().plans()) {
            for (InstrumentKey key : List.of(p.primary().instrument(), p.hedge().instrument())) {
                assertThat(sim.position(key).qty()).as(key.toString()).isZero();
            }
        }
        waitFor(30, () -> demo.snapshot().strategies().stream().map(StrategyView::status)
                .allMatch(HedgeStatus.FLAT::equals));
    }

    /** Ctrl+Shift+K with the main window focused. */
    private void pressKillHotkey(FxRobot robot) {
        robot.clickOn("#positions");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private void waitUntilOpened() throws Exception {
        waitFor(30, () -> demo.world().trader().states().stream().allMatch(s -> s.opened())
                && demo.snapshot().strategies().stream().allMatch(s -> s.legs().stream().allMatch(l -> l.qty() != 0)));
    }
}
