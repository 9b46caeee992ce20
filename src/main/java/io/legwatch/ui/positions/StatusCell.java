package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.ui.StatusText;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** The hedge status in words with an icon; the tooltip says why (the engine's reason). */
final class StatusCell extends ContainedCell<HedgeStatus> {
    private final FontIcon icon = new FontIcon();
    private Tooltip tooltip;
    /** What the cell shows now: a reused cell that shows the same status again changes nothing (no icon lookup, no CSS). */
    private HedgeStatus shown;

    StatusCell() {
        getStyleClass().add("status-cell");
        icon.getStyleClass().add("status-icon");
        HoverTooltips.onHover(this, this::why);
    }

    private Tooltip why() {
        if (shown == null) {
            return null;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setShowDelay(Duration.millis(300));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            // Read the reason when the tooltip opens: it can change while the status stays the same.
            tooltip.setOnShowing(e -> {
                PositionRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.status() != null) {
                    String detail = row.detailProperty().get();
                    tooltip.setText(StatusText.explain(row.status()) + (detail.isEmpty() ? "" : "\n" + detail));
                }
            });
        }
        tooltip.setText(StatusText.explain(shown));
        return tooltip;
    }

    @Override
    protected void updateItem(HedgeStatus status, boolean empty) {
        super.updateItem(status, empty);
        PositionRow row = empty ? null : getTableRow().getItem();
        if (empty || status == null || row == null) {
            shown = null;
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (status == shown) {
            return;
        }
        shown = status;
        setText(StatusText.label(status));
        icon.setIconLiteral(StatusText.iconLiteral(status));
        setGraphic(icon);
    }
}
