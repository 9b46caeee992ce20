package io.legwatch.ui;

import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.scene.Node;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.Optional;
import java.util.function.Predicate;

/** Finds rendered rows of the positions tree and reads the colour CSS actually painted. */
public final class FxRows {
    private FxRows() {
    }

    @SuppressWarnings("unchecked")
    public static Optional<TreeTableRow<PositionRow>> rendered(TreeTableView<PositionRow> table, Predicate<PositionRow> which) {
        for (Node n : table.lookupAll(".tree-table-row-cell")) {
            if (n instanceof TreeTableRow<?> row && row.getItem() instanceof PositionRow r && !row.isEmpty()
                    && which.test(r)) {
                return Optional.of((TreeTableRow<PositionRow>) row);
            }
        }
        return Optional.empty();
    }

    /**
     * A node inside the rendered row of strategy {@code strategyId}, e.g. its {@code .flatten-button},
     * {@code .auto-toggle} or {@code .auto-fires-in}. The table's cells carry no per-strategy ids
     * (rows move under load, and a new id re-matches a node's CSS from scratch), so tests go through the row.
     */
    public static Optional<Node> inStrategyRow(TreeTableView<PositionRow> table, String strategyId, String selector) {
        return rendered(table, r -> r.kind() == RowKind.STRATEGY && strategyId.equals(r.strategyId()))
                .map(row -> row.lookup(selector));
    }

    /** The first background fill as painted (after CSS), or null. */
    public static Color fill(TreeTableRow<?> row) {
        Background bg = row.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return null;
        }
        Paint p = bg.getFills().get(0).getFill();
        return p instanceof Color c ? c : null;
    }

    /** Clearly red: red dominates green and blue. */
    public static boolean isRed(Color c) {
        return c != null && c.getRed() > 0.5 && c.getRed() > 2 * c.getGreen() && c.getRed() > 2 * c.getBlue();
    }

    /** Amber: strong red and green, little blue. */
    public static boolean isAmber(Color c) {
        return c != null && c.getRed() > 0.5 && c.getGreen() > 0.3 && c.getGreen() < c.getRed()
                && c.getBlue() < 0.3 * c.getRed();
    }
}
