package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.Format;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of the positions tree, kept in step with the engine's snapshots. {@link #apply} diffs a
 * snapshot against the rows shown: the engine reuses unchanged {@link StrategyView}/{@link LegView}
 * instances, so a reference comparison finds what changed, and only those rows take the new view
 * (their display strings are formatted when a visible cell reads them, see {@link LazyText}).
 * The tree's structure (children lists) is only touched when strategies or legs appear, vanish or
 * reorder; checking that allocates nothing, since under load it runs on every frame.
 *
 * <p><b>Stable order.</b> Strategies stay in configuration order, Unassigned last: a status change
 * changes one row in place (its pseudo-class), and rows never move under the trader's mouse. The
 * strategies that need the trader now are listed, most severe first, by the {@link AttentionList}
 * (the pinned table above), which this model updates from the same snapshot in the same call.
 * FX thread only; needs no running toolkit, so it is tested without one.
 */
public final class PositionTreeModel {
    static final String UNASSIGNED_KEY = "g:unassigned";
    /** Leg ages are cosmetic: advanced once a second (a leg that changes gets its age at once). */
    static final long AGE_TICK_MS = 1_000;

    private final Format format = new Format();
    private final TreeItem<PositionRow> root = new TreeItem<>(PositionRow.group("g:root", "all"));
    private final TreeItem<PositionRow> unassignedItem = new TreeItem<>(PositionRow.group(UNASSIGNED_KEY, "Unassigned"));
    private final Branch unassigned = new Branch(unassignedItem, false);
    private final ReadOnlyBooleanWrapper anyFlattenFailed = new ReadOnlyBooleanWrapper(this, "anyFlattenFailed");
    private final Map<String, StrategyBranch> strategies = new HashMap<>();
    /** The strategies' items in configuration order (the root's children without Unassigned). */
    private final List<TreeItem<PositionRow>> configOrder = new ArrayList<>();
    private final AttentionList attention = new AttentionList();
    /** Bumped when a strategy's auto-flatten switch changes (that state lives in the policy, not the snapshot). */
    private final ReadOnlyIntegerWrapper autoArmedRevision = new ReadOnlyIntegerWrapper(this, "autoArmedRevision");
    private MonitorSnapshot shown;
    private long generation;
    private boolean orderDirty;
    /** A strategy's severity or naked-since changed, or legs or strategies came or went: re-list attention. */
    private boolean attentionDirty;
    private int unassignedCount = -1;
    private long lastAgeTickMs;

    public PositionTreeModel() {
        root.setExpanded(true);
        unassignedItem.setExpanded(true);
        root.getChildren().add(unassignedItem);
    }

    /** The (hidden) root of the big table: strategies in configuration order, then Unassigned. */
    public TreeItem<PositionRow> root() {
        return root;
    }

    /**
     * The (hidden) root of the pinned table: the strategies that need attention, most severe first.
     * Its items hold the same rows as the big table's, so both show the same state in the same pulse.
     */
    public TreeItem<PositionRow> attentionRoot() {
        return attention.root();
    }

    /** True while any strategy's flatten has failed: the table's alarm animation runs only then. */
    public ReadOnlyBooleanProperty anyFlattenFailedProperty() {
        return anyFlattenFailed.getReadOnlyProperty();
    }

    /**
     * Brings the rows in line with {@code snapshot}.
     *
     * @return how many rows took a new view (0 when the snapshot is the one already shown)
     */
    public int apply(MonitorSnapshot snapshot, long nowMs) {
        if (snapshot == null || snapshot == shown) {
            return 0;
        }
        shown = snapshot;
        generation++;
        int changed = 0;
        boolean failed = false;
        List<StrategyView> views = snapshot.strategies();
        boolean membership = views.size() != strategies.size();
        for (int i = 0; i < views.size(); i++) {
            StrategyView view = views.get(i);
            StrategyBranch branch = strategies.get(view.id());
            if (branch == null) {
                branch = new StrategyBranch(view.id());
                strategies.put(view.id(), branch);
                membership = true;
            }
            if (branch.configIndex != i) {
                branch.configIndex = i;
                orderDirty = true;
            }
            branch.generation = generation;
            changed += branch.update(view, nowMs);
            failed |= view.status() == HedgeStatus.FLATTEN_FAILED;
        }
        changed += unassigned.update(snapshot.unassigned(), nowMs);
        if (snapshot.unassigned().size() != unassignedCount) {
            unassignedCount = snapshot.unassigned().size();
            unassignedItem.getValue().nameOverride("Unassigned (" + unassignedCount + ")");
        }
        if (membership) {
            strategies.values().removeIf(b -> b.generation != generation);
            orderDirty = true;
        }
        if (orderDirty) {
            // Only when strategies come, go or are re-configured: a status never moves a row.
            List<StrategyBranch> sorted = new ArrayList<>(strategies.values());
            sorted.sort(Comparator.comparingInt(b -> b.configIndex));
            configOrder.clear();
            sorted.forEach(b -> configOrder.add(b.item));
            List<TreeItem<PositionRow>> children = new ArrayList<>(configOrder);
            children.add(unassignedItem);
            root.getChildren().setAll(children);
            orderDirty = false;
            attentionDirty = true;
        }
        if (attentionDirty) {
            attention.update(configOrder);
            attentionDirty = false;
        }
        anyFlattenFailed.set(failed);
        return changed;
    }

    /** A strategy's auto-flatten switch changed: every Auto cell, in both tables, re-reads it. */
    public void autoArmedChanged() {
        autoArmedRevision.set(autoArmedRevision.get() + 1);
    }

    public ReadOnlyIntegerProperty autoArmedRevision() {
        return autoArmedRevision.getReadOnlyProperty();
    }

    /** Advances "naked for" to {@code nowMs} at every tick and leg ages once a second; driven by the one UI clock. */
    public void tick(long nowMs) {
        boolean ages = nowMs - lastAgeTickMs >= AGE_TICK_MS;
        if (ages) {
            lastAgeTickMs = nowMs;
        }
        for (StrategyBranch b : strategies.values()) {
            b.item.getValue().tick(nowMs);
            if (ages) {
                b.tick(nowMs);
            }
        }
        if (ages) {
            unassigned.tick(nowMs);
        }
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

    /** The leg rows under one parent, matched to the views by position first (no allocation when nothing moved). */
    private class Branch {
        final TreeItem<PositionRow> item;
        private final boolean assigned;
        private List<TreeItem<PositionRow>> legs = List.of();

        Branch(TreeItem<PositionRow> item, boolean assigned) {
            this.item = item;
            this.assigned = assigned;
        }

        int update(List<LegView> views, long nowMs) {
            if (!sameLegs(views)) {
                restructure(views);
            }
            int changed = 0;
            for (int i = 0; i < views.size(); i++) {
                PositionRow row = legs.get(i).getValue();
                LegView view = views.get(i);
                if (row.source() != view) {
                    row.show(view, format, nowMs);
                    changed++;
                }
            }
            return changed;
        }

        private boolean sameLegs(List<LegView> views) {
            if (views.size() != legs.size()) {
                return false;
            }
            for (int i = 0; i < views.size(); i++) {
                PositionRow row = legs.get(i).getValue();
                LegView view = views.get(i);
                boolean same = assigned ? Objects.equals(row.legId(), view.legId()) && row.source() != null
                        : view.instrument().equals(row.instrument());
                if (!same) {
                    return false;
                }
            }
            return true;
        }

        private void restructure(List<LegView> views) {
            Map<String, TreeItem<PositionRow>> old = new HashMap<>();
            legs.forEach(l -> old.put(l.getValue().key(), l));
            List<TreeItem<PositionRow>> next = new ArrayList<>(views.size());
            for (LegView view : views) {
                String key = assigned ? "l:" + view.strategyId() + ":" + view.legId() : "u:" + view.instrument();
                TreeItem<PositionRow> leg = old.get(key);
                next.add(leg != null ? leg : new TreeItem<>(PositionRow.leg(key, assigned)));
            }
            item.getChildren().setAll(next);
            legs = next;
            attentionDirty = true;
        }

        void tick(long nowMs) {
            for (TreeItem<PositionRow> l : legs) {
                l.getValue().tick(nowMs);
            }
        }
    }

    private final class StrategyBranch extends Branch {
        int configIndex = -1;
        long generation;

        StrategyBranch(String strategyId) {
            super(new TreeItem<>(PositionRow.strategy(strategyId)), true);
            item.setExpanded(true);
        }

        int update(StrategyView view, long nowMs) {
            PositionRow row = item.getValue();
            if (row.source() == view) {
                return 0;
            }
            int severityBefore = row.source() == null ? -1 : AttentionList.severity(row.status());
            long nakedSinceBefore = row.nakedSinceMs();
            row.show(view, format, nowMs);
            if (AttentionList.severity(view.status()) != severityBefore || view.nakedSinceMs() != nakedSinceBefore) {
                attentionDirty = true;
            }
            return 1 + update(view.legs(), nowMs);
        }
    }
}
