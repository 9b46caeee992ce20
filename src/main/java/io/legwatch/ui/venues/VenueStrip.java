package io.legwatch.ui.venues;

import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The bottom strip: one chip per venue account with its link state, last message age and errors.
 * Right-click a chip to cancel all orders on that venue or flatten everything on it.
 */
public final class VenueStrip {
    /** What a venue's context menu can ask for. */
    public interface Actions {
        void cancelAll(VenueId venue);

        void flattenVenue(VenueId venue);
    }

    private final HBox bar = new HBox();
    private final HBox chips = new HBox();
    private final Label summary = new Label();
    private final Actions actions;
    private Map<VenueId, VenueChip> shown = new TreeMap<>();

    public VenueStrip(Actions actions) {
        this.actions = actions;
        bar.getStyleClass().add("venue-strip");
        bar.setId("venue-strip");
        chips.getStyleClass().add("venue-chips");
        summary.getStyleClass().add("venue-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(new Label("Venues"), chips, spacer, summary);
        bar.getChildren().get(0).getStyleClass().add("strip-title");
    }

    public HBox view() {
        return bar;
    }

    /** Adds status nodes (latency, dead-man switches) at the right end, after the trusted count. */
    public void addRight(javafx.scene.Node... nodes) {
        bar.getChildren().addAll(nodes);
    }

    public void apply(MonitorSnapshot snapshot) {
        Map<VenueId, VenueChip> next = new TreeMap<>();
        boolean structure = false;
        for (VenueView view : new TreeMap<>(snapshot.venues()).values()) {
            VenueChip chip = shown.get(view.venue());
            if (chip == null) {
                chip = new VenueChip(view);
                ContextMenu menu = menuFor(view.venue());
                VenueChip target = chip;
                // The context-menu event (menu key, platform gesture) and a plain right click both open it.
                chip.setOnContextMenuRequested(e -> show(menu, target, e.getScreenX(), e.getScreenY()));
                chip.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.SECONDARY) {
                        show(menu, target, e.getScreenX(), e.getScreenY());
                    }
                });
                structure = true;
            } else {
                chip.show(view);
            }
            next.put(view.venue(), chip);
        }
        structure |= !next.keySet().equals(shown.keySet());
        shown = next;
        if (structure) {
            chips.getChildren().setAll(new ArrayList<>(next.values()));
        }
        long trusted = next.values().stream().filter(c -> c.shown().state().trusted()).count();
        summary.setText(trusted + " of " + next.size() + " venues trusted");
    }

    public void tick(long nowMs) {
        shown.values().forEach(c -> c.tick(nowMs));
    }

    private static void show(ContextMenu menu, VenueChip chip, double x, double y) {
        if (!menu.isShowing()) {
            menu.show(chip, x, y);
        }
    }

    private ContextMenu menuFor(VenueId venue) {
        MenuItem cancel = new MenuItem("Cancel all orders on " + venue, new FontIcon("mdal-block"));
        cancel.setOnAction(e -> actions.cancelAll(venue));
        MenuItem flatten = new MenuItem("Flatten everything on " + venue + "...", new FontIcon("mdal-clear_all"));
        flatten.setOnAction(e -> actions.flattenVenue(venue));
        return new ContextMenu(cancel, flatten);
    }

    /** Chips currently shown, by venue (for tests). */
    List<VenueChip> chips() {
        return List.copyOf(shown.values());
    }
}
