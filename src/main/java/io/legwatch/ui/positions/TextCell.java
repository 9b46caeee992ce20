package io.legwatch.ui.positions;

import javafx.scene.control.Tooltip;

/**
 * Shows a precomputed display string; numeric columns add the {@code num} style class
 * (right-aligned, monospaced). Long-text cells also show the full text in a tooltip.
 */
final class TextCell extends ContainedCell<String> {
    private Tooltip tooltip;

    TextCell(String... styleClasses) {
        getStyleClass().addAll(styleClasses);
    }

    TextCell(boolean fullTextTooltip) {
        if (fullTextTooltip) {
            HoverTooltips.onHover(this, this::fullText);
        }
    }

    private Tooltip fullText() {
        String text = getText();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setOnShowing(e -> tooltip.setText(getText())); // the text may change while the pointer rests
        }
        tooltip.setText(text);
        return tooltip;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null || item.isEmpty();
        setText(blank ? null : item);
        if (blank && getTooltip() != null) {
            setTooltip(null);
        }
    }
}
