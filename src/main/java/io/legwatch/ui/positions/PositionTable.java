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
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A live positions tree: strategies with their legs beneath. Two of them share the rows of one
 * {@link PositionTreeModel}: the big table (every strategy in configuration order, then the Unassigned
 * group) and the pinned "Needs attention" table above it ({@link #attention}). Same columns, cells and
 * styles in both, so a red row looks the same and its Flatten button does the same thing.
 * Columns only display the rows' precomputed strings; the model decides what they say.
 */
public final class PositionTable {
    private static final PseudoClass ALARM_PHASE = PseudoClass.getPseudoClass("alarm-phase");

    private final TreeTableView<PositionRow> table = new TreeTableView<>();
    private final Timeline alarmBlink;
    private boolean phase;
    private VirtualFlow<?> flow;
    private long layoutRescues;

    /** The big table: every strategy in configuration order, then Unassigned. */
    public PositionTable(PositionTreeModel model, AutoFlattenControl auto, Consumer<PositionRow> onFlatten) {
        this("positions", model.root(), model, auto, onFlatten);
        table.setPlaceholder(new Label("Waiting for the first venue snapshot..."));
    }

    /**
     * The pinned table of the strategies that need attention. Its columns take the big table's widths
     * (the two read as one grid, and the trader resizes only the big one's); it never sorts or reorders.
     */
    public static PositionTable attention(PositionTreeModel model, AutoFlattenControl auto, Consumer<PositionRow> onFlatten,
                                          PositionTable main) {
        PositionTable pinned = new PositionTable("attention-table", model.attentionRoot(), model, auto, onFlatten);
        pinned.table.getStyleClass().add("attention-table");
        pinned.table.setPlaceholder(new Label(""));
        List<TreeTableColumn<PositionRow, ?>> mine = pinned.table.getColumns();
        List<TreeTableColumn<PositionRow, ?>> theirs = main.table.getColumns();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).setResizable(false);
            mine.get(i).prefWidthProperty().bind(theirs.get(i).widthProperty());
        }
        return pinned;
    }

    private PositionTable(String id, TreeItem<PositionRow> root, PositionTreeModel model, AutoFlattenControl auto,
                          Consumer<PositionRow> onFlatten) {
        table.setId(id);
        table.getStyleClass().addAll("positions", "dense");
        table.setRoot(root);
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new StatusRow());

        TreeTableColumn<PositionRow, String> name = longText("name", "Strategy / leg", 190, PositionRow::nameProperty);
        table.setTreeColumn(name);
        // What the trader acts on comes first: status, how long, how much, and the Flatten button.
        table.getColumns().addAll(List.of(
                name,
                status(),
                number("nakedFor", "Naked for", 96, PositionRow::nakedForProperty),
                number("netUsd", "Net USD", 100, PositionRow::netUsdProperty),
                self("action", "Flatten", 106, c -> new ActionCell(onFlatten)),
                text("venue", "Venue", 70, PositionRow::venueProperty),
                longText("instrument", "Instrument", 160, PositionRow::instrumentProperty),
                text("side", "Side", 54, PositionRow::sideProperty),
                tip(number("position", "Position", 126, PositionRow::positionProperty),
                        "Signed position in the venue's own units (contracts, or base for spot)"),
                tip(number("delta", "Delta", 96, PositionRow::deltaProperty),
                        "Delta in the underlying's base units (BTC, ETH)"),
                tip(number("usd", "USD", 96, PositionRow::usdProperty), "Leg delta in USD"),
                tip(number("tolerance", "Tolerance", 100, PositionRow::toleranceProperty),
                        "How far net USD may stray and still count as hedged"),
                tip(number("age", "Age", 64, PositionRow::ageProperty), "Time since the venue last reported on this leg"),
                tip(self("auto", "Auto", 120, c -> new AutoCell(auto, model)),
                        "Automatic flatten armed for this strategy, and the time left before it fires while naked")));
        table.getColumns().forEach(c -> c.setSortable(false));

        // FLATTEN_FAILED rows flash: one timeline toggles one pseudo-class on the table, and runs
        // only while some strategy is in that state.
        alarmBlink = new Timeline(new KeyFrame(Duration.millis(500), e -> {
            phase = !phase;
            table.pseudoClassStateChanged(ALARM_PHASE, phase);
        }));
        alarmBlink.setCycleCount(Timeline.INDEFINITE);
        model.anyFlattenFailedProperty().addListener((obs, was, failed) -> alarm(failed));
        table.sceneProperty().addListener((obs, was, scene) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(this::rescueLayout);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(this::rescueLayout);
            }
        });
    }

    /**
     * Before each layout pass: a flow left needing layout under a clean table gets its request through.
     *
     * <p>Why: JavaFX clears a parent's layout flag before laying it out, and a request made while an
     * ancestor is laying out does not travel up. When the VirtualFlow's own layout resizes a row (first
     * layout, a column resized) it asks for layout again from inside the table's layout pass, so it is
     * left flagged under a clean table, and the cells' own requests ({@link ContainedCell} marks only
     * itself and its parents up to the first flagged one) stop at the flow: the numbers in view stopped
     * changing until something else re-laid out the table (seen: a quiet table showing a net USD long
     * gone). Cheap when nothing is stuck (two flag reads); when stuck, one full flow layout.
     */
    private void rescueLayout() {
        if (flow == null) {
            flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        }
        if (flow != null && flow.isNeedsLayout() && !table.isNeedsLayout()) {
            layoutRescues++;
            flow.requestLayout();
        }
    }

    /** How often {@link #rescueLayout} found the flow stuck (diagnostics for the load harness). */
    public long layoutRescues() {
        return layoutRescues;
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

    /** Column headers stay short; the tooltip says exactly what the column holds. */
    private static <T> TreeTableColumn<PositionRow, T> tip(TreeTableColumn<PositionRow, T> column, String text) {
        Label header = new Label(column.getText());
        header.setTooltip(new javafx.scene.control.Tooltip(text));
        column.setText(null);
        column.setGraphic(header);
        return column;
    }

    private static TreeTableColumn<PositionRow, String> text(String id, String title, double width,
                                                            Function<PositionRow, ObservableValue<String>> value) {
        TreeTableColumn<PositionRow, String> c = column(id, title, width);
        c.setCellValueFactory(f -> f.getValue() == null || f.getValue().getValue() == null
                ? null : value.apply(f.getValue().getValue()));
        c.setCellFactory(col -> new TextCell());
        return c;
    }

    /** A text column whose cells show their full text in a tooltip (long leg ids, option symbols). */
    private static TreeTableColumn<PositionRow, String> longText(String id, String title, double width,
                                                                Function<PositionRow, ObservableValue<String>> value) {
        TreeTableColumn<PositionRow, String> c = text(id, title, width, value);
        c.setCellFactory(col -> new TextCell(true));
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
        TreeTableColumn<PositionRow, HedgeStatus> c = column("status", "Hedge status", 140);
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
