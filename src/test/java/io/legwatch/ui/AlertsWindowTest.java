package io.legwatch.ui;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.journal.IncidentLog;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;

import static io.legwatch.ui.DemoWindowTest.onFx;
import static io.legwatch.ui.DemoWindowTest.waitFor;
import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/** The alarm popups, the mute toggle and the incident view, on a fake session. */
@ExtendWith(ApplicationExtension.class)
class AlertsWindowTest {
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session.snapshot.set(snapshot(1, List.of(strategy("s1", HedgeStatus.HEDGED, 0, 0,
                leg("s1", "spot", A, "BTC", 1.0, 65_000, HedgeStatus.HEDGED, 500),
                leg("s1", "perp", B, "BTCUSDT", -1.0, 65_000, HedgeStatus.HEDGED, 600))), List.of()));
        window = TestWindow.open(stage, session, TimeSource.SYSTEM);
        stage.show();
    }

    private static List<String> titles(FxRobot robot) {
        Set<Node> nodes = robot.lookup(".notification-bar .title").queryAll();
        return nodes.stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aStrategyGoingNakedThenFlattenFailedPopsUpOncePerTransition(FxRobot robot) throws Exception {
        assertThat(titles(robot)).isEmpty();
        session.snapshot.set(snapshot(2, List.of(strategy("s1", HedgeStatus.NAKED, 65_000, 100,
                leg("s1", "spot", A, "BTC", 1.0, 65_000, HedgeStatus.NAKED, 500),
                leg("s1", "perp", B, "BTCUSDT", 0, 65_000, HedgeStatus.NAKED, 600))), List.of()));
        waitFor(5, () -> onFx(() -> titles(robot).contains("NAKED: Strategy s1")));
        assertThat(robot.lookup(".notification-bar .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList()).contains("NAKED because test");
        // Later frames of the same snapshot (and same status) add nothing.
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(onFx(() -> titles(robot))).containsOnlyOnce("NAKED: Strategy s1");

        session.snapshot.set(snapshot(3, List.of(strategy("s1", HedgeStatus.FLATTEN_FAILED, 65_000, 100)), List.of()));
        waitFor(5, () -> onFx(() -> titles(robot).contains("FLATTEN FAILED: Strategy s1")));
    }

    @Test
    void manyStrategiesFailingAtOnceGetOneSummaryInsteadOfAColumnOfPopups(FxRobot robot) throws Exception {
        List<io.legwatch.engine.StrategyView> naked = java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(i -> strategy("m" + i, HedgeStatus.NAKED, 65_000, 100)).toList();
        session.snapshot.set(snapshot(2, naked, List.of()));
        waitFor(5, () -> onFx(() -> titles(robot).contains(io.legwatch.ui.alerts.AlarmPopups.summaryTitle(7))));
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        List<String> shown = onFx(() -> titles(robot));
        assertThat(shown).noneMatch(t -> t.startsWith("NAKED: Strategy m"));
        assertThat(robot.lookup(".notification-bar .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList())
                .anyMatch(t -> t.contains("NAKED: Strategy m1") && t.contains("and 2 more"));

        // While the summary stands, more failures add no popups (the table, sound and log have them).
        List<io.legwatch.engine.StrategyView> more = new java.util.ArrayList<>(naked);
        more.add(strategy("m8", HedgeStatus.NAKED, 65_000, 100));
        session.snapshot.set(snapshot(3, more, List.of()));
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(onFx(() -> titles(robot))).doesNotContain("NAKED: Strategy m8").containsOnlyOnce(
                io.legwatch.ui.alerts.AlarmPopups.summaryTitle(7));
    }

    @Test
    void muteToggleSilencesTheAlarmSound(FxRobot robot) {
        ToggleButton mute = robot.lookup("#mute-alarm").queryAs(ToggleButton.class);
        assertThat(window.sound().mutedProperty().get()).isFalse();
        robot.clickOn(mute);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.sound().mutedProperty().get()).isTrue();
        robot.clickOn(mute);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.sound().mutedProperty().get()).isFalse();
    }

    @Test
    void incidentsDialogShowsEachLegFailure(FxRobot robot) {
        // 2026-11-25 16:00:00 UTC
        long since = 1_795_622_400_000L;
        session.incidents.add(new IncidentLog.Incident("btc-basis", since, since + 42_000, 12_345.6, 42.0,
                List.of("auto-policy"), List.of("f-1"), List.of("sim-b: SELL 0.19 BTC-PERP filled, verified flat"),
                3_400, HedgeStatus.FLAT, "perp leg rejected"));
        robot.clickOn("#incidents-button");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#incidents-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        List<String> row = java.util.stream.IntStream.range(0, table.getColumns().size())
                .mapToObj(c -> String.valueOf(table.getColumns().get(c).getCellData(0))).toList();
        assertThat(row).containsExactly("btc-basis", "2026-11-25 16:00:00 UTC", "$12,346", "42s", "ended FLAT",
                "auto-policy", "3.4s", "sim-b: SELL 0.19 BTC-PERP filled, verified flat");
        robot.clickOn("#close-incidents");
    }
}
