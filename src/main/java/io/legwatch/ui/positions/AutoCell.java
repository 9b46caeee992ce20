package io.legwatch.ui.positions;

import io.legwatch.app.AutoFlattenControl;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;

/**
 * Auto-flatten armed/disarmed for one strategy. The state lives in the flatten policy, not in
 * the snapshot, so the cell reads it whenever it is (re)used and writes it on toggle. While the policy
 * is counting down on a naked strategy, the cell shows the time left before it flattens.
 */
final class AutoCell extends ContainedCell<PositionRow> {
    private final ToggleButton toggle = new ToggleButton();
    private final Label firesIn = new Label();
    private final HBox box = new HBox(4, toggle, firesIn);
    private final AutoFlattenControl control;
    /** Both tables show a strategy's toggle: a change in one is re-read by every Auto cell. */
    private final InvalidationListener armedChanged = obs -> reread();

    AutoCell(AutoFlattenControl control, PositionTreeModel model) {
        this.control = control;
        model.autoArmedRevision().addListener(new WeakInvalidationListener(armedChanged));
        getStyleClass().add("auto-cell");
        toggle.getStyleClass().addAll("auto-toggle", "small");
        toggle.setFocusTraversable(false);
        Tooltip[] made = new Tooltip[2];
        HoverTooltips.onHover(toggle, () -> made[0] != null ? made[0] : (made[0] = new Tooltip(
                "Automatic flatten for this strategy: armed lets the policy flatten it when it stays naked; it acts "
                        + "only while the global Auto-flatten switch is armed too")));
        firesIn.getStyleClass().add("auto-fires-in");
        HoverTooltips.onHover(firesIn, () -> made[1] != null ? made[1] : (made[1] = new Tooltip(
                "Naked beyond the threshold: automatic flatten fires when this reaches zero")));
        firesIn.managedProperty().bind(firesIn.textProperty().isNotEmpty());
        firesIn.visibleProperty().bind(firesIn.managedProperty());
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        toggle.setOnAction(e -> {
            PositionRow row = getItem();
            if (row != null) {
                control.setArmed(row.strategyId(), toggle.isSelected());
                show(control.armed(row.strategyId()));
                model.autoArmedChanged();
            }
        });
    }

    private void reread() {
        PositionRow row = getItem();
        if (row != null && row.kind() == RowKind.STRATEGY) {
            show(control.armed(row.strategyId()));
        }
    }

    private void show(boolean armed) {
        toggle.setSelected(armed);
        toggle.setText(armed ? "armed" : "off");
    }

    @Override
    protected void updateItem(PositionRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        firesIn.textProperty().unbind();
        firesIn.setText("");
        if (empty || row == null || row.kind() != RowKind.STRATEGY) {
            setGraphic(null);
            return;
        }
        // No per-strategy ids: rows move under load, and a new id re-matches the nodes' CSS from
        // scratch. Tests find the toggle and the countdown through the strategy's row.
        firesIn.textProperty().bind(row.autoFiresInProperty());
        show(control.armed(row.strategyId()));
        setGraphic(box);
    }
}
