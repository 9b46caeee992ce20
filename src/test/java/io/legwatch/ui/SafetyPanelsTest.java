package io.legwatch.ui;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.LegView;
import io.legwatch.engine.StrategyView;
import io.legwatch.flatten.DeadManSwitches;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/** The dead-man switch panel and the per-strategy auto-flatten countdown, fed by a fake session. */
@ExtendWith(ApplicationExtension.class)
class SafetyPanelsTest {
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    private final StrategyView naked = strategy("s1", HedgeStatus.NAKED, 65_000, 100,
            leg("s1", "spot", A, "BTC", 1.0, 65_000, HedgeStatus.NAKED, 500),
            leg("s1", "perp", B, "BTCUSDT", 0, 65_000, HedgeStatus.NAKED, 600));

    @Start
    void start(Stage stage) {
        session.snapshot.set(snapshot(1, List.of(naked), List.of()));
        window = TestWindow.open(stage, session, TimeSource.SYSTEM);
        stage.show();
    }

    @Test
    void deadManPanelShowsEachVenuesSwitchAndTheWarningThatPositionsStayOpen(FxRobot robot) throws Exception {
        session.deadMan.add(new DeadManSwitches.State(A, DeadManSwitches.Status.ARMED, Duration.ofSeconds(60),
                1_000, 45_000, null));
        session.deadMan.add(new DeadManSwitches.State(B, DeadManSwitches.Status.MONITOR_ONLY, Duration.ofSeconds(60),
                0, -1, null));
        // The NAKED popup for s1 sits over the venue strip's right end, as it does for a trader: close it first.
        robot.clickOn(".notification-bar .close-button");
        DemoWindowTest.waitFor(10, () -> DemoWindowTest.onFx(() -> robot.lookup(".notification-bar").queryAll().isEmpty()));
        robot.clickOn("#dead-man-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#dead-man-warning").queryAs(Label.class).getText())
                .isEqualTo(DeadManSwitches.WARNING).contains("do NOT close positions");
        TableView<?> table = robot.lookup("#dead-man-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(cell(table, 0, 1)).isEqualTo("armed");
        assertThat(cell(table, 0, 3)).isEqualTo("45s");
        assertThat(cell(table, 1, 1)).isEqualTo("monitor only");
        assertThat(cell(table, 1, 3)).contains("not armed");
        robot.clickOn("#close-dead-man");
    }

    @Test
    void autoCellCountsDownWhileThePolicyIsAboutToFlatten(FxRobot robot) throws Exception {
        session.countdowns.put("s1", 7_200L);
        WaitForAsyncUtils.asyncFx(() -> window.clock().tick()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label firesIn = (Label) FxRows.inStrategyRow(window.table().view(), "s1", ".auto-fires-in").orElseThrow();
        assertThat(firesIn.getText()).isEqualTo("7.2s");
        assertThat(firesIn.isVisible()).isTrue();

        session.countdowns.clear();
        WaitForAsyncUtils.asyncFx(() -> window.clock().tick()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(firesIn.getText()).isEmpty();
        assertThat(firesIn.isVisible()).isFalse();
    }

    private static String cell(TableView<?> table, int row, int column) {
        return String.valueOf(table.getColumns().get(column).getCellData(row));
    }
}
