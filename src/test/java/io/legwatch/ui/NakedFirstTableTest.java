package io.legwatch.ui;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A strategy going NAKED far down a long table (200 strategies, 600 rows: far more than the window
 * shows) comes to the top of the table, rendered red, and goes back to its place once hedged; the
 * trader's selection stays on the strategy they selected while rows move.
 */
@ExtendWith(ApplicationExtension.class)
class NakedFirstTableTest {
    private static final int STRATEGIES = 200;
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    @BeforeAll
    static void theme() {
        System.setProperty("legwatch.test", "true");
    }

    @Start
    void start(Stage stage) {
        Css.installTheme();
        session.snapshot.set(snapshot(1, strategies(-1, HedgeStatus.HEDGED), List.of()));
        window = new MainWindow(session, null, TimeSource.SYSTEM);
        window.attach(stage);
        stage.setWidth(1200);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void aNakedStrategyOutOfViewComesToTheTopRedAndGoesBackWhenHedged(FxRobot robot) throws Exception {
        TreeTableView<PositionRow> table = window.table().view();
        String far = id(STRATEGIES - 20);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxRows.rendered(table, r -> key(0).equals(r.key())).isPresent());
        assertThat(FxRows.rendered(table, r -> ("s:" + far).equals(r.key()))).as("out of view at first").isEmpty();
        select(table, id(1));

        session.snapshot.set(snapshot(2, strategies(STRATEGIES - 20, HedgeStatus.NAKED), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topStrategy(table).equals(far));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<PositionRow> row = FxRows.rendered(table, r -> ("s:" + far).equals(r.key())).orElseThrow();
        assertThat(row.getIndex()).isZero();
        assertThat(FxRows.isRed(FxRows.fill(row))).as("fill %s", FxRows.fill(row)).isTrue();
        assertThat(selected(table)).as("selection follows the strategy, not the row index").isEqualTo(id(1));

        session.snapshot.set(snapshot(3, strategies(-1, HedgeStatus.HEDGED), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topStrategy(table).equals(id(0)));
        assertThat(strategyOrder(table)).isEqualTo(ids());
        assertThat(selected(table)).isEqualTo(id(1));
    }

    @Test
    void flattenFailedComesBeforeNakedAndEachGroupKeepsConfigurationOrder(FxRobot robot) throws Exception {
        TreeTableView<PositionRow> table = window.table().view();
        List<StrategyView> views = new ArrayList<>(strategies(-1, HedgeStatus.HEDGED));
        views.set(150, strategy(id(150), HedgeStatus.NAKED, 65_000, 100));
        views.set(40, strategy(id(40), HedgeStatus.NAKED, 65_000, 100));
        views.set(120, strategy(id(120), HedgeStatus.FLATTEN_FAILED, 65_000, 100));
        session.snapshot.set(snapshot(2, views, List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topStrategy(table).equals(id(120)));
        List<String> order = strategyOrder(table);
        assertThat(order.subList(0, 4)).containsExactly(id(120), id(40), id(150), id(0));
        assertThat(order).hasSize(STRATEGIES);
        assertThat(table.getRoot().getChildren().get(STRATEGIES).getValue().kind()).isEqualTo(RowKind.GROUP);
    }

    private static List<StrategyView> strategies(int nakedIndex, HedgeStatus status) {
        List<StrategyView> out = new ArrayList<>();
        for (int i = 0; i < STRATEGIES; i++) {
            boolean naked = i == nakedIndex;
            out.add(strategy(id(i), naked ? status : HedgeStatus.HEDGED, naked ? 65_000 : 0, naked ? 100 : 0,
                    leg(id(i), "spot", A, "BTC-" + i, 1.0, 65_000, naked ? status : HedgeStatus.HEDGED, 500),
                    leg(id(i), "perp", B, "BTCUSDT-" + i, naked ? 0 : -1.0, 65_000, naked ? status : HedgeStatus.HEDGED, 500)));
        }
        return out;
    }

    private static List<String> ids() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < STRATEGIES; i++) {
            out.add(id(i));
        }
        return out;
    }

    private static String id(int i) {
        return String.format("s%03d", i);
    }

    private static String key(int i) {
        return "s:" + id(i);
    }

    private static String topStrategy(TreeTableView<PositionRow> table) throws Exception {
        return onFx(() -> table.getRoot().getChildren().get(0).getValue().strategyId());
    }

    private static List<String> strategyOrder(TreeTableView<PositionRow> table) throws Exception {
        return onFx(() -> table.getRoot().getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.kind() == RowKind.STRATEGY).map(PositionRow::strategyId).toList());
    }

    private static void select(TreeTableView<PositionRow> table, String strategyId) throws Exception {
        onFx(() -> {
            table.getRoot().getChildren().stream().filter(i -> strategyId.equals(i.getValue().strategyId()))
                    .findFirst().ifPresent(i -> table.getSelectionModel().select(i));
            return null;
        });
    }

    private static String selected(TreeTableView<PositionRow> table) throws Exception {
        return onFx(() -> {
            TreeItem<PositionRow> item = table.getSelectionModel().getSelectedItem();
            return item == null ? null : item.getValue().strategyId();
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}
