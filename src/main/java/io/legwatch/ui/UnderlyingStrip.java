package io.legwatch.ui;

import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.UnderlyingView;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Net delta per underlying over every venue, strategies or not: the trader's "what am I really
 * holding" line. An underlying with a leg on an untrusted venue is marked incomplete.
 */
public final class UnderlyingStrip {
    private static final PseudoClass INCOMPLETE = PseudoClass.getPseudoClass("incomplete");

    private final HBox bar = new HBox();
    private final HBox cards = new HBox();
    private final Format format = new Format();
    private Map<String, Card> shown = new LinkedHashMap<>();

    public UnderlyingStrip() {
        bar.getStyleClass().add("underlying-strip");
        bar.setId("underlying-strip");
        Label title = new Label("Net by underlying");
        title.getStyleClass().add("strip-title");
        cards.getStyleClass().add("underlying-cards");
        bar.getChildren().addAll(title, cards);
    }

    public HBox view() {
        return bar;
    }

    public void apply(MonitorSnapshot snapshot) {
        Map<String, Card> next = new LinkedHashMap<>();
        for (UnderlyingView u : snapshot.byUnderlying()) {
            Card card = shown.get(u.underlying());
            if (card == null) {
                card = new Card(u.underlying()); // never per pulse: a Card's Tooltip builds a popup window and scene
            }
            card.show(u, format);
            next.put(u.underlying(), card);
        }
        if (!List.copyOf(next.keySet()).equals(List.copyOf(shown.keySet()))) {
            List<VBox> nodes = new ArrayList<>();
            next.values().forEach(c -> nodes.add(c.box));
            cards.getChildren().setAll(nodes);
        }
        shown = next;
    }

    private static final class Card {
        final VBox box = new VBox();
        final Label name = new Label();
        final Label delta = new Label();
        final Label usd = new Label();
        final Tooltip tip = new Tooltip();
        UnderlyingView view;

        Card(String underlying) {
            box.getStyleClass().add("underlying-card");
            box.setId("underlying-" + underlying);
            name.getStyleClass().add("underlying-name");
            delta.getStyleClass().addAll("underlying-delta", "num");
            usd.getStyleClass().addAll("underlying-usd", "num");
            HBox top = new HBox(name, delta);
            top.getStyleClass().add("underlying-top");
            box.getChildren().addAll(top, usd);
            Tooltip.install(box, tip);
        }

        void show(UnderlyingView u, Format format) {
            if (u == view) {
                return;
            }
            view = u;
            name.setText(u.underlying());
            delta.setText(format.qty(u.netBaseDelta()));
            usd.setText(format.usd(u.netUsd()) + " USD" + (u.complete() ? "" : "  incomplete"));
            box.pseudoClassStateChanged(INCOMPLETE, !u.complete());
            tip.setText(u.underlying() + " over every venue: net delta " + format.qty(u.netBaseDelta())
                    + ", net " + format.usd(u.netUsd()) + " USD, gross " + format.usd(u.grossUsd()) + " USD"
                    + (u.complete() ? "" : "\nIncomplete: a venue holding " + u.underlying()
                    + " is not trusted right now, so the true net may differ."));
        }
    }
}
