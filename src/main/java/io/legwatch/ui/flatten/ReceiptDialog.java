package io.legwatch.ui.flatten;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.VenueReceipt;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/**
 * The receipt of a kill/flatten/cancel: per venue, what the venue itself confirmed. Non-modal so
 * the trader keeps watching the table while reading it.
 */
public final class ReceiptDialog extends Dialog<Void> {
    public ReceiptDialog(Window owner, ActionReceipt receipt) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Receipt: " + receipt.action());
        setHeaderText(receipt.action() + " of " + receipt.target().describe() + ": "
                + (receipt.ok() ? "verified by every venue" : "NOT verified by every venue")
                + (receipt.detail().isEmpty() ? "" : "\n" + receipt.detail())
                + (receipt.journalNote().isEmpty() ? "" : "\nWARNING: " + receipt.journalNote()));
        setGraphic(new FontIcon(receipt.ok() ? "mdal-done_all" : "mdal-error"));
        getDialogPane().setId("receipt");
        io.legwatch.ui.Css.apply(getDialogPane());
        getDialogPane().getStyleClass().addAll("receipt", receipt.ok() ? "receipt-ok" : "receipt-failed");

        TableView<VenueReceipt> table = new TableView<>();
        table.setId("receipt-table");
        table.getStyleClass().addAll("receipt-table", "dense");
        table.getItems().setAll(receipt.venues());
        table.getColumns().add(col("Venue", 100, r -> r.venue().value(), false));
        table.getColumns().add(col("Result", 80, r -> r.ok() ? "OK" : "NOT OK", false));
        table.getColumns().add(col("Orders cancelled", 136, r -> Integer.toString(r.ordersCancelled()), true));
        table.getColumns().add(col("Open orders", 104, r -> zero(r.openOrdersZero(), "none left", "SOME LEFT"), false));
        table.getColumns().add(col("Positions", 96, r -> zero(r.positionsZero(), "all zero", "NOT ZERO"), false));
        table.getColumns().add(col("Time to flat", 110,
                r -> r.timeToFlatMs() < 0 ? "\u2014" : String.format("%,d ms", r.timeToFlatMs()), true));
        table.getColumns().add(col("Still open", 360, r -> String.join("; ", r.stillOpen()), false));
        table.setFixedCellSize(30);
        table.setPrefHeight(38 + 30 * Math.max(1, Math.min(8, receipt.venues().size())) + 4);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label("Every figure is what the venue itself reported after the action (a fresh read), not what was sent.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox body = new VBox(table, note);
        body.setPrefWidth(DialogSizes.width(owner, 1040));
        body.getStyleClass().add("dialog-body");
        getDialogPane().setContent(body);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("close-receipt");
    }

    /** A venue-verified yes/no; null means the venue was not read (or it does not apply). */
    private static String zero(Boolean verified, String yes, String no) {
        return verified == null ? "not read" : verified ? yes : no;
    }

    private static TableColumn<VenueReceipt, String> col(String title, double width, Function<VenueReceipt, String> f,
                                                         boolean numeric) {
        TableColumn<VenueReceipt, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        if (numeric) {
            c.getStyleClass().add("num");
        }
        return c;
    }
}
