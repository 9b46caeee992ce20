package io.legwatch.ui.venues;

import io.legwatch.flatten.DeadManSwitches;
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
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Each venue's exchange-side dead-man switch: its state and how long until the venue would cancel
 * our orders if Legwatch went silent now, under the warning that these switches cancel ORDERS and
 * leave positions alone. Non-modal; re-reads the states once a second while it is open.
 */
public final class DeadManDialog extends Dialog<Void> {
    private final Supplier<List<DeadManSwitches.State>> states;
    private final TableView<DeadManSwitches.State> table = new TableView<>();

    public DeadManDialog(Window owner, Supplier<List<DeadManSwitches.State>> states) {
        this.states = states;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Dead-man switches");
        setHeaderText("Exchange-side dead-man switches");
        setGraphic(new FontIcon("mdmz-timer"));
        getDialogPane().setId("dead-man");
        Css.apply(getDialogPane());

        Label warning = new Label(DeadManSwitches.WARNING, new FontIcon("mdmz-warning"));
        warning.setId("dead-man-warning");
        warning.getStyleClass().add("dead-man-warning");
        warning.setWrapText(true);

        table.setId("dead-man-table");
        table.getStyleClass().addAll("dense");
        table.getColumns().add(col("Venue", 110, s -> s.venue().value()));
        table.getColumns().add(col("Switch", 120, s -> status(s.status())));
        table.getColumns().add(col("Timeout", 80, s -> s.timeout().toSeconds() + " s"));
        table.getColumns().add(col("Cancels orders in", 160, DeadManDialog::firesIn));
        table.getColumns().add(col("Last error", 300, s -> s.lastError() == null ? "" : s.lastError()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        table.setPrefHeight(38 + 30 * 5 + 4);
        table.setPlaceholder(new Label("No venues"));

        Label note = new Label("The countdown restarts each time Legwatch refreshes a switch while its venue is connected.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox body = new VBox(warning, table, note);
        body.setPrefWidth(820);
        body.setMinWidth(720);
        body.getStyleClass().add("dialog-body");
        getDialogPane().setContent(body);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("close-dead-man");

        refresh();
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        setOnShown(e -> ticker.play());
        setOnHidden(e -> ticker.stop());
    }

    /** Re-reads every venue's switch (also what the once-a-second timeline runs). */
    public void refresh() {
        table.getItems().setAll(states.get());
    }

    static String firesIn(DeadManSwitches.State s) {
        return s.firesInMs() < 0 ? "\u2014 (not armed)" : Format.age(s.firesInMs());
    }

    static String status(DeadManSwitches.Status status) {
        return switch (status) {
            case ARMED -> "armed";
            case DISARMED -> "not armed yet";
            case VENUE_DOWN -> "VENUE DOWN";
            case UNSUPPORTED -> "not supported";
            case MONITOR_ONLY -> "monitor only";
            case ERROR -> "ERROR";
        };
    }

    private static TableColumn<DeadManSwitches.State, String> col(String title, double width,
                                                                   Function<DeadManSwitches.State, String> value) {
        TableColumn<DeadManSwitches.State, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
