package io.legwatch.ui.positions;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.ui.StatusText;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TreeTableRow;

import java.util.EnumMap;
import java.util.Map;

/**
 * The one row type of the positions tree: mirrors the row's hedge status (and its kind) into
 * pseudo-classes, so every colour lives in legwatch.css. Listens to the status of the item it
 * currently shows and lets go of it when the row is reused for another item.
 */
final class StatusRow extends TreeTableRow<PositionRow> {
    private static final Map<HedgeStatus, PseudoClass> STATUS = new EnumMap<>(HedgeStatus.class);
    private static final Map<RowKind, PseudoClass> KIND = new EnumMap<>(RowKind.class);

    static {
        for (HedgeStatus s : HedgeStatus.values()) {
            STATUS.put(s, PseudoClass.getPseudoClass(StatusText.pseudoClass(s)));
        }
        for (RowKind k : RowKind.values()) {
            KIND.put(k, PseudoClass.getPseudoClass(k.name().toLowerCase()));
        }
    }

    private final ChangeListener<HedgeStatus> statusListener = (obs, old, now) -> showStatus(now);
    private PositionRow watched;

    StatusRow() {
        getStyleClass().add("position-row");
    }

    @Override
    protected void updateItem(PositionRow item, boolean empty) {
        super.updateItem(item, empty);
        if (watched != null) {
            watched.statusProperty().removeListener(statusListener);
            watched = null;
        }
        PositionRow row = empty ? null : item;
        if (row != null) {
            watched = row;
            row.statusProperty().addListener(statusListener);
        }
        for (RowKind k : RowKind.values()) {
            pseudoClassStateChanged(KIND.get(k), row != null && row.kind() == k);
        }
        showStatus(row == null ? null : row.status());
    }

    private void showStatus(HedgeStatus status) {
        for (HedgeStatus s : HedgeStatus.values()) {
            pseudoClassStateChanged(STATUS.get(s), s == status);
        }
    }
}
