package io.legwatch.ui.venues;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Recent venue errors, newest first, so a rejected order is in front of the trader and not only
 * in a log file. Fed from each venue's last error and error count in the snapshot.
 */
public final class VenueErrorLog {
    /** One error as listed. {@code missed} counts errors that arrived between two frames and were not seen individually. */
    public record Entry(long seenAtMs, VenueError error, long missed) {
    }

    static final int MAX_ENTRIES = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final Map<VenueId, Long> countSeen = new HashMap<>();
    private final TableView<Entry> table = new TableView<>(entries);

    public VenueErrorLog() {
        table.setId("venue-errors");
        table.getStyleClass().addAll("venue-error-table", "dense");
        table.setPlaceholder(new Label("No venue errors since start."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 80, e -> TIME.format(Instant.ofEpochMilli(e.seenAtMs()))));
        table.getColumns().add(column("Venue", 110, e -> e.error().venue().value()));
        table.getColumns().add(column("Kind", 120, e -> e.error().kind().name()));
        table.getColumns().add(column("Code", 130, e -> e.error().code() == null ? "" : e.error().code()));
        table.getColumns().add(column("Message", 600, e -> e.error().message()
                + (e.missed() > 0 ? "   (+" + e.missed() + " more since the previous one)" : "")));
    }

    private static TableColumn<Entry, String> column(String title, double width, Function<Entry, String> text) {
        TableColumn<Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        return c;
    }

    public TableView<Entry> view() {
        return table;
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public void apply(MonitorSnapshot snapshot, long nowMs) {
        for (VenueView v : snapshot.venues().values()) {
            long seen = countSeen.getOrDefault(v.venue(), 0L);
            if (v.errorCount() > seen && v.lastError() != null) {
                entries.add(0, new Entry(nowMs, v.lastError(), v.errorCount() - seen - 1));
                if (entries.size() > MAX_ENTRIES) {
                    entries.remove(MAX_ENTRIES, entries.size());
                }
            }
            countSeen.put(v.venue(), v.errorCount());
        }
    }
}
