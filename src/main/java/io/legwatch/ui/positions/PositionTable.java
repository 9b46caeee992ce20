package io.legwatch.ui.positions;

import io.legwatch.app.AutoFlattenControl;
import io.legwatch.domain.HedgeStatus;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live positions tree: strategies with their legs beneath, then the Unassigned group.
 * Columns only display the rows' precomputed strings; the model decides what they say.
 */
public final class PositionTable {
    private static final PseudoClass ALARM_PHASE = PseudoClass.getPseudoClass("alarm-phase");

    private final TreeTableView<PositionRow> table = new TreeTableView<>();
    private final Timeline alarmBlink;
    private boolean phase;

    public PositionTable(PositionTreeModel model, AutoFlattenControl auto, Consumer<PositionRow> onFlatten) {
        table.setId("positions");
        table.getStyleClass().addAll("positions", "dense");
        table.setRoot(model.root());
        table.setShowRoot(false);
        table.setPlaceholder(new Label("Waiting for the first venue snapshot..."));
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new StatusRow());

        TreeTableColumn<PositionRow, String> name = text("name", "Strategy / leg", 170, PositionRow::nameProperty);
        table.setTreeColumn(name);
        // What the trader acts on comes first: status, how long, how much, and the Flatten button.
        table.getColumns().addAll(List.of(
                name,
                status(),
                number("nakedFor", "Naked for", 78, PositionRow::nakedForProperty),
                number("netUsd", "Net USD", 96, PositionRow::netUsdProperty),
                self("action", "Flatten", 96, c -> new ActionCell(onFlatten)),
                text("venue", "Venue", 86, PositionRow::venueProperty),
                text("instrument", "Instrument", 140, PositionRow::instrumentProperty),
                text("side", "Side", 50, PositionRow::sideProperty),
                number("position", "Position (venue units)", 150, PositionRow::positionProperty),
                number("delta", "Delta (base)", 106, PositionRow::deltaProperty),
                number("usd", "USD exposure", 104, PositionRow::usdProperty),
                number("tolerance", "Tolerance", 84, PositionRow::toleranceProperty),
                number("age", "Last update", 84, PositionRow::ageProperty),
                self("auto", "Auto-flatten", 92, c -> new AutoCell(auto))));
        table.getColumns().forEach(c -> c.setSortable(false));

        // FLATTEN_FAILED rows flash: one timeline toggles one pseudo-class on the table, and runs
        // only while some strategy is in that state.
        alarmBlink = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            phase = !phase;
            table.pseudoClassStateChanged(ALARM_PHASE, phase);
        }));
        alarmBlink.setCycleCount(Timeline.INDEFINITE);
        model.anyFlattenFailedProperty().addListener((obs, was, failed) -> alarm(failed));
    }

    private void alarm(boolean on) {
        if (on) {
            alarmBlink.play();
        } else {
            alarmBlink.stop();
            phase = false;
            table.pseudoClassStateChanged(ALARM_PHASE, false);
        }
    }

    public TreeTableView<PositionRow> view() {
        return table;
    }

    /** The strategy the trader has selected (a selected leg counts as its strategy). */
    public Optional<PositionRow> selectedStrategy() {
        TreeItem<PositionRow> item = table.getSelectionModel().getSelectedItem();
        while (item != null && item.getValue() != null && item.getValue().kind() != RowKind.STRATEGY) {
            item = item.getParent();
        }
        return Optional.ofNullable(item).map(TreeItem::getValue).filter(r -> r.kind() == RowKind.STRATEGY);
    }

    public Optional<PositionRow> selectedRow() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(TreeItem::getValue);
    }

    private static TreeTableColumn<PositionRow, String> text(String id, String title, double width,
                                                            Function<PositionRow, ObservableValue<String>> value) {
        TreeTableColumn<PositionRow, String> c = column(id, title, width);
        c.setCellValueFactory(f -> f.getValue() == null || f.getValue().getValue() == null
                ? null : value.apply(f.getValue().getValue()));
        c.setCellFactory(col -> new TextCell());
        return c;
    }

    private static TreeTableColumn<PositionRow, String> number(String id, String title, double width,
                                                              Function<PositionRow, ObservableValue<String>> value) {
        TreeTableColumn<PositionRow, String> c = text(id, title, width, value);
        c.getStyleClass().add("num");
        c.setCellFactory(col -> new TextCell("num"));
        return c;
    }

    private static TreeTableColumn<PositionRow, HedgeStatus> status() {
        TreeTableColumn<PositionRow, HedgeStatus> c = column("status", "Hedge status", 136);
        c.setCellValueFactory(f -> f.getValue() == null || f.getValue().getValue() == null
                ? null : f.getValue().getValue().statusProperty());
        c.setCellFactory(col -> new StatusCell());
        return c;
    }

    private static TreeTableColumn<PositionRow, PositionRow> self(
            String id, String title, double width,
            javafx.util.Callback<TreeTableColumn<PositionRow, PositionRow>,
                    javafx.scene.control.TreeTableCell<PositionRow, PositionRow>> cells) {
        TreeTableColumn<PositionRow, PositionRow> c = column(id, title, width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue() == null ? null : f.getValue().getValue()));
        c.setCellFactory(cells);
        return c;
    }

    private static <T> TreeTableColumn<PositionRow, T> column(String id, String title, double width) {
        TreeTableColumn<PositionRow, T> c = new TreeTableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setReorderable(false);
        return c;
    }
}
