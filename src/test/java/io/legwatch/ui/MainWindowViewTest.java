package io.legwatch.ui;

import io.legwatch.app.FlattenTarget;
import io.legwatch.config.SettingsStore;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.LegView;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/** The main window fed with hand-made snapshots: rendering, colours and the flatten dialog. */
@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {
    private final FakeSession session = new FakeSession();
    private MainWindow window;
    private SettingsStore settings;
    private Stage stage;

    private final LegView spot = leg("s1", "spot", A, "BTC", 1.0, 65_000, HedgeStatus.NAKED, 500);
    private final LegView perp = leg("s1", "perp", B, "BTCUSDT", 0, 65_000, HedgeStatus.NAKED, 600);
    private final StrategyView naked = strategy("s1", HedgeStatus.NAKED, 65_000, 100, spot, perp);
    private final StrategyView hedged = strategy("s2", HedgeStatus.HEDGED, 0, 0,
            leg("s2", "spot", A, "ETH", 10, 3_000, HedgeStatus.HEDGED, 500),
            leg("s2", "perp", B, "ETHUSDT", -10, 3_000, HedgeStatus.HEDGED, 500));

    @Start
    void start(Stage stage) {
        Css.installTheme();
        session.snapshot.set(snapshot(1, List.of(naked, hedged), List.of()));
        this.stage = stage;
        settings = new SettingsStore(Path.of(System.getProperty("legwatch.home", "target/test-home"),
                "view-test-settings-" + System.nanoTime() + ".json"), Duration.ofMillis(50));
        window = new MainWindow(session, settings, TimeSource.SYSTEM);
        window.attach(stage);
        stage.show();
    }

    @Test
    void nakedRowIsPaintedRedAndHedgedRowIsNot(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                FxRows.rendered(window.table().view(), r -> r.kind() == RowKind.STRATEGY && "s:s1".equals(r.key())).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<PositionRow> nakedRow = FxRows.rendered(window.table().view(), r -> "s:s1".equals(r.key())).orElseThrow();
        TreeTableRow<PositionRow> hedgedRow = FxRows.rendered(window.table().view(), r -> "s:s2".equals(r.key())).orElseThrow();
        Color red = FxRows.fill(nakedRow);
        assertThat(FxRows.isRed(red)).as("naked row fill %s", red).isTrue();
        assertThat(FxRows.isRed(FxRows.fill(hedgedRow))).isFalse();
        assertThat(nakedRow.getPseudoClassStates().toString()).contains("naked");
    }

    @Test
    void flattenButtonShowsThePlanAndSendsOnlyOnConfirm(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flattenButton("s1").isPresent());
        robot.clickOn(flattenButton("s1").orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#flatten-plan").tryQuery().isPresent());
        TableView<?> plan = robot.lookup("#flatten-plan").queryAs(TableView.class);
        assertThat(plan.getItems()).hasSize(2); // one line per leg; the flat perp only gets verified
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cancel-flatten");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.flattened).isEmpty();

        robot.clickOn(flattenButton("s1").orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-flatten").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#confirm-flatten");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !session.flattened.isEmpty());
        assertThat(session.flattened).containsExactly(new FlattenTarget.Strategy("s1", "Strategy s1"));
    }

    @Test
    void columnWidthsAndWindowSizeGoToTheUserSettings(FxRobot robot) throws Exception {
        var column = window.table().view().getColumns().stream().filter(c -> "venue".equals(c.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> window.table().view().resizeColumn(column, 40)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> stage.setWidth(1000)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> settings.get().columnWidths().containsKey("venue")
                && settings.get().windowWidth() == 1000);
        assertThat(settings.get().columnWidths().get("venue")).isEqualTo(Math.round(column.getWidth()), org.assertj.core.data.Offset.offset(1.0));
        settings.close();
    }

    @Test
    void flattenFailedRowsFlashOnlyWhileAFlattenHasFailed(FxRobot robot) throws Exception {
        javafx.css.PseudoClass phase = javafx.css.PseudoClass.getPseudoClass("alarm-phase");
        session.snapshot.set(snapshot(2, List.of(strategy("s1", HedgeStatus.FLATTEN_FAILED, 65_000, 100, spot, perp),
                hedged), List.of()));
        // The flash toggles the table's alarm phase on and off.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.table().view().getPseudoClassStates().contains(phase));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !window.table().view().getPseudoClassStates().contains(phase));
        TreeTableRow<PositionRow> failed = FxRows.rendered(window.table().view(), r -> "s:s1".equals(r.key())).orElseThrow();
        assertThat(FxRows.isRed(FxRows.fill(failed))).isTrue();

        session.snapshot.set(snapshot(3, List.of(strategy("s1", HedgeStatus.FLAT, 0, 0, spot, perp), hedged), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.model().anyFlattenFailedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.table().view().getPseudoClassStates()).doesNotContain(phase);
        assertThat(FxRows.isRed(FxRows.fill(failed))).isFalse();
    }

    @Test
    void thePumpHandsOnASnapshotOnlyWhenItsVersionChanged(FxRobot robot) throws Exception {
        SnapshotPump pump = window.pump();
        // Whatever the running pulse did, the current version has been applied once it is stopped.
        WaitForAsyncUtils.asyncFx(pump::stop).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(pump::pump).get(5, TimeUnit.SECONDS);
        long applied = pump.appliedCount();
        assertThat(WaitForAsyncUtils.asyncFx(pump::pump).get(5, TimeUnit.SECONDS)).isFalse();
        // A new object with the same version is not a new snapshot: nothing is diffed.
        session.snapshot.set(snapshot(session.snapshot.get().version(), List.of(naked, hedged), List.of()));
        assertThat(WaitForAsyncUtils.asyncFx(pump::pump).get(5, TimeUnit.SECONDS)).isFalse();
        session.snapshot.set(snapshot(session.snapshot.get().version() + 1, List.of(naked, hedged), List.of()));
        assertThat(WaitForAsyncUtils.asyncFx(pump::pump).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pump.appliedCount()).isEqualTo(applied + 1);
    }

    private java.util.Optional<javafx.scene.Node> flattenButton(String strategyId) {
        return FxRows.inStrategyRow(window.table().view(), strategyId, ".flatten-button");
    }
}
