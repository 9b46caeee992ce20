package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.StrategyView;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/** Which strategies the pinned table lists and in what order, and that the big table never reorders; no toolkit. */
class AttentionListTest {
    private final PositionTreeModel model = new PositionTreeModel();

    @ParameterizedTest(name = "{0} -> listed {1}")
    @CsvSource({
            "HEDGED, false",
            "LEGGING, false", // inside its grace: becomes NAKED when the grace expires
            "NAKED, true",
            "UNKNOWN, true",
            "FLATTENING, true",
            "FLAT, false",
            "FLATTEN_FAILED, true"})
    void whichStatusesNeedAttention(HedgeStatus status, boolean listed) {
        List<StrategyView> views = hedged(3);
        views.set(1, view(1, status, 5_000));
        model.apply(snapshot(1, views, List.of()), 10_000);

        assertThat(attention()).isEqualTo(listed ? List.of("s1") : List.of());
    }

    @Test
    void mostSevereFirstThenLongestNakedThenConfigurationOrder() {
        List<StrategyView> views = hedged(8);
        views.set(0, view(0, HedgeStatus.FLATTENING, 1_000));
        views.set(1, view(1, HedgeStatus.NAKED, 7_000));
        views.set(2, view(2, HedgeStatus.UNKNOWN, 0));
        views.set(3, view(3, HedgeStatus.NAKED, 3_000)); // naked longer than s1
        views.set(4, view(4, HedgeStatus.FLATTEN_FAILED, 9_000));
        views.set(5, view(5, HedgeStatus.LEGGING, 500));
        views.set(6, view(6, HedgeStatus.UNKNOWN, 0));
        views.set(7, view(7, HedgeStatus.UNKNOWN, 8_000)); // a known naked-since comes before an unknown one
        model.apply(snapshot(1, views, List.of()), 10_000);

        assertThat(attention()).containsExactly("s4", "s3", "s1", "s7", "s2", "s6", "s0");
        assertThat(bigTable()).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
    }

    @Test
    void theBigTableKeepsItsItemsAndOrderWhileStatusesChange() {
        model.apply(snapshot(1, hedged(5), List.of()), 1_000);
        List<TreeItem<PositionRow>> before = List.copyOf(model.root().getChildren());
        List<List<StrategyView>> steps = new ArrayList<>();
        for (HedgeStatus s : HedgeStatus.values()) {
            List<StrategyView> views = hedged(5);
            views.set(4, view(4, s, 900));
            views.set(2, view(2, s == HedgeStatus.NAKED ? HedgeStatus.FLATTEN_FAILED : HedgeStatus.NAKED, 800));
            steps.add(views);
        }
        long version = 2;
        for (List<StrategyView> views : steps) {
            model.apply(snapshot(version++, views, List.of()), 2_000);
            assertThat(model.root().getChildren()).as("after %s", views.get(4).status()).containsExactlyElementsOf(before);
        }
    }

    @Test
    void aStrategyLeavesWhenHedgedAgainAndTheListIsUntouchedWhenNothingChanged() {
        List<StrategyView> views = hedged(3);
        views.set(2, view(2, HedgeStatus.NAKED, 5_000));
        model.apply(snapshot(1, views, List.of()), 10_000);
        TreeItem<PositionRow> mirror = model.attentionRoot().getChildren().get(0);
        int[] changes = {0};
        model.attentionRoot().getChildren().addListener((javafx.collections.ListChangeListener<TreeItem<PositionRow>>) c -> changes[0]++);

        model.apply(snapshot(2, new ArrayList<>(views), List.of()), 10_250);
        assertThat(changes[0]).as("same members, same order: no change event").isZero();
        assertThat(model.attentionRoot().getChildren()).containsExactly(mirror);

        model.apply(snapshot(3, hedged(3), List.of()), 10_500);
        assertThat(attention()).isEmpty();
        assertThat(changes[0]).isEqualTo(1);
    }

    @Test
    void thePinnedRowsAreTheBigTablesRowsSoBothShowTheSameState() {
        List<StrategyView> views = hedged(2);
        views.set(1, view(1, HedgeStatus.NAKED, 5_000));
        model.apply(snapshot(1, views, List.of()), 10_000);

        TreeItem<PositionRow> big = model.strategyItem("s1").orElseThrow();
        TreeItem<PositionRow> pinned = model.attentionRoot().getChildren().get(0);
        assertThat(pinned).isNotSameAs(big); // a TreeItem has one parent
        assertThat(pinned.getValue()).isSameAs(big.getValue());
        assertThat(pinned.getChildren()).extracting(TreeItem::getValue)
                .containsExactlyElementsOf(big.getChildren().stream().map(TreeItem::getValue).toList());

        views.set(1, view(1, HedgeStatus.FLATTEN_FAILED, 5_000));
        model.apply(snapshot(2, views, List.of()), 10_250);
        assertThat(pinned.getValue().status()).isEqualTo(HedgeStatus.FLATTEN_FAILED);
        assertThat(model.attentionRoot().getChildren()).containsExactly(pinned);
    }

    private List<String> attention() {
        return model.attentionRoot().getChildren().stream().map(i -> i.getValue().strategyId()).toList();
    }

    private List<String> bigTable() {
        return model.root().getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.kind() == RowKind.STRATEGY).map(PositionRow::strategyId).toList();
    }

    private static List<StrategyView> hedged(int n) {
        List<StrategyView> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(view(i, HedgeStatus.HEDGED, 0));
        }
        return out;
    }

    private static StrategyView view(int i, HedgeStatus status, long nakedSinceMs) {
        String id = "s" + i;
        return strategy(id, status, status == HedgeStatus.HEDGED ? 0 : 65_000, nakedSinceMs,
                leg(id, "spot", A, "BTC-" + i, 1.0, 65_000, status, 500),
                leg(id, "perp", B, "BTCUSDT-" + i, -1.0, 65_000, status, 500));
    }
}
