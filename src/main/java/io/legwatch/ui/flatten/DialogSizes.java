package io.legwatch.ui.flatten;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Dialog content widths that fit the screen the owner window is on. */
final class DialogSizes {
    private DialogSizes() {
    }

    /** {@code wanted}, or less on a smaller screen (leaving room for the dialog's frame and padding). */
    static double width(Window owner, double wanted) {
        Rectangle2D screen = owner == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                        Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        return Math.min(wanted, screen.getWidth() - 120);
    }
}
