package io.legwatch.ui;

import io.legwatch.app.AppAlarm;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Alarms (flatten failed, venue unreachable, auto policy) and venue errors (rejections, rate limits,
 * malformed messages), newest first, so a rejected order is in front of the trader and not only in
 * a log file. Venue errors are fed from each venue's last error and error count in the snapshot;
 * alarms from the session.
 */
public final class AlertLog {
    /**
     * One line.
     *
     * @param source  the venue, or "Legwatch" for an alarm
     * @param alarm   true for an alarm a human must act on
     * @param missed  errors that arrived between two frames and were not seen one by one
     */
    public record Entry(long atMs, String source, String kind, String code, String message, boolean alarm,
                        long missed, VenueError error) {
    }

    static final int MAX_ENTRIES = 500;
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final Map<VenueId, Long> countSeen = new HashMap<>();
    private final TableView<Entry> table = new TableView<>(entries);
    private int alarmsSeen;

    public AlertLog() {
        table.setId("alert-log");
        table.getStyleClass().addAll("alert-table", "dense");
        table.setPlaceholder(new Label("No alarms and no venue errors since start."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Entry item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(ALARM, !empty && item != null && item.alarm());
            }
        });
        table.getColumns().add(column("Time", 80, e -> TIME.format(Instant.ofEpochMilli(e.atMs()))));
        table.getColumns().add(column("Source", 100, Entry::source));
        table.getColumns().add(column("Kind", 140, Entry::kind));
        table.getColumns().add(column("Code", 130, Entry::code));
        table.getColumns().add(column("Message", 600, e -> e.message()
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

    /** Adds each venue's new error, seen through its error count. */
    public void apply(MonitorSnapshot snapshot, long nowMs) {
        for (VenueView v : snapshot.venues().values()) {
            long seen = countSeen.getOrDefault(v.venue(), 0L);
            if (v.errorCount() > seen && v.lastError() != null) {
                VenueError e = v.lastError();
                add(new Entry(nowMs, e.venue().value(), e.kind().name(), e.code() == null ? "" : e.code(), e.message(),
                        false, v.errorCount() - seen - 1, e));
            }
            countSeen.put(v.venue(), v.errorCount());
        }
    }

    /** Adds the alarms not seen yet ({@code all} is the session's whole list, oldest first). */
    public void applyAlarms(List<AppAlarm> all) {
        for (int i = alarmsSeen; i < all.size(); i++) {
            AppAlarm a = all.get(i);
            add(new Entry(a.atMs(), "Legwatch", "ALARM " + a.kind(), "", a.message(), true, 0, null));
        }
        alarmsSeen = Math.max(alarmsSeen, all.size());
    }

    private void add(Entry entry) {
        entries.add(0, entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(MAX_ENTRIES, entries.size());
        }
    }
}
