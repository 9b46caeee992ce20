package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.Format;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rows of the positions tree, kept in step with the engine's snapshots. {@link #apply} diffs a
 * snapshot against the rows shown: the engine reuses unchanged {@link StrategyView}/{@link LegView}
 * instances, so a reference comparison finds what changed, and only those rows are recomputed.
 * The tree's structure (children lists) is only touched when strategies or legs appear, vanish or
 * reorder. FX thread only; needs no running toolkit, so it is tested without one.
 */
public final class PositionTreeModel {
    static final String UNASSIGNED_KEY = "g:unassigned";

    private final Format format = new Format();
    private final TreeItem<PositionRow> root = new TreeItem<>(PositionRow.group("g:root", "all"));
    private final TreeItem<PositionRow> unassignedItem = new TreeItem<>(PositionRow.group(UNASSIGNED_KEY, "Unassigned"));
    private final Branch unassigned = new Branch(unassignedItem);
    private final ReadOnlyBooleanWrapper anyFlattenFailed = new ReadOnlyBooleanWrapper(this, "anyFlattenFailed");
    private Map<String, StrategyBranch> strategies = new LinkedHashMap<>();
    private MonitorSnapshot shown;

    public PositionTreeModel() {
        root.setExpanded(true);
        unassignedItem.setExpanded(true);
        root.getChildren().add(unassignedItem);
    }

    /** The (hidden) root: strategies in configuration order, then the Unassigned group. */
    public TreeItem<PositionRow> root() {
        return root;
    }

    /** True while any strategy's flatten has failed: the table's alarm animation runs only then. */
    public ReadOnlyBooleanProperty anyFlattenFailedProperty() {
        return anyFlattenFailed.getReadOnlyProperty();
    }

    /**
     * Brings the rows in line with {@code snapshot}.
     *
     * @return how many rows were recomputed (0 when the snapshot is the one already shown)
     */
    public int apply(MonitorSnapshot snapshot, long nowMs) {
        if (snapshot == null || snapshot == shown) {
            return 0;
        }
        shown = snapshot;
        int changed = 0;
        Map<String, StrategyBranch> next = new LinkedHashMap<>();
        boolean failed = false;
        for (StrategyView view : snapshot.strategies()) {
            StrategyBranch branch = strategies.get(view.id());
            if (branch == null) {
                branch = new StrategyBranch(view.id());
            }
            changed += branch.update(view, nowMs);
            next.put(view.id(), branch);
            failed |= view.status() == HedgeStatus.FLATTEN_FAILED;
        }
        boolean restructure = !List.copyOf(next.keySet()).equals(List.copyOf(strategies.keySet()));
        strategies = next;
        changed += unassigned.update(snapshot.unassigned(), l -> "u:" + l.instrument(), false, nowMs);
        unassignedItem.getValue().nameOverride("Unassigned (" + snapshot.unassigned().size() + ")");
        if (restructure) {
            List<TreeItem<PositionRow>> children = new ArrayList<>(strategies.size() + 1);
            strategies.values().forEach(b -> children.add(b.item));
            children.add(unassignedItem);
            root.getChildren().setAll(children);
        }
        anyFlattenFailed.set(failed);
        return changed;
    }

    /** Advances every "age"/"naked for" field to {@code nowMs}; driven by the one shared UI clock. */
    public void tick(long nowMs) {
        for (StrategyBranch b : strategies.values()) {
            b.item.getValue().tick(nowMs);
            b.tick(nowMs);
        }
        unassigned.tick(nowMs);
    }

    /**
     * Shows the auto-flatten countdowns ({@link io.legwatch.app.AutoFlattenControl#countdowns()}):
     * strategies absent from {@code firesInMs} have nothing pending.
     */
    public void showAutoCountdowns(Map<String, Long> firesInMs) {
        strategies.forEach((id, b) -> b.item.getValue().autoFiresIn(firesInMs.getOrDefault(id, -1L)));
    }

    public Optional<TreeItem<PositionRow>> strategyItem(String strategyId) {
        return Optional.ofNullable(strategies.get(strategyId)).map(b -> b.item);
    }

    public TreeItem<PositionRow> unassignedItem() {
        return unassignedItem;
    }

    /** The leg rows under one parent, diffed by key. */
    private class Branch {
        final TreeItem<PositionRow> item;
        Map<String, TreeItem<PositionRow>> legs = new LinkedHashMap<>();

        Branch(TreeItem<PositionRow> item) {
            this.item = item;
        }

        int update(List<LegView> views, Function<LegView, String> keyOf, boolean assigned, long nowMs) {
            int changed = 0;
            Map<String, TreeItem<PositionRow>> next = new LinkedHashMap<>();
            for (LegView view : views) {
                String key = keyOf.apply(view);
                TreeItem<PositionRow> leg = legs.get(key);
                if (leg == null) {
                    leg = new TreeItem<>(PositionRow.leg(key, assigned));
                }
                if (leg.getValue().source() != view) {
                    leg.getValue().show(view, format, nowMs);
                    changed++;
                }
                next.put(key, leg);
            }
            if (!List.copyOf(next.keySet()).equals(List.copyOf(legs.keySet()))) {
                item.getChildren().setAll(next.values());
            }
            legs = next;
            return changed;
        }

        void tick(long nowMs) {
            legs.values().forEach(l -> l.getValue().tick(nowMs));
        }
    }

    private final class StrategyBranch extends Branch {
        StrategyBranch(String strategyId) {
            super(new TreeItem<>(PositionRow.strategy(strategyId)));
            item.setExpanded(true);
        }

        int update(StrategyView view, long nowMs) {
            PositionRow row = item.getValue();
            if (row.source() == view) {
                return 0;
            }
            row.show(view, format, nowMs);
            return 1 + update(view.legs(), l -> "l:" + view.id() + ":" + l.legId(), true, nowMs);
        }
    }
}
