package io.legwatch.ui.flatten;

import io.legwatch.app.FlattenPreview;
import io.legwatch.app.PlannedOrder;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.ui.Css;
import io.legwatch.ui.Format;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * "Are you sure?" for a flatten, stating exactly what will be sent: one line per instrument of the
 * flatten plan (venue, instrument, owner, position now, side, quantity, first order type,
 * reduce-only), the escalation ladder and the plan's warnings. Confirming executes this very plan.
 * Returns true only when the trader confirms; Enter cancels.
 */
public final class FlattenConfirmDialog extends Dialog<Boolean> {
    public static final ButtonType SEND = new ButtonType("Send flatten", ButtonBar.ButtonData.OK_DONE);
    private static final String NONE = "\u2014";

    public FlattenConfirmDialog(Window owner, FlattenPreview preview) {
        initOwner(owner);
        setTitle("Confirm flatten");
        setHeaderText("Flatten " + preview.target().describe() + "?");
        setGraphic(new FontIcon("mdal-clear_all"));
        getDialogPane().getStyleClass().add("flatten-confirm");
        getDialogPane().setId("flatten-confirm");
        Css.apply(getDialogPane());

        Format format = new Format();
        VBox content = new VBox();
        content.getStyleClass().add("dialog-body");
        // Long lines (the ladder, warnings) wrap at this width instead of widening the dialog off-screen.
        content.setPrefWidth(DialogSizes.width(owner, 1100));
        long sending = preview.lines().stream().filter(PlannedOrder::sendsOrder).count();
        content.getChildren().add(new Label(preview.lines().isEmpty()
                ? "Nothing in scope: no order will be sent."
                : "Open orders on these instruments are cancelled first (stop/conditional included). Then "
                + (sending == 0 ? "no order is sent: every position in scope is flat or unknown." : sending
                + (sending == 1 ? " order is" : " orders are") + " sent, all reduce-only:")));
        if (!preview.lines().isEmpty()) {
            TableView<PlannedOrder> table = new TableView<>();
            table.setId("flatten-plan");
            table.getStyleClass().addAll("plan-table", "dense");
            table.getItems().setAll(preview.lines());
            table.getColumns().add(col("Venue", 80, o -> o.instrument().venue().value(), false));
            table.getColumns().add(col("Instrument", 130, o -> o.instrument().symbol(), false));
            table.getColumns().add(col("Position now", 120, o -> format.qty(o.currentQty()), true));
            table.getColumns().add(col("Side", 56, o -> o.side() == null ? NONE : o.side() == Side.BUY ? "BUY" : "SELL", false));
            table.getColumns().add(col("Qty", 110, o -> o.side() == null ? NONE
                    : Double.isNaN(o.qty()) ? "from venue" : format.qty(o.qty()).replace("+", ""), true));
            table.getColumns().add(col("Type", 300, FlattenConfirmDialog::type, false));
            table.getColumns().add(col("Reduce-only", 112, o -> !o.sendsOrder() ? NONE : o.reduceOnly() ? "yes" : "NO", false));
            table.getColumns().add(col("Note", 260, o -> o.note().isEmpty() ? o.owner() : o.owner() + ": " + o.note(), false));
            table.setFixedCellSize(30);
            table.setPrefHeight(40 + 30 * Math.min(8, preview.lines().size()) + 4);
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            content.getChildren().add(table);
        }
        if (!preview.escalation().isBlank()) {
            Label esc = new Label("If an order does not flatten its leg: " + preview.escalation());
            esc.setWrapText(true);
            esc.getStyleClass().add("text-muted");
            content.getChildren().add(esc);
        }
        for (String warning : preview.warnings()) {
            Label w = new Label(warning, new FontIcon("mdmz-warning"));
            w.setWrapText(true);
            w.getStyleClass().add("dialog-warning");
            content.getChildren().add(w);
        }
        Label verify = new Label("Quantities are re-read from each venue just before sending. The strategy shows "
                + "FLATTENING until every venue reports zero. Plan " + preview.planId() + ".");
        verify.setWrapText(true);
        verify.getStyleClass().add("text-muted");
        content.getChildren().add(verify);
        for (javafx.scene.Node n : content.getChildren()) {
            if (n instanceof Label l) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CANCEL);
        Button send = (Button) getDialogPane().lookupButton(SEND);
        send.setId("confirm-flatten");
        send.getStyleClass().add("danger");
        send.setDefaultButton(false); // Enter must not fire a flatten by accident
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("cancel-flatten");
        cancel.setDefaultButton(true);
        setResultConverter(b -> b == SEND);
    }

    private static String type(PlannedOrder o) {
        if (o.type() == null) {
            return NONE;
        }
        String t = o.type() == OrderType.MARKET ? "MARKET" : o.type() == OrderType.LIMIT_IOC ? "LIMIT IOC" : "LIMIT";
        return o.priceNote().isEmpty() ? t : t + " " + o.priceNote();
    }

    private static TableColumn<PlannedOrder, String> col(String title, double width, Function<PlannedOrder, String> f,
                                                         boolean numeric) {
        TableColumn<PlannedOrder, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        if (numeric) {
            c.getStyleClass().add("num");
        }
        return c;
    }
}
