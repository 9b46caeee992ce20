package io.legwatch.ui;

import io.legwatch.app.DemoMode;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main window on the real demo wiring (seeded simulator, demo trader, in-process connectors,
 * engine, kill switch), in real time. Waits poll with generous timeouts; nothing asserts a duration.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWindowTest {
    static final long SEED = 42;
    private DemoMode demo;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Css.installTheme();
        demo = new DemoMode(SEED);
        window = new MainWindow(demo, null, TimeSource.SYSTEM);
        window.attach(stage);
        stage.show();
        demo.start();
    }

    @AfterEach
    void stop() throws Exception {
        demo.close();
        WaitForAsyncUtils.asyncFx(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRejectedHedgeTurnsTheStrategyNakedAndRedThenFlattenFromTheRowMakesItFlat(FxRobot robot) throws Exception {
        waitFor(30, () -> status(DemoScenario.BTC_BASIS) == HedgeStatus.HEDGED);

        // Break the hedge venue from the demo fault panel while the demo trader keeps rebalancing.
        robot.clickOn("#toggle-faults");
        selectVenue(robot, "sim-b");
        robot.doubleClickOn("#fault-amount .text-field").write("50");
        robot.clickOn("#fault-apply");
        assertThat(demo.world().exchange().faults(SimExchange.SIM_B).pendingRejects()).isPositive();

        // The next rebalance moves the spot leg, the perp hedge is rejected: LEGGING, then NAKED after the grace.
        waitFor(60, () -> status(DemoScenario.BTC_BASIS) == HedgeStatus.NAKED);
        TreeTableRow<PositionRow> row = renderedStrategyRow(DemoScenario.BTC_BASIS);
        Color fill = FxRows.fill(row);
        assertThat(FxRows.isRed(fill)).as("rendered background of the NAKED row: %s", fill).isTrue();
        // The rejection itself is in front of the trader, not only in a log.
        waitFor(10, () -> window.errors().entries().stream()
                .anyMatch(e -> e.error() != null && e.error().venue().equals(SimExchange.SIM_B)));

        // Heal the venue but slow its acks, so the flatten lasts many frames (the UI shows the newest
        // snapshot per frame; a flatten faster than a frame would go straight to FLAT on screen).
        robot.clickOn("#fault-heal");
        robot.clickOn("#fault-kind");
        robot.clickOn("Delay acks (N ms)");
        robot.clickOn("#fault-apply");
        assertThat(demo.world().exchange().faults(SimExchange.SIM_B).state().ackDelayMs()).isPositive();
        List<HedgeStatus> seen = new CopyOnWriteArrayList<>();
        PositionRow strategyRow = onFx(() -> window.model().strategyItem(DemoScenario.BTC_BASIS).orElseThrow().getValue());
        WaitForAsyncUtils.asyncFx(() -> strategyRow.statusProperty().addListener((o, was, now) -> seen.add(now)))
                .get(5, TimeUnit.SECONDS);
        waitFor(10, () -> FxRows.inStrategyRow(window.table().view(), DemoScenario.BTC_BASIS, ".flatten-button").isPresent());
        robot.clickOn(FxRows.inStrategyRow(window.table().view(), DemoScenario.BTC_BASIS, ".flatten-button").orElseThrow());
        waitFor(10, () -> robot.lookup("#flatten-plan").tryQuery().isPresent());
        TableView<?> plan = robot.lookup("#flatten-plan").queryAs(TableView.class);
        assertThat(plan.getItems()).hasSize(2);
        clickWhenSettled(robot, "#confirm-flatten");

        waitFor(60, () -> status(DemoScenario.BTC_BASIS) == HedgeStatus.FLAT);
        assertThat(seen).contains(HedgeStatus.FLATTENING);
        SimExchange sim = demo.world().exchange();
        DemoScenario.Plan basis = demo.world().scenario().plan(DemoScenario.BTC_BASIS).orElseThrow();
        assertThat(sim.position(basis.primary().instrument()).qty()).isZero();
        assertThat(sim.position(basis.hedge().instrument()).qty()).isZero();
        assertThat(demo.world().trader().state(DemoScenario.BTC_BASIS).orElseThrow().halted()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(renderedStrategyRow(DemoScenario.BTC_BASIS).getPseudoClassStates().toString()).contains("flat");
    }

    @Test
    void aDisconnectedVenueTurnsItsLegsUnknownAndAmberAndNothingOnItShowsHedged(FxRobot robot) throws Exception {
        waitFor(30, () -> status(DemoScenario.ETH_FUNDING) == HedgeStatus.HEDGED);

        robot.clickOn("#toggle-faults");
        selectVenue(robot, "sim-c");
        robot.clickOn("#fault-kind");
        robot.clickOn("Disconnect");
        robot.clickOn("#fault-apply");

        String hedgeLeg = "l:" + DemoScenario.ETH_FUNDING + ":" + DemoScenario.ETH_FUNDING + "/sim-c:ETHUSDT";
        waitFor(30, () -> leg(DemoScenario.ETH_FUNDING, hedgeLeg).map(PositionRow::status).orElse(null)
                == HedgeStatus.UNKNOWN);
        assertThat(status(DemoScenario.ETH_FUNDING)).isNotEqualTo(HedgeStatus.HEDGED);
        assertThat(leg(DemoScenario.ETH_FUNDING, hedgeLeg).orElseThrow().positionProperty().get())
                .isEqualTo(Format.UNKNOWN);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FxRows.rendered(window.table().view(), r -> hedgeLeg.equals(r.key())).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Color fill = FxRows.fill(FxRows.rendered(window.table().view(), r -> hedgeLeg.equals(r.key())).orElseThrow());
        assertThat(FxRows.isAmber(fill)).as("rendered background of the UNKNOWN leg: %s", fill).isTrue();
        assertThat(robot.lookup("#venue-sim-c").query().getPseudoClassStates().toString()).contains("down");
        assertThat(robot.lookup("#fault-now").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("Now on sim-c: link DOWN");
    }

    private void selectVenue(FxRobot robot, String venue) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<io.legwatch.domain.VenueId> box = robot.lookup("#fault-venue").queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.setValue(io.legwatch.domain.VenueId.of(venue))).get(5, TimeUnit.SECONDS);
    }

    private HedgeStatus status(String strategyId) throws Exception {
        return onFx(() -> window.model().strategyItem(strategyId).map(i -> i.getValue().status()).orElse(null));
    }

    private Optional<PositionRow> leg(String strategyId, String key) throws Exception {
        return onFx(() -> window.model().strategyItem(strategyId).flatMap(i -> i.getChildren().stream()
                .map(TreeItem::getValue).filter(r -> r.key().equals(key)).findFirst()));
    }

    private TreeTableRow<PositionRow> renderedStrategyRow(String strategyId) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxRows.rendered(window.table().view(),
                r -> r.kind() == RowKind.STRATEGY && strategyId.equals(r.strategyId())).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return FxRows.rendered(window.table().view(),
                r -> r.kind() == RowKind.STRATEGY && strategyId.equals(r.strategyId())).orElseThrow();
    }

    /**
     * Clicks a node in a dialog once the dialog has stopped moving: a freshly shown dialog is sized
     * and centred over a few pulses, and a click aimed too early can land on its neighbour.
     */
    static void clickWhenSettled(FxRobot robot, String query) throws Exception {
        waitFor(10, () -> robot.lookup(query).tryQuery().isPresent());
        javafx.scene.Node node = robot.lookup(query).query();
        javafx.geometry.Bounds[] last = {null};
        waitFor(10, () -> {
            javafx.geometry.Bounds now = onFx(() -> node.localToScreen(node.getBoundsInLocal()));
            boolean settled = now != null && now.equals(last[0]);
            last[0] = now;
            if (!settled) {
                Thread.sleep(50); // poll interval
            }
            return settled;
        });
        robot.clickOn(node);
    }

    static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    static void waitFor(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }
}
