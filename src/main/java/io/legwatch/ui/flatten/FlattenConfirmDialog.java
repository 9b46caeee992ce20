package io.legwatch.ui.flatten;

import io.legwatch.app.FlattenPreview;
import io.legwatch.app.PlannedOrder;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.ui.Format;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * "Are you sure?" for a flatten, stating exactly what will be sent: one line per order of the
 * flatten plan (venue, instrument, position it closes, side, quantity, type, reduce-only), what
 * is cancelled first and how the ladder escalates. Returns true only when the trader confirms.
 */
public final class FlattenConfirmDialog extends Dialog<Boolean> {
    public static final ButtonType SEND = new ButtonType("Send flatten", ButtonBar.ButtonData.OK_DONE);

    public FlattenConfirmDialog(Window owner, FlattenPreview preview) {
        initOwner(owner);
        setTitle("Confirm flatten");
        setHeaderText("Flatten " + preview.target().describe() + "?");
        setGraphic(new FontIcon("mdal-clear_all"));
        getDialogPane().getStyleClass().add("flatten-confirm");
        getDialogPane().setId("flatten-confirm");
        io.legwatch.ui.Css.apply(getDialogPane());

        Format format = new Format();
        VBox content = new VBox();
        content.getStyleClass().add("dialog-body");
        if (preview.orders().isEmpty()) {
            content.getChildren().add(new Label("No open position in scope: no order will be sent."
                    + (preview.cancelsFirst() ? " Open orders are still cancelled." : "")));
        } else {
            content.getChildren().add(new Label((preview.cancelsFirst()
                    ? "Open orders on these instruments are cancelled first (stop/conditional included), then these orders are sent:"
                    : "These orders are sent:")));
            TableView<PlannedOrder> table = new TableView<>();
            table.setId("flatten-plan");
            table.getStyleClass().addAll("plan-table", "dense");
            table.getItems().setAll(preview.orders());
            table.getColumns().add(col("Venue", 100, o -> o.instrument().venue().value(), false));
            table.getColumns().add(col("Instrument", 130, o -> o.instrument().symbol(), false));
            table.getColumns().add(col("Position now", 120, o -> format.qty(o.currentQty()), true));
            table.getColumns().add(col("Side", 60, o -> o.side() == Side.BUY ? "BUY" : "SELL", false));
            table.getColumns().add(col("Qty", 110, o -> format.qty(o.qty()).replace("+", ""), true));
            table.getColumns().add(col("Type", 110, FlattenConfirmDialog::type, false));
            table.getColumns().add(col("Reduce-only", 100, o -> o.reduceOnly() ? "yes" : "NO", false));
            table.setFixedCellSize(30);
            table.setPrefHeight(38 + 30 * Math.min(8, preview.orders().size()) + 4);
            table.setPrefWidth(760);
            content.getChildren().add(table);
        }
        if (!preview.escalation().isBlank()) {
            Label esc = new Label(preview.escalation());
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
        Label verify = new Label("The row shows FLATTENING until every venue reports the position at zero.");
        verify.getStyleClass().add("text-muted");
        content.getChildren().add(verify);
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
        if (o.type() == OrderType.MARKET) {
            return "MARKET";
        }
        String t = o.type() == OrderType.LIMIT_IOC ? "LIMIT IOC" : "LIMIT";
        return Double.isNaN(o.limitPrice()) ? t : t + " @ " + new java.text.DecimalFormat("#,##0.##").format(o.limitPrice());
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
