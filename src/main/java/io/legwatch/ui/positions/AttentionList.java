package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the pinned "Needs attention" table: the strategies the trader must act on now, most
 * severe first (FLATTEN_FAILED, NAKED, UNKNOWN, FLATTENING), oldest naked-since first within a status.
 * LEGGING is not here: it is inside its grace period and becomes NAKED when the grace expires.
 *
 * <p>Its tree items mirror the big table's: each holds the <em>same</em> {@link PositionRow} as the
 * strategy's (and its legs') item there, so one snapshot updates both tables in the same pulse and
 * a status shown here can never differ from the big table's. A TreeItem has one parent, so the
 * mirror items are separate objects. FX thread only; needs no running toolkit.
 */
final class AttentionList {
    /** Severity rank, lower first; -1: the strategy does not need attention. */
    static int severity(HedgeStatus status) {
        if (status == null) {
            return -1;
        }
        return switch (status) {
            case FLATTEN_FAILED -> 0;
            case NAKED -> 1;
            case UNKNOWN -> 2;
            case FLATTENING -> 3;
            case HEDGED, LEGGING, FLAT -> -1;
        };
    }

    private final TreeItem<PositionRow> root = new TreeItem<>(PositionRow.group("g:attention", "Needs attention"));
    /** Mirror items by strategy id; only the strategies listed now (one that leaves and comes back starts collapsed). */
    private Map<String, TreeItem<PositionRow>> mirrors = new HashMap<>();

    AttentionList() {
        root.setExpanded(true);
    }

    TreeItem<PositionRow> root() {
        return root;
    }

    /**
     * Brings the list in line with the big table's strategy items, given in configuration order.
     * Touches the root's children only when membership or order changed, and a mirror's legs only when
     * the strategy's legs changed, so a snapshot that changes nothing here re-indexes nothing.
     */
    void update(List<TreeItem<PositionRow>> strategiesInConfigOrder) {
        List<Candidate> needing = new ArrayList<>();
        for (int i = 0; i < strategiesInConfigOrder.size(); i++) {
            TreeItem<PositionRow> item = strategiesInConfigOrder.get(i);
            int severity = severity(item.getValue().status());
            if (severity >= 0) {
                needing.add(new Candidate(item, severity, item.getValue().nakedSinceMs(), i));
            }
        }
        needing.sort(ORDER);
        Map<String, TreeItem<PositionRow>> next = new HashMap<>();
        List<TreeItem<PositionRow>> children = new ArrayList<>(needing.size());
        for (Candidate c : needing) {
            String id = c.item.getValue().strategyId();
            TreeItem<PositionRow> mirror = mirrors.get(id);
            if (mirror == null) {
                mirror = new TreeItem<>(c.item.getValue());
            }
            syncLegs(c.item, mirror);
            next.put(id, mirror);
            children.add(mirror);
        }
        mirrors = next;
        if (!sameItems(root.getChildren(), children)) {
            root.getChildren().setAll(children);
        }
    }

    int size() {
        return root.getChildren().size();
    }

    private static void syncLegs(TreeItem<PositionRow> source, TreeItem<PositionRow> mirror) {
        List<TreeItem<PositionRow>> legs = source.getChildren();
        List<TreeItem<PositionRow>> shown = mirror.getChildren();
        boolean same = legs.size() == shown.size();
        for (int i = 0; same && i < legs.size(); i++) {
            same = legs.get(i).getValue() == shown.get(i).getValue();
        }
        if (!same) {
            List<TreeItem<PositionRow>> next = new ArrayList<>(legs.size());
            legs.forEach(l -> next.add(new TreeItem<>(l.getValue())));
            mirror.getChildren().setAll(next);
        }
    }

    private static boolean sameItems(List<TreeItem<PositionRow>> a, List<TreeItem<PositionRow>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Severity, then the longest naked first (0 = not known: last), then configuration order. */
    private static final Comparator<Candidate> ORDER = Comparator.comparingInt(Candidate::severity)
            .thenComparingLong(c -> c.nakedSinceMs > 0 ? c.nakedSinceMs : Long.MAX_VALUE)
            .thenComparingInt(Candidate::configIndex);

    private record Candidate(TreeItem<PositionRow> item, int severity, long nakedSinceMs, int configIndex) {
    }
}
