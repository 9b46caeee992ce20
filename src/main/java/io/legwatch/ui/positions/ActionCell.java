package io.legwatch.ui.positions;

import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** The per-row Flatten button: on strategy rows and on assigned leg rows. One button per cell, reused. */
final class ActionCell extends ContainedCell<PositionRow> {
    private final Button button = new Button("Flatten", new FontIcon("mdal-clear_all"));
    private Tooltip strategyTip;
    private Tooltip legTip;

    ActionCell(Consumer<PositionRow> onFlatten) {
        getStyleClass().add("action-cell");
        button.getStyleClass().addAll("flatten-button", "small");
        button.setFocusTraversable(false);
        button.setOnAction(e -> {
            PositionRow row = getItem();
            if (row != null) {
                onFlatten.accept(row);
            }
        });
        HoverTooltips.onHover(button, this::tooltip);
    }

    private Tooltip tooltip() {
        PositionRow row = getItem();
        if (row == null) {
            return null;
        }
        if (row.kind() == RowKind.STRATEGY) {
            return strategyTip != null ? strategyTip
                    : (strategyTip = new Tooltip("Flatten every leg of this strategy (asks first)"));
        }
        return legTip != null ? legTip : (legTip = new Tooltip("Flatten this leg only (asks first)"));
    }

    @Override
    protected void updateItem(PositionRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null || !(row.kind() == RowKind.STRATEGY || row.kind() == RowKind.LEG)) {
            setGraphic(null);
            return;
        }
        boolean strategy = row.kind() == RowKind.STRATEGY;
        button.setContentDisplay(strategy ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY);
        // No per-strategy id: when a strategy moves to the top every visible row shows another item,
        // and a new id re-matches the button's CSS from scratch. Tests find it through its row.
        setGraphic(button);
    }
}
