package io.legwatch.ui.demo;

import io.legwatch.app.Fault;
import io.legwatch.app.FaultControl;
import io.legwatch.domain.VenueId;
import io.legwatch.ui.ErrorDialogs;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Demo mode only: break a simulated venue (reject orders, disconnect, go silent, partial fills,
 * slow acks) and heal it, to watch Legwatch react.
 */
public final class FaultPanel {
    private static final Logger log = LoggerFactory.getLogger(FaultPanel.class);

    /** The faults offered, in the words the panel shows. */
    public enum Kind {
        REJECT_NEXT("Reject next N orders"),
        DISCONNECT("Disconnect"),
        SILENT("Go silent (half-open)"),
        PARTIAL_FILLS("Partial fills (N %)"),
        DELAY_ACKS("Delay acks (N ms)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final VBox box = new VBox();
    private final ComboBox<VenueId> venue = new ComboBox<>();
    private final ComboBox<Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Kind.values()));
    private final Spinner<Integer> amount = new Spinner<>(1, 10_000, 20);
    private final Label last = new Label();
    private final Label now = new Label();
    private final FaultControl faults;

    public FaultPanel(FaultControl faults) {
        this.faults = faults;
        box.getStyleClass().add("fault-panel");
        box.setId("fault-panel");
        Label title = new Label("Demo faults", new FontIcon("mdal-bug_report"));
        title.getStyleClass().add("panel-title");
        venue.setId("fault-venue");
        venue.setMaxWidth(Double.MAX_VALUE);
        kind.setId("fault-kind");
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.getSelectionModel().select(Kind.REJECT_NEXT);
        kind.valueProperty().addListener((obs, o, k) -> amount.getValueFactory().setValue(defaultAmount(k)));
        amount.setId("fault-amount");
        amount.setEditable(true);
        amount.setMaxWidth(Double.MAX_VALUE);
        Button apply = new Button("Break", new FontIcon("mdal-flash_off"));
        apply.setId("fault-apply");
        apply.getStyleClass().add("danger");
        apply.setMaxWidth(Double.MAX_VALUE);
        apply.setOnAction(e -> apply());
        Button heal = new Button("Heal", new FontIcon("mdal-healing"));
        heal.setId("fault-heal");
        heal.getStyleClass().add("success");
        heal.setMaxWidth(Double.MAX_VALUE);
        heal.setOnAction(e -> heal());
        last.setWrapText(true);
        last.getStyleClass().add("text-muted");
        last.setId("fault-last");
        now.setWrapText(true);
        now.setId("fault-now");
        now.getStyleClass().add("fault-now");
        venue.valueProperty().addListener((obs, o, v) -> refreshState());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("fault-grid");
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Venue"), venue);
        grid.addRow(1, new Label("Fault"), kind);
        grid.addRow(2, new Label("N"), amount);
        Label hint = new Label("Simulated venues only. Nothing here reaches a real exchange.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        box.getChildren().addAll(title, grid, apply, heal, now, last, hint);
        venue.getItems().setAll(faults.venues());
        if (!venue.getItems().isEmpty()) {
            venue.getSelectionModel().selectFirst();
        }
    }

    private static int defaultAmount(Kind k) {
        return switch (k) {
            case REJECT_NEXT -> 20;
            case PARTIAL_FILLS -> 30;
            case DELAY_ACKS -> 1500;
            default -> 1;
        };
    }

    /** Shows what is injected on the selected venue now (rejects count down as orders arrive). */
    public void refreshState() {
        VenueId v = venue.getValue();
        now.setText(v == null ? "" : "Now on " + v + ": " + faults.describe(v));
    }

    public VBox view() {
        return box;
    }

    /** Refreshes the venue list (venues are known once the session has started). */
    public void refreshVenues() {
        VenueId selected = venue.getValue();
        venue.getItems().setAll(faults.venues());
        if (selected != null && venue.getItems().contains(selected)) {
            venue.setValue(selected);
        } else if (!venue.getItems().isEmpty()) {
            venue.getSelectionModel().selectFirst();
        }
    }

    static Fault fault(Kind kind, int n) {
        return switch (kind) {
            case REJECT_NEXT -> new Fault.RejectNext(n);
            case DISCONNECT -> new Fault.Disconnect();
            case SILENT -> new Fault.Silent();
            case PARTIAL_FILLS -> new Fault.PartialFills(Math.min(100, n) / 100.0);
            case DELAY_ACKS -> new Fault.DelayAcks(Duration.ofMillis(n));
        };
    }

    private void apply() {
        VenueId v = venue.getValue();
        if (v == null) {
            return;
        }
        Fault f = fault(kind.getValue(), amount.getValue());
        try {
            faults.inject(v, f);
            last.setText("Injected on " + v + ": " + kind.getValue().toString().replace("N", amount.getValue().toString()));
            log.info("Demo fault injected on {}: {}", v, f);
            refreshState();
        } catch (RuntimeException e) {
            ErrorDialogs.create(box.getScene().getWindow(), "Could not inject the fault", e).show();
        }
    }

    private void heal() {
        VenueId v = venue.getValue();
        if (v == null) {
            return;
        }
        try {
            faults.heal(v);
            last.setText("Healed " + v + ".");
            log.info("Demo faults healed on {}", v);
            refreshState();
        } catch (RuntimeException e) {
            ErrorDialogs.create(box.getScene().getWindow(), "Could not heal " + v, e).show();
        }
    }
}
