package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.Format;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static io.legwatch.ui.TestSnapshots.unknownLeg;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot-to-rows diff, without the JavaFX toolkit. */
class PositionTreeModelTest {
    private final PositionTreeModel model = new PositionTreeModel();
    private final LegView spot = leg("s1", "spot", A, "BTC", 1.0, 65_000, HedgeStatus.HEDGED, 500);
    private final LegView perp = leg("s1", "perp", B, "BTCUSDT", -1.0, 65_000, HedgeStatus.HEDGED, 600);
    private final StrategyView s1 = strategy("s1", HedgeStatus.HEDGED, 0, 0, spot, perp);
    private final LegView ethSpot = leg("s2", "spot", A, "ETH", 10, 3_000, HedgeStatus.HEDGED, 500);
    private final StrategyView s2 = strategy("s2", HedgeStatus.HEDGED, 0, 0, ethSpot);

    @Test
    void firstSnapshotBuildsStrategiesWithTheirLegsThenTheUnassignedGroup() {
        LegView stray = leg(null, null, B, "SOLUSDT", 5, 150, HedgeStatus.NAKED, 700);
        int changed = model.apply(snapshot(1, List.of(s1, s2), List.of(stray)), 1_000);

        assertThat(changed).isEqualTo(6);
        List<TreeItem<PositionRow>> top = model.root().getChildren();
        assertThat(top).extracting(i -> i.getValue().key()).containsExactly("s:s1", "s:s2", "g:unassigned");
        assertThat(top.get(0).isExpanded()).isTrue();
        assertThat(top.get(0).getChildren()).extracting(i -> i.getValue().nameProperty().get())
                .containsExactly("spot", "perp");
        assertThat(top.get(2).getValue().nameProperty().get()).isEqualTo("Unassigned (1)");
        assertThat(top.get(2).getChildren().get(0).getValue().kind()).isEqualTo(RowKind.UNASSIGNED);
    }

    @Test
    void theSameSnapshotOrUnchangedViewsRecomputeNothing() {
        MonitorSnapshot first = snapshot(1, List.of(s1, s2), List.of());
        model.apply(first, 1_000);
        assertThat(model.apply(first, 1_000)).isZero();
        // A new snapshot version that reuses every view instance: nothing to recompute.
        assertThat(model.apply(snapshot(2, List.of(s1, s2), List.of()), 1_000)).isZero();
    }

    @Test
    void onlyTheChangedStrategyAndLegAreRecomputedAndItemsAreKept() {
        model.apply(snapshot(1, List.of(s1, s2), List.of()), 1_000);
        TreeItem<PositionRow> s1Item = model.strategyItem("s1").orElseThrow();
        TreeItem<PositionRow> spotItem = s1Item.getChildren().get(0);
        TreeItem<PositionRow> perpItem = s1Item.getChildren().get(1);

        LegView perpGone = leg("s1", "perp", B, "BTCUSDT", 0, 65_000, HedgeStatus.NAKED, 900);
        StrategyView s1Naked = strategy("s1", HedgeStatus.NAKED, 65_000, 400, spot, perpGone);
        int changed = model.apply(snapshot(2, List.of(s1Naked, s2), List.of()), 1_000);

        assertThat(changed).isEqualTo(2); // the strategy row and its perp leg; spot and s2 untouched
        assertThat(model.strategyItem("s1")).containsSame(s1Item);
        assertThat(s1Item.getChildren()).containsExactly(spotItem, perpItem);
        assertThat(s1Item.getValue().status()).isEqualTo(HedgeStatus.NAKED);
        assertThat(perpItem.getValue().positionProperty().get()).isEqualTo("0.0000");
        assertThat(perpItem.getValue().sideProperty().get()).isEqualTo("flat");
        assertThat(s1Item.getValue().netUsdProperty().get()).isEqualTo("+65,000");
        assertThat(s1Item.getValue().nakedForProperty().get()).isEqualTo("0.6s");
    }

    @Test
    void strategiesAppearingAndVanishingRestructureTheTree() {
        model.apply(snapshot(1, List.of(s1), List.of()), 1_000);
        model.apply(snapshot(2, List.of(s2, s1), List.of()), 1_000);
        assertThat(model.root().getChildren()).extracting(i -> i.getValue().key())
                .containsExactly("s:s2", "s:s1", "g:unassigned");
        model.apply(snapshot(3, List.of(s1), List.of()), 1_000);
        assertThat(model.root().getChildren()).extracting(i -> i.getValue().key())
                .containsExactly("s:s1", "g:unassigned");
        assertThat(model.strategyItem("s2")).isEmpty();
    }

    @Test
    void anUnknownPositionIsShownAsUnknownNeverAsZero() {
        StrategyView s = strategy("s1", HedgeStatus.UNKNOWN, Double.NaN, 0, spot, unknownLeg("s1", "perp", B, "BTCUSDT"));
        model.apply(snapshot(1, List.of(s), List.of()), 1_000);
        PositionRow perpRow = model.strategyItem("s1").orElseThrow().getChildren().get(1).getValue();
        assertThat(perpRow.positionProperty().get()).isEqualTo(Format.UNKNOWN);
        assertThat(perpRow.usdProperty().get()).isEqualTo(Format.UNKNOWN);
        assertThat(perpRow.status()).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(perpRow.detailProperty().get()).contains("venue down");
        assertThat(perpRow.ageProperty().get()).isEqualTo("never");
        assertThat(model.strategyItem("s1").orElseThrow().getValue().netUsdProperty().get()).isEqualTo(Format.UNKNOWN);
    }

    @Test
    void theClockAdvancesAgesAndNakedTimersWithoutANewSnapshot() {
        StrategyView naked = strategy("s1", HedgeStatus.NAKED, 65_000, 1_000, spot, perp);
        model.apply(snapshot(1, List.of(naked), List.of()), 1_000);
        PositionRow strategyRow = model.strategyItem("s1").orElseThrow().getValue();
        PositionRow spotRow = model.strategyItem("s1").orElseThrow().getChildren().get(0).getValue();
        model.tick(76_000);
        assertThat(strategyRow.nakedForProperty().get()).isEqualTo("1m15s");
        assertThat(spotRow.ageProperty().get()).isEqualTo("1m15s");
    }

    @Test
    void flattenFailedRaisesTheAlarmFlagAndClearsIt() {
        model.apply(snapshot(1, List.of(strategy("s1", HedgeStatus.FLATTEN_FAILED, 65_000, 1, spot)), List.of()), 1_000);
        assertThat(model.anyFlattenFailedProperty().get()).isTrue();
        model.apply(snapshot(2, List.of(strategy("s1", HedgeStatus.FLAT, 0, 0, spot)), List.of()), 1_000);
        assertThat(model.anyFlattenFailedProperty().get()).isFalse();
    }
}
