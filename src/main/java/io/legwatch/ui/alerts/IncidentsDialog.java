package io.legwatch.ui.alerts;

import io.legwatch.journal.IncidentLog.Incident;
import io.legwatch.ui.Css;
import io.legwatch.ui.Format;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableRow;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The journal's leg-failure incidents as a table: when each strategy went naked, its peak USD
 * exposure, how long it stayed naked, what fired the flatten, the receipts and the time to flat.
 * Open incidents come first. Non-modal; re-reads the log once a second while open so an open
 * incident's "naked for" keeps counting.
 */
public final class IncidentsDialog extends Dialog<Void> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final Supplier<List<Incident>> incidents;
    private final TableView<Incident> table = new TableView<>();

    public IncidentsDialog(Window owner, Supplier<List<Incident>> incidents) {
        this.incidents = incidents;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Incidents");
        setHeaderText("Leg failures: naked exposure and how it ended");
        setGraphic(new FontIcon("mdal-history"));
        getDialogPane().setId("incidents");
        getDialogPane().getStyleClass().add("incidents");
        Css.apply(getDialogPane());

        Format format = new Format();
        table.setId("incidents-table");
        table.getStyleClass().add("dense");
        table.getColumns().add(col("Strategy", 130, Incident::strategyId));
        table.getColumns().add(col("Naked since", 165, i -> CLOCK.format(Instant.ofEpochMilli(i.nakedSinceMs()))));
        table.getColumns().add(col("Peak USD", 90, i -> format.dollars(i.peakUsd())));
        table.getColumns().add(col("Naked for", 80, i -> Format.age(Math.round(i.secondsNaked() * 1000))));
        table.getColumns().add(col("Status", 110, IncidentsDialog::status));
        table.getColumns().add(col("Fired by", 130, i -> i.firedBy().isEmpty() ? "\u2014" : String.join(", ", i.firedBy())));
        table.getColumns().add(col("Time to flat", 95, IncidentsDialog::timeToFlat));
        table.getColumns().add(col("Receipts", 320, i -> i.receipts().isEmpty() ? "\u2014" : String.join("; ", i.receipts())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No leg failures since start"));
        table.setPrefHeight(320);
        // The full text of a long receipt list or reason is one hover away.
        table.setRowFactory(t -> {
            TableRow<Incident> row = new TableRow<>();
            row.itemProperty().addListener((obs, o, i) -> row.setTooltip(i == null ? null : new Tooltip(detail(i))));
            return row;
        });

        Label note = new Label("Also journaled (fsynced) in the journal directory; the last 200 closed incidents are kept here.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox body = new VBox(table, note);
        body.setMinWidth(720);
        body.getStyleClass().add("dialog-body");
        getDialogPane().setContent(body);
        // Eight columns of times, amounts and receipts: narrower and the headers truncate.
        // Eight columns of times, amounts and receipts: narrower and the headers truncate.
        getDialogPane().setPrefWidth(1160);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("close-incidents");

        refresh();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        setOnShown(e -> ticker.play());
        setOnHidden(e -> ticker.stop());
    }

    /** Re-reads the incident log (also what the once-a-second timeline runs). */
    public void refresh() {
        table.getItems().setAll(incidents.get());
    }

    static String status(Incident i) {
        return i.open() ? "OPEN" : "ended " + i.endStatus();
    }

    static String timeToFlat(Incident i) {
        return Double.isNaN(i.timeToFlatMs()) ? "not verified" : Format.age(Math.round(i.timeToFlatMs()));
    }

    private static String detail(Incident i) {
        return i.strategyId() + " \u2014 " + status(i) + "\nLast reason: " + i.lastReason()
                + "\nFlattens: " + (i.flattenIds().isEmpty() ? "none" : String.join(", ", i.flattenIds()))
                + "\nReceipts:\n" + (i.receipts().isEmpty() ? "none" : String.join("\n", i.receipts()));
    }

    private static TableColumn<Incident, String> col(String title, double width, Function<Incident, String> value) {
        TableColumn<Incident, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
