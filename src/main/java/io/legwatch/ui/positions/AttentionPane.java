package io.legwatch.ui.positions;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pinned "Needs attention" block above the big table: a one-line header with the count, and the
 * {@link PositionTable#attention pinned table}. Empty, it is only a calm header line. With rows, the
 * table grows to fit up to {@link #MAX_ROWS} rows and then scrolls, and never takes more than
 * {@link #MAX_SHARE} of the height it shares with the big table (header included), so the big table stays in the window.
 */
public final class AttentionPane {
    /** Rows shown before the pinned table scrolls. */
    static final int MAX_ROWS = 6;
    /** The most of the shared height the pinned table may take. */
    static final double MAX_SHARE = 0.5;
    /** legwatch.css: the positions tables' fixed row height and column header height. */
    private static final double ROW = 30;
    private static final double HEADER = 30;
    /** The table's border (top + bottom) and room for a horizontal scroll bar when the columns overflow. */
    private static final double BORDER = 2;
    private static final double SCROLL_BAR = 14;
    private static final PseudoClass HAS_ROWS = PseudoClass.getPseudoClass("has-rows");

    private final VBox box = new VBox();
    private final PositionTable table;
    private final IntegerBinding count;

    /**
     * @param shared the container the pinned block shares with the big table (its height caps this table's)
     */
    public AttentionPane(PositionTreeModel model, PositionTable table, Region shared) {
        this.table = table;
        TreeTableView<PositionRow> view = table.view();
        count = Bindings.size(model.attentionRoot().getChildren());

        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("attention-icon");
        Label title = new Label();
        title.setId("attention-title");
        title.getStyleClass().add("attention-title");
        title.setGraphic(icon);
        Label hint = new Label("Most severe first: flatten failed, naked, unknown, flattening");
        hint.getStyleClass().add("attention-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, hint);
        header.getStyleClass().add("attention-header");
        header.setAlignment(Pos.CENTER_LEFT);

        Runnable show = () -> {
            int n = count.get();
            boolean rows = n > 0;
            title.setText(rows ? "Needs attention (" + n + ")" : "Nothing needs attention");
            icon.setIconLiteral(rows ? "mdmz-warning" : "mdal-check_circle");
            hint.setVisible(rows);
            view.setVisible(rows);
            view.setManaged(rows);
            box.pseudoClassStateChanged(HAS_ROWS, rows);
        };
        count.addListener((obs, was, now) -> show.run());
        show.run();

        DoubleBinding columns = Bindings.createDoubleBinding(
                () -> view.getColumns().stream().mapToDouble(c -> c.getWidth()).sum(),
                view.getColumns().stream().map(c -> c.widthProperty()).toArray(javafx.beans.Observable[]::new));
        // Rows counted from the tree itself, at once: the table's own expanded-item count is updated lazily
        // in its layout, which would size the table a frame late and cut off a row that just turned red.
        IntegerProperty rows = new SimpleIntegerProperty(visibleRows(model.attentionRoot()));
        model.attentionRoot().addEventHandler(TreeItem.<PositionRow>treeNotificationEvent(),
                e -> rows.set(visibleRows(model.attentionRoot())));
        DoubleBinding height = Bindings.createDoubleBinding(() -> {
            double rowsHeight = HEADER + BORDER + Math.min(rows.get(), MAX_ROWS) * ROW
                    + (columns.get() > view.getWidth() ? SCROLL_BAR : 0);
            double room = shared.getHeight() * MAX_SHARE - header.getHeight();
            return Math.max(HEADER + ROW, Math.min(rowsHeight, room));
        }, rows, columns, view.widthProperty(), shared.heightProperty(), header.heightProperty());
        view.prefHeightProperty().bind(height);
        view.minHeightProperty().bind(height);
        view.maxHeightProperty().bind(height);

        box.setId("attention");
        box.getStyleClass().add("attention");
        box.getChildren().addAll(header, view);
    }

    /** Strategy rows plus the leg rows of expanded strategies (the root is hidden). */
    private static int visibleRows(TreeItem<PositionRow> root) {
        int n = 0;
        for (TreeItem<PositionRow> s : root.getChildren()) {
            n += 1 + (s.isExpanded() ? s.getChildren().size() : 0);
        }
        return n;
    }

    public VBox view() {
        return box;
    }

    public PositionTable table() {
        return table;
    }

    /** How many strategies need attention now. */
    public int count() {
        return count.get();
    }
}
