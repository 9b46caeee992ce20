package io.legwatch.ui.positions;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/**
 * Tooltips made when the pointer first enters a control, not with the control. A table builds a
 * cell for every visible row of every column of both tables before its first frame, and a Tooltip
 * is a popup window with properties of its own: made eagerly they were 11-14 % of the FX thread's
 * work before the first frame (JFR, firstframe branch). A tooltip only shows after the pointer rests
 * on the control, so installing it on entry loses nothing.
 */
final class HoverTooltips {
    private HoverTooltips() {
    }

    /** On every entry, installs what {@code tooltip} gives for the control's current content (null: none). */
    static void onHover(Control control, Supplier<Tooltip> tooltip) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> control.setTooltip(tooltip.get()));
    }
}
