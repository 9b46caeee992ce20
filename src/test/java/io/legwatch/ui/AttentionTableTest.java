package io.legwatch.ui;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.StrategyView;
import io.legwatch.app.FlattenTarget;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
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
 * The pinned "Needs attention" table over a long big table (200 strategies, 600 rows: far more than
 * the window shows): strategies in need appear there red, most severe first, with a working Flatten
 * button, and leave when hedged; the big table's rows never move because of a status; empty, the
 * block is one calm line.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionTableTest {
    private static final int STRATEGIES = 200;
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session.snapshot.set(snapshot(1, strategies(), List.of()));
        window = TestWindow.open(stage, session, TimeSource.SYSTEM);
        stage.setWidth(1200);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void strategiesInNeedAppearRedInSeverityOrderWhileTheBigTableKeepsItsOrderAndSelection(FxRobot robot) throws Exception {
        TreeTableView<PositionRow> big = window.table().view();
        TreeTableView<PositionRow> pinned = window.attention().table().view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxRows.rendered(big, r -> "s:s001".equals(r.key())).isPresent());
        select(big, id(1));
        int s1Index = FxRows.rendered(big, r -> "s:s001".equals(r.key())).orElseThrow().getIndex();

        List<StrategyView> views = strategies();
        views.set(180, view(180, HedgeStatus.NAKED, 9_000)); // far out of the big table's view
        views.set(40, view(40, HedgeStatus.NAKED, 4_000)); // naked longer than s180
        views.set(120, view(120, HedgeStatus.FLATTEN_FAILED, 8_000));
        views.set(1, view(1, HedgeStatus.UNKNOWN, 0));
        views.set(2, view(2, HedgeStatus.LEGGING, 9_500)); // inside its grace: big table only
        session.snapshot.set(snapshot(2, views, List.of()));

        List<String> expected = List.of(id(120), id(40), id(180), id(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> renderedStrategies(pinned).equals(expected));
        for (String s : List.of(id(120), id(40), id(180))) {
            TreeTableRow<PositionRow> row = strategyRow(pinned, s);
            assertThat(FxRows.isRed(FxRows.fill(row))).as("%s pinned fill %s", s, FxRows.fill(row)).isTrue();
        }
        assertThat(FxRows.isAmber(FxRows.fill(strategyRow(pinned, id(1))))).as("UNKNOWN is amber").isTrue();
        assertThat(title()).isEqualTo("Needs attention (4)");

        assertThat(strategyOrder(big)).as("big table in configuration order").isEqualTo(ids());
        TreeTableRow<PositionRow> s1InBig = strategyRow(big, id(1));
        assertThat(s1InBig.getIndex()).as("changed in place").isEqualTo(s1Index);
        assertThat(FxRows.isAmber(FxRows.fill(s1InBig))).isTrue();
        assertThat(FxRows.isAmber(FxRows.fill(strategyRow(big, id(2))))).as("LEGGING amber in place").isTrue();
        assertThat(selected(big)).isEqualTo(id(1));
        assertThat(FxRows.rendered(big, r -> r.kind() == RowKind.STRATEGY && id(180).equals(r.strategyId())))
                .as("the big table did not scroll or move s180 into view").isEmpty();

        // Both tables show the same row: a new number reaches both cells.
        String before = netUsd(big, id(1));
        assertThat(netUsd(pinned, id(1))).isEqualTo(before);
        for (int v = 3; v < 6; v++) {
            views.set(1, strategy(id(1), HedgeStatus.UNKNOWN, 1_000 * v, 0, views.get(1).legs().toArray(new io.legwatch.engine.LegView[0])));
            session.snapshot.set(snapshot(v, views, List.of()));
            String shown = "+" + v + ",000";
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.equals(netUsd(big, id(1))) && shown.equals(netUsd(pinned, id(1))));
        }

        views.set(40, view(40, HedgeStatus.HEDGED, 0));
        session.snapshot.set(snapshot(13, views, List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> renderedStrategies(pinned).equals(List.of(id(120), id(180), id(1))));
        assertThat(strategyOrder(big)).isEqualTo(ids());
    }

    @Test
    void theFlattenButtonInThePinnedTableOpensTheSameConfirmAsTheBigTables(FxRobot robot) throws Exception {
        List<StrategyView> views = strategies();
        views.set(150, view(150, HedgeStatus.NAKED, 5_000));
        session.snapshot.set(snapshot(2, views, List.of()));
        TreeTableView<PositionRow> pinned = window.attention().table().view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxRows.inStrategyRow(pinned, id(150), ".flatten-button").isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(FxRows.inStrategyRow(pinned, id(150), ".flatten-button").orElseThrow());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#flatten-plan").tryQuery().isPresent());
        assertThat(robot.lookup("#flatten-plan").queryAs(TableView.class).getItems()).hasSize(2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#confirm-flatten");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !session.flattened.isEmpty());
        assertThat(session.flattened).containsExactly(new FlattenTarget.Strategy(id(150), "Strategy " + id(150)));
    }

    @Test
    void emptyItIsOneCalmLineWithRowsItGrowsToFitThenScrollsAndLeavesTheBigTableInView(FxRobot robot) throws Exception {
        TreeTableView<PositionRow> big = window.table().view();
        TreeTableView<PositionRow> pinned = window.attention().table().view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> FxRows.rendered(big, r -> "s:s000".equals(r.key())).isPresent());
        assertThat(title()).isEqualTo("Nothing needs attention");
        assertThat(onFx(pinned::isVisible)).isFalse();
        assertThat(onFx(() -> window.attention().view().getHeight())).as("one line").isLessThan(40);

        // Three in need: it grows to fit them (header + 3 rows, + a scroll bar as the columns overflow 1200 px).
        List<StrategyView> views = strategies();
        for (int i = 100; i < 103; i++) {
            views.set(i, view(i, HedgeStatus.NAKED, 1_000 + i));
        }
        session.snapshot.set(snapshot(2, views, List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> renderedStrategies(pinned).size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(pinned::getHeight)).isBetween(30 + 3 * 30.0, 30 + 3 * 30.0 + 20);

        // Twenty: capped at half the height it shares with the big table (header included), and it scrolls.
        // The 17 more are UNKNOWN (venue down): listed, but they raise no alarm popups, which would cover the window.
        for (int i = 103; i < 120; i++) {
            views.set(i, view(i, HedgeStatus.UNKNOWN, 0));
        }
        session.snapshot.set(snapshot(3, views, List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Needs attention (20)".equals(title()));
        WaitForAsyncUtils.waitForFxEvents();
        double shared = onFx(() -> big.getParent().getLayoutBounds().getHeight());
        assertThat(onFx(() -> window.attention().view().getHeight())).as("capped at half of %s", shared)
                .isLessThanOrEqualTo(shared * 0.5 + 1);
        assertThat(onFx(big::getHeight)).as("the big table keeps the rest").isGreaterThanOrEqualTo(shared * 0.5 - 1);
        assertThat(renderedStrategies(pinned).size()).as("scrolls: not all 20 rendered").isBetween(3, 7);
        assertThat(FxRows.rendered(big, r -> "s:s000".equals(r.key()))).as("big table still shows its rows").isPresent();

        session.snapshot.set(snapshot(4, strategies(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Nothing needs attention".equals(title()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(pinned::isVisible)).isFalse();
    }

    private static String netUsd(TreeTableView<PositionRow> table, String strategyId) throws Exception {
        return onFx(() -> {
            Node cell = strategyRow(table, strategyId).lookupAll(".tree-table-cell").stream()
                    .filter(n -> n instanceof javafx.scene.control.TreeTableCell<?, ?> c && c.getTableColumn() != null
                            && "netUsd".equals(c.getTableColumn().getId())).findFirst().orElseThrow();
            return ((javafx.scene.control.Labeled) cell).getText();
        });
    }

    private String title() throws Exception {
        return onFx(() -> ((Label) window.attention().view().lookup("#attention-title")).getText());
    }

    private static TreeTableRow<PositionRow> strategyRow(TreeTableView<PositionRow> table, String strategyId) {
        return FxRows.rendered(table, r -> r.kind() == RowKind.STRATEGY && strategyId.equals(r.strategyId())).orElseThrow();
    }

    /** Strategy rows as rendered (in the viewport), top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> renderedStrategies(TreeTableView<PositionRow> table) throws Exception {
        return onFx(() -> table.lookupAll(".tree-table-row-cell").stream()
                .filter(n -> n instanceof TreeTableRow<?> r && !r.isEmpty() && r.isVisible()
                        && r.getItem() instanceof PositionRow p && p.kind() == RowKind.STRATEGY)
                .map(n -> (TreeTableRow<PositionRow>) n)
                .sorted(java.util.Comparator.comparingInt(TreeTableRow::getIndex))
                .map(r -> r.getItem().strategyId()).toList());
    }

    private static List<StrategyView> strategies() {
        List<StrategyView> out = new ArrayList<>();
        for (int i = 0; i < STRATEGIES; i++) {
            out.add(view(i, HedgeStatus.HEDGED, 0));
        }
        return out;
    }

    private static StrategyView view(int i, HedgeStatus status, long nakedSinceMs) {
        boolean hedged = status == HedgeStatus.HEDGED;
        return strategy(id(i), status, hedged ? 0 : 65_000, nakedSinceMs,
                leg(id(i), "spot", A, "BTC-" + i, 1.0, 65_000, status, 500),
                leg(id(i), "perp", B, "BTCUSDT-" + i, hedged ? -1.0 : 0, 65_000, status, 500));
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
