package io.legwatch.ui.positions;

import javafx.scene.control.Tooltip;

/**
 * Shows a precomputed display string; numeric columns add the {@code num} style class
 * (right-aligned, monospaced). Long-text cells also show the full text in a tooltip.
 */
final class TextCell extends ContainedCell<String> {
    private final Tooltip tooltip;

    TextCell(String... styleClasses) {
        getStyleClass().addAll(styleClasses);
        tooltip = null;
    }

    TextCell(boolean fullTextTooltip) {
        tooltip = fullTextTooltip ? new Tooltip() : null;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(blank ? null : item);
        if (tooltip != null) {
            tooltip.setText(blank ? "" : item);
            setTooltip(blank ? null : tooltip);
        }
    }
}
