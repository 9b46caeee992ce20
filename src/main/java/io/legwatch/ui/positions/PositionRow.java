package io.legwatch.ui.positions;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
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
 *
 * <p>The numbers and ages are {@link LazyText}: a new snapshot only flags the fields whose inputs
 * changed, and a field is formatted when a cell reads it, so the rows out of view cost no formatting.
 * The status is an ordinary property set at once: a change of colour is never deferred.
 */
public final class PositionRow {
    private final RowKind kind;
    private final String key;
    private Object source;
    private Format format;
    private String strategyId;
    private String strategyName;
    private String legId;
    private InstrumentKey instrument;
    private InstrumentKind instrumentKind;
    private long nakedSinceMs;
    private long lastUpdateMs;
    /** The UI clock's last tick, for the ages. */
    private long clockMs;
    // the inputs of the lazy fields as last shown, to flag only what changed
    private boolean known;
    private double qty = Double.NaN;
    private double baseDelta = Double.NaN;
    private double usdValue = Double.NaN;
    private double netUsdValue = Double.NaN;
    private double allowedUsd = Double.NaN;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty venue = new SimpleStringProperty(this, "venue", "");
    private final StringProperty symbol = new SimpleStringProperty(this, "instrument", "");
    private final LazyText side = new LazyText(this, "side", this::sideText);
    private final LazyText position = new LazyText(this, "position", () -> known ? format.qty(qty) : Format.UNKNOWN);
    private final LazyText delta = new LazyText(this, "delta", () -> known ? format.qty(baseDelta) : Format.UNKNOWN);
    private final LazyText usd = new LazyText(this, "usd", () -> known ? format.usd(usdValue) : Format.UNKNOWN);
    private final LazyText netUsd = new LazyText(this, "netUsd", () -> format.usd(netUsdValue));
    private final LazyText tolerance = new LazyText(this, "tolerance", () -> format.band(allowedUsd));
    private final ObjectProperty<HedgeStatus> status = new SimpleObjectProperty<>(this, "status");
    private final LazyText detail = new LazyText(this, "detail", this::detailText);
    private final LazyText nakedFor = new LazyText(this, "nakedFor", this::nakedForText);
    private final LazyText age = new LazyText(this, "age", this::ageText);
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

    /** Takes {@code view}: flags the display fields whose inputs changed. */
    void show(StrategyView view, Format format, long nowMs) {
        boolean first = source == null;
        this.format = format;
        source = view;
        strategyId = view.id();
        if (!view.name().equals(strategyName)) {
            strategyName = view.name();
            name.set(view.name());
        }
        if (first || Double.compare(view.netUsd(), netUsdValue) != 0) {
            netUsdValue = view.netUsd();
            netUsd.invalidate();
        }
        if (first || Double.compare(view.allowedUsd(), allowedUsd) != 0) {
            allowedUsd = view.allowedUsd();
            tolerance.invalidate();
        }
        nakedSinceMs = view.nakedSinceMs();
        status.set(view.status());
        detail.invalidate();
        tick(nowMs);
    }

    /** Takes {@code view}: flags the display fields whose inputs changed. */
    void show(LegView view, Format format, long nowMs) {
        boolean first = source == null;
        this.format = format;
        source = view;
        strategyId = view.strategyId();
        if (!view.instrument().equals(instrument) || view.kind() != instrumentKind || !java.util.Objects.equals(view.legId(), legId)) {
            legId = view.legId();
            instrument = view.instrument();
            instrumentKind = view.kind();
            name.set(legName(view));
            venue.set(view.instrument().venue().value());
            symbol.set(view.instrument().symbol() + (view.kind() == null ? "" : "  " + kindTag(view)));
        }
        lastUpdateMs = view.lastUpdateMs();
        boolean nowKnown = view.positionKnown();
        boolean changedKnown = first || nowKnown != known;
        if (changedKnown || Double.compare(view.qty(), qty) != 0) {
            side.invalidate();
            position.invalidate();
        }
        if (changedKnown || Double.compare(view.exposure().baseDelta(), baseDelta) != 0) {
            delta.invalidate();
        }
        if (changedKnown || Double.compare(view.exposure().usd(), usdValue) != 0) {
            usd.invalidate();
        }
        known = nowKnown;
        qty = view.qty();
        baseDelta = view.exposure().baseDelta();
        usdValue = view.exposure().usd();
        status.set(view.status());
        detail.invalidate();
        tick(nowMs);
    }

    private String sideText() {
        return !known ? "?" : qty > 0 ? "long" : qty < 0 ? "short" : "flat";
    }

    private String detailText() {
        if (source instanceof StrategyView s) {
            return s.reason() == null ? "" : s.reason();
        }
        return source instanceof LegView l ? legDetail(l) : "";
    }

    private String nakedForText() {
        return kind == RowKind.STRATEGY && nakedSinceMs > 0 && showsNakedTimer(status.get())
                ? Format.age(clockMs - nakedSinceMs) : "";
    }

    private String ageText() {
        if (kind != RowKind.LEG && kind != RowKind.UNASSIGNED) {
            return "";
        }
        return lastUpdateMs > 0 ? Format.age(clockMs - lastUpdateMs) : "never";
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

    /** Advances the time-driven fields ("naked for", "age") to {@code nowMs}; they format when read. */
    void tick(long nowMs) {
        clockMs = nowMs;
        if (kind == RowKind.STRATEGY) {
            nakedFor.invalidate();
        } else if (kind == RowKind.LEG || kind == RowKind.UNASSIGNED) {
            age.invalidate();
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

    /** Strategy rows: when the strategy left tolerance (epoch ms), 0 while within it. */
    long nakedSinceMs() {
        return nakedSinceMs;
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
