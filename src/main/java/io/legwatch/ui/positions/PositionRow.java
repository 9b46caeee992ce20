package io.legwatch.ui.positions;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.engine.LegView;
import io.legwatch.engine.StrategyView;
import io.legwatch.ui.Format;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the positions tree: a view model holding display strings computed once per change
 * (cells only show them), plus the snapshot record it was computed from so the next snapshot can
 * be diffed by reference. Holds no Nodes. FX thread only.
 */
public final class PositionRow {
    private final RowKind kind;
    private final String key;
    private Object source;
    private String strategyId;
    private String strategyName;
    private String legId;
    private InstrumentKey instrument;
    private long nakedSinceMs;
    private long lastUpdateMs;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty venue = new SimpleStringProperty(this, "venue", "");
    private final StringProperty symbol = new SimpleStringProperty(this, "instrument", "");
    private final StringProperty side = new SimpleStringProperty(this, "side", "");
    private final StringProperty position = new SimpleStringProperty(this, "position", "");
    private final StringProperty delta = new SimpleStringProperty(this, "delta", "");
    private final StringProperty usd = new SimpleStringProperty(this, "usd", "");
    private final StringProperty netUsd = new SimpleStringProperty(this, "netUsd", "");
    private final StringProperty tolerance = new SimpleStringProperty(this, "tolerance", "");
    private final ObjectProperty<HedgeStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final StringProperty nakedFor = new SimpleStringProperty(this, "nakedFor", "");
    private final StringProperty age = new SimpleStringProperty(this, "age", "");
    private final StringProperty autoFiresIn = new SimpleStringProperty(this, "autoFiresIn", "");

    private PositionRow(RowKind kind, String key) {
        this.kind = kind;
        this.key = key;
    }

    public static PositionRow group(String key, String title) {
        PositionRow row = new PositionRow(RowKind.GROUP, key);
        row.name.set(title);
        return row;
    }

    static PositionRow strategy(String strategyId) {
        return new PositionRow(RowKind.STRATEGY, "s:" + strategyId);
    }

    static PositionRow leg(String key, boolean assigned) {
        return new PositionRow(assigned ? RowKind.LEG : RowKind.UNASSIGNED, key);
    }

    /** Recomputes every display field from {@code view}. */
    void show(StrategyView view, Format format, long nowMs) {
        source = view;
        strategyId = view.id();
        strategyName = view.name();
        nakedSinceMs = view.nakedSinceMs();
        name.set(view.name());
        netUsd.set(format.usd(view.netUsd()));
        usd.set("");
        tolerance.set(format.band(view.allowedUsd()));
        status.set(view.status());
        detail.set(view.reason() == null ? "" : view.reason());
        tick(nowMs);
    }

    /** Recomputes every display field from {@code view}. */
    void show(LegView view, Format format, long nowMs) {
        source = view;
        strategyId = view.strategyId();
        legId = view.legId();
        instrument = view.instrument();
        lastUpdateMs = view.lastUpdateMs();
        name.set(legName(view));
        venue.set(view.instrument().venue().value());
        symbol.set(view.instrument().symbol() + (view.kind() == null ? "" : "  " + kindTag(view)));
        boolean known = view.positionKnown();
        side.set(!known ? "?" : view.qty() > 0 ? "long" : view.qty() < 0 ? "short" : "flat");
        position.set(known ? format.qty(view.qty()) : Format.UNKNOWN);
        delta.set(known ? format.qty(view.exposure().baseDelta()) : Format.UNKNOWN);
        usd.set(known ? format.usd(view.exposure().usd()) : Format.UNKNOWN);
        status.set(view.status());
        detail.set(legDetail(view));
        tick(nowMs);
    }

    private static String kindTag(LegView view) {
        return switch (view.kind()) {
            case SPOT -> "spot";
            case LINEAR -> "linear";
            case INVERSE -> "inverse";
            case OPTION -> "option";
        };
    }

    private static String legDetail(LegView view) {
        StringBuilder b = new StringBuilder();
        if (view.venueState() != null && view.venueState() != ConnectionState.CONNECTED) {
            b.append("venue ").append(view.venueState().name().toLowerCase());
        }
        if (view.intendedSide() != null && view.positionKnown() && view.qty() != 0
                && Math.signum(view.qty()) != view.intendedSide().sign()) {
            appendSep(b).append("wrong side: meant to be ").append(view.intendedSide() == io.legwatch.domain.Side.BUY ? "long" : "short");
        }
        if (view.openOrders() > 0) {
            appendSep(b).append(view.openOrders()).append(view.openOrders() == 1 ? " open order" : " open orders");
        }
        if (view.ordersInDoubt() > 0) {
            appendSep(b).append(view.ordersInDoubt()).append(" in doubt");
        }
        return b.toString();
    }

    private static StringBuilder appendSep(StringBuilder b) {
        return b.isEmpty() ? b : b.append(", ");
    }

    /** Leg ids often repeat their strategy ("btc-basis/sim-a:BTC-USD"); under the strategy row the prefix is noise. */
    private static String legName(LegView view) {
        String id = view.legId();
        if (id == null) {
            return view.instrument().symbol();
        }
        String prefix = view.strategyId() + "/";
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : id;
    }

    /** Group rows carry a title that changes with their content, e.g. a count. */
    void nameOverride(String title) {
        if (!title.equals(name.get())) {
            name.set(title);
        }
    }

    /** Updates the time-driven fields; called by the shared UI clock, a few times a second. */
    void tick(long nowMs) {
        if (kind == RowKind.STRATEGY) {
            nakedFor.set(nakedSinceMs > 0 && showsNakedTimer(status.get()) ? Format.age(nowMs - nakedSinceMs) : "");
        } else if (kind == RowKind.LEG || kind == RowKind.UNASSIGNED) {
            age.set(lastUpdateMs > 0 ? Format.age(nowMs - lastUpdateMs) : "never");
        }
    }

    /** Strategy rows: time until the armed auto-flatten policy fires, or -1 when nothing is pending. */
    void autoFiresIn(long millis) {
        String text = millis < 0 ? "" : Format.age(millis);
        if (!text.equals(autoFiresIn.get())) {
            autoFiresIn.set(text);
        }
    }

    private static boolean showsNakedTimer(HedgeStatus s) {
        return s != HedgeStatus.HEDGED && s != HedgeStatus.FLAT;
    }

    public RowKind kind() {
        return kind;
    }

    /** Stable identity across snapshots: strategy id, leg id or instrument. */
    public String key() {
        return key;
    }

    Object source() {
        return source;
    }

    /** The strategy this row is or belongs to; null for groups and unassigned positions. */
    public String strategyId() {
        return strategyId;
    }

    public String strategyName() {
        return strategyName;
    }

    public String legId() {
        return legId;
    }

    public InstrumentKey instrument() {
        return instrument;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty venueProperty() {
        return venue;
    }

    public ReadOnlyStringProperty instrumentProperty() {
        return symbol;
    }

    public ReadOnlyStringProperty sideProperty() {
        return side;
    }

    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    public ReadOnlyStringProperty deltaProperty() {
        return delta;
    }

    public ReadOnlyStringProperty usdProperty() {
        return usd;
    }

    public ReadOnlyStringProperty netUsdProperty() {
        return netUsd;
    }

    public ReadOnlyStringProperty toleranceProperty() {
        return tolerance;
    }

    public ReadOnlyObjectProperty<HedgeStatus> statusProperty() {
        return status;
    }

    public HedgeStatus status() {
        return status.get();
    }

    /** Why the status is what it is, in the trader's words. */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty nakedForProperty() {
        return nakedFor;
    }

    public ReadOnlyStringProperty ageProperty() {
        return age;
    }

    /** "" unless the strategy's auto-flatten is armed and counting down; then the time left, e.g. "7.2s". */
    public ReadOnlyStringProperty autoFiresInProperty() {
        return autoFiresIn;
    }

    @Override
    public String toString() {
        return kind + " " + key + " " + status.get();
    }
}
