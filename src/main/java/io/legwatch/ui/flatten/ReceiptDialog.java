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
                + (receipt.ok() ? "every venue confirmed" : "NOT confirmed by every venue"));
        setGraphic(new FontIcon(receipt.ok() ? "mdal-done_all" : "mdal-error"));
        getDialogPane().setId("receipt");
        io.legwatch.ui.Css.apply(getDialogPane());
        getDialogPane().getStyleClass().addAll("receipt", receipt.ok() ? "receipt-ok" : "receipt-failed");

        TableView<VenueReceipt> table = new TableView<>();
        table.setId("receipt-table");
        table.getStyleClass().addAll("receipt-table", "dense");
        table.getItems().setAll(receipt.venues());
        table.getColumns().add(col("Venue", 100, r -> r.venue().value(), false));
        table.getColumns().add(col("Result", 80, r -> r.ok() ? "OK" : "FAILED", false));
        table.getColumns().add(col("Orders cancelled", 120, r -> Integer.toString(r.ordersCancelled()), true));
        table.getColumns().add(col("Open orders now", 120, r -> Integer.toString(r.openOrdersNow()), true));
        table.getColumns().add(col("Positions open now", 130,
                r -> r.positionsOpen() < 0 ? "n/a" : Integer.toString(r.positionsOpen()), true));
        table.getColumns().add(col("Time to flat", 100,
                r -> r.timeToFlatMs() < 0 ? "\u2014" : r.timeToFlatMs() + " ms", true));
        table.getColumns().add(col("Detail", 300, VenueReceipt::detail, false));
        table.setFixedCellSize(30);
        table.setPrefHeight(38 + 30 * Math.max(1, Math.min(8, receipt.venues().size())) + 4);
        table.setPrefWidth(960);
        Label note = new Label("Figures are what each venue reported after the action, not what was sent.");
        note.getStyleClass().add("text-muted");
        VBox body = new VBox(table, note);
        body.getStyleClass().add("dialog-body");
        getDialogPane().setContent(body);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("close-receipt");
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
