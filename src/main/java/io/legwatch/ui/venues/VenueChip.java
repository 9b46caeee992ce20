package io.legwatch.ui.venues;

import io.legwatch.domain.ConnectionState;
import io.legwatch.engine.VenueView;
import io.legwatch.ui.Format;
import io.legwatch.ui.StatusText;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One venue in the status strip: link state, last message age and error count, coloured by state in CSS. */
final class VenueChip extends HBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label name = new Label();
    private final Label state = new Label();
    private final Label age = new Label();
    private final Label errors = new Label();
    private final Tooltip tooltip = new Tooltip();
    private VenueView shown;

    VenueChip(VenueView view) {
        getStyleClass().add("venue-chip");
        setId("venue-" + view.venue().value());
        FontIcon dot = new FontIcon("mdal-lens");
        dot.getStyleClass().add("venue-dot");
        name.getStyleClass().add("venue-name");
        state.getStyleClass().add("venue-state");
        age.getStyleClass().addAll("venue-age", "num");
        errors.getStyleClass().add("venue-errors");
        errors.setGraphic(new FontIcon("mdmz-warning"));
        getChildren().addAll(dot, name, state, age, errors);
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(560);
        Tooltip.install(this, tooltip);
        show(view);
    }

    /** Recomputes the chip from {@code view}; returns false when it is the view already shown. */
    boolean show(VenueView view) {
        if (view == shown) {
            return false;
        }
        shown = view;
        name.setText(view.venue().value());
        state.setText(StatusText.label(view.state()));
        for (ConnectionState s : ConnectionState.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(StatusText.pseudoClass(s)), s == view.state());
        }
        boolean hasErrors = view.errorCount() > 0;
        errors.setText(hasErrors ? Long.toString(view.errorCount()) : "");
        errors.setVisible(hasErrors);
        errors.setManaged(hasErrors);
        StringBuilder tip = new StringBuilder(view.venue().value()).append(": ").append(StatusText.label(view.state()));
        if (view.detail() != null && !view.detail().isBlank()) {
            tip.append(" (").append(view.detail()).append(')');
        }
        if (view.lastError() != null) {
            tip.append("\nLast error: ").append(view.lastError().kind());
            if (view.lastError().code() != null) {
                tip.append(' ').append(view.lastError().code());
            }
            tip.append(" \u2014 ").append(view.lastError().message());
            tip.append("\nErrors since start: ").append(view.errorCount());
        }
        if (view.lastMessageMs() > 0) {
            tip.append("\nLast message at ").append(TIME.format(Instant.ofEpochMilli(view.lastMessageMs())));
        }
        tip.append("\nRight-click for venue actions.");
        tooltip.setText(tip.toString());
        return true;
    }

    void tick(long nowMs) {
        age.setText(shown.lastMessageMs() > 0 ? Format.age(nowMs - shown.lastMessageMs()) : "no data");
    }

    VenueView shown() {
        return shown;
    }
}
