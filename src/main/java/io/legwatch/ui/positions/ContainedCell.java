package io.legwatch.ui.positions;

import javafx.scene.control.TreeTableCell;

/**
 * A cell whose content changes never ask its row, and so the table, for a new layout.
 *
 * <p>Why: the table's VirtualFlow rebuilds every visible row (re-index, re-apply CSS, re-layout) on any
 * pulse where one of its rows needs layout, and a row needs layout as soon as one of its cells asks
 * for it - which a Labeled does on every text change. Under load some visible cell changes on every
 * frame, so the whole viewport was rebuilt every frame. A cell here is sized by its column and the
 * fixed row height, never by its content, so a content change only needs this cell laid out again:
 * it marks itself (the layout pass still reaches it through its parents) and stops there.
 */
abstract class ContainedCell<T> extends TreeTableCell<PositionRow, T> {

    @Override
    public void requestLayout() {
        setNeedsLayout(true);
    }
}
