package io.legwatch.ui.positions;

import javafx.scene.control.TreeTableCell;

/** Shows a precomputed display string; numeric columns add the {@code num} style class (right-aligned, monospaced). */
final class TextCell extends TreeTableCell<PositionRow, String> {
    TextCell(String... styleClasses) {
        getStyleClass().addAll(styleClasses);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null || item.isEmpty() ? null : item);
    }
}
