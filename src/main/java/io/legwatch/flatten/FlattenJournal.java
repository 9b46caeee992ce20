package io.legwatch.flatten;

import com.fasterxml.jackson.databind.JsonNode;
import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.journal.Journal;
import io.legwatch.journal.JournalRecovery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the flatten service's journal records and reads plans back for recovery.
 *
 * <p>A journal failure never stops a flatten (getting flat matters more than the audit line), but
 * it is never silent either: the first failure touching a flatten raises a
 * {@link FlattenAlarm.Kind#JOURNAL_FAILED} alarm, and the flatten's result says it was not
 * recorded ({@link #failure}). An fsync covers every flatten's lines at once, so a failed fsync
 * counts against every flatten running at the time.
 */
final class FlattenJournal {
    private static final Logger LOG = LoggerFactory.getLogger(FlattenJournal.class);
    private final Journal journal;
    private final AlarmListener alarms;
    private final TimeSource time;
    /** Flattens with a journal failure: id -> the first reason (the alarm has been raised). */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    /**
     * Flattens whose result has been given (with or without a failure): a late failure (the
     * start-of-flatten fsync can run after the result on another flatten thread) has nothing left
     * to tell about them. Grows by one short id per flatten, which is a human- or policy-scale rate.
     */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final AtomicLong fsyncFailures = new AtomicLong();
    private volatile String lastFsyncFailure;

    FlattenJournal(Journal journal, AlarmListener alarms, TimeSource time) {
        this.journal = journal;
        this.alarms = alarms;
        this.time = time;
    }

    /** A trader's or rule's action outside a flatten's own records (release, re-open, abandon). */
    void action(String action, KillScope scope, String firedBy, String detail) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("action", action);
        f.put("scope", scope == null ? null : scope(scope));
        f.put("firedBy", firedBy);
        f.put("detail", detail);
        try {
            journal.appendDurable("action", f);
        } catch (RuntimeException e) {
            fsyncFailed(e);
            LOG.error("journal write failed for action {}", action, e);
            alarm(null, "the " + action + " by " + firedBy + " (" + detail + ") is not recorded in the journal: "
                    + reason(e));
        }
    }

    void started(FlattenPlan plan, String firedBy, boolean resumed) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("flattenId", plan.flattenId());
        f.put("firedBy", firedBy);
        f.put("mode", plan.mode().name());
        f.put("resumed", resumed);
        f.put("plan", plan(plan));
        // Written (so it survives a crash of this process) before anything is sent; the fsync runs
        // alongside the first cancels and is complete before the flatten can be reported done.
        write(plan.flattenId(), resumed ? "flatten.resumed" : JournalRecovery.FLATTEN_STARTED, f);
    }

    /** Forces everything written so far to disk, on behalf of {@code flattenId}. */
    void force(String flattenId) {
        try {
            journal.force();
        } catch (RuntimeException e) {
            fsyncFailed(e);
            failed(flattenId, "fsync", e);
        }
    }

    /** How many fsyncs have failed so far; a flatten notes it at start to see failures during its run. */
    long fsyncFailures() {
        return fsyncFailures.get();
    }

    /**
     * Why {@code flattenId}'s records may not all be on disk, or null when they are: a failed
     * write of its own, or any failed fsync since {@code fsyncFailuresAtStart}.
     */
    String failure(String flattenId, long fsyncFailuresAtStart) {
        if (fsyncFailures.get() > fsyncFailuresAtStart && !failures.containsKey(flattenId)) {
            report(flattenId, lastFsyncFailure);
        }
        return failures.get(flattenId);
    }

    /** The flatten has finished and been told; nothing more is attributed to it. */
    void forget(String flattenId) {
        finished.add(flattenId);
        failures.remove(flattenId);
    }

    void cancelled(String flattenId, InstrumentKey key, int count) {
        write(flattenId, "order.cancelAll", Map.of("flattenId", flattenId, "venue", key.venue().value(),
                "symbol", key.symbol(), "cancelled", count));
    }

    void sent(String flattenId, int legIndex, int attempt, OrderRequest r, int sendNo) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("flattenId", flattenId);
        f.put("leg", legIndex);
        f.put("attempt", attempt);
        f.put("send", sendNo);
        f.put("clientOrderId", r.clientOrderId());
        f.put("order", request(r));
        write(flattenId, JournalRecovery.ORDER_SENT, f);
    }

    void outcome(String flattenId, String clientOrderId, OrderState state, double filledQty, String error) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("flattenId", flattenId);
        f.put("clientOrderId", clientOrderId);
        f.put("state", state.name());
        f.put("filledQty", filledQty);
        f.put("error", error);
        write(flattenId, JournalRecovery.ORDER_OUTCOME, f);
    }

    void inDoubt(String flattenId, String clientOrderId, String why) {
        write(flattenId, "order.inDoubt", Map.of("flattenId", flattenId, "clientOrderId", clientOrderId, "why", why));
    }

    void legFinished(String flattenId, LegOutcome o) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("flattenId", flattenId);
        f.put("leg", o.leg().index());
        f.put("venue", o.leg().instrument().venue().value());
        f.put("symbol", o.leg().instrument().symbol());
        f.put("phase", o.phase().name());
        f.put("initialVenueQty", o.initialVenueQty());
        f.put("finalVenueQty", o.finalVenueQty());
        f.put("openOrdersZero", o.openOrdersZero());
        f.put("positionZero", o.positionZero());
        f.put("ordersSent", o.orders().size());
        f.put("detail", o.detail());
        write(flattenId, "leg.finished", f);
    }

    void finished(KillResult r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("flattenId", r.plan().flattenId());
        f.put("outcome", r.outcome().name());
        f.put("verified", r.verified());
        f.put("firedBy", r.firedBy());
        f.put("detail", r.detail());
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (KillReceipt k : r.receipts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("venue", k.venue().value());
            m.put("ordersCancelled", k.ordersCancelled());
            m.put("openOrdersZero", k.openOrdersZero());
            m.put("positionsZero", k.positionsZero());
            m.put("timeToFlatMs", k.timeToFlatMs());
            m.put("stillOpen", k.stillOpen());
            receipts.add(m);
        }
        f.put("receipts", receipts);
        f.put("journalFailure", r.journalFailure());
        String flattenId = r.plan().flattenId();
        try {
            journal.appendDurable(JournalRecovery.FLATTEN_FINISHED, f);
        } catch (RuntimeException e) {
            fsyncFailed(e);
            failed(flattenId, JournalRecovery.FLATTEN_FINISHED, e);
        }
    }

    private void write(String flattenId, String type, Map<String, ?> fields) {
        try {
            journal.append(type, fields);
        } catch (RuntimeException e) {
            fsyncFailed(e); // a write can carry the failed fsync of the day's rollover
            failed(flattenId, type, e);
        }
    }

    /** A failed fsync leaves every flatten's recent lines in doubt, not only the caller's. */
    private void fsyncFailed(RuntimeException e) {
        if (e instanceof Journal.NotDurableException) {
            lastFsyncFailure = reason(e);
            fsyncFailures.incrementAndGet();
        }
    }

    private void failed(String flattenId, String what, RuntimeException e) {
        LOG.error("journal failed on {} of flatten {} (the flatten continues)", what, flattenId, e);
        report(flattenId, reason(e));
    }

    /** Records the first reason for a flatten and raises its alarm, once. */
    private void report(String flattenId, String reason) {
        if (finished.contains(flattenId)) {
            return; // its result is out; the failure is logged by the caller
        }
        if (failures.putIfAbsent(flattenId, reason) == null) {
            alarm(flattenId, "flatten " + flattenId + " continues, but it is not recorded in the journal: " + reason);
        }
    }

    private void alarm(String flattenId, String message) {
        try {
            alarms.alarm(new FlattenAlarm(time.millis(), flattenId, FlattenAlarm.Kind.JOURNAL_FAILED, message));
        } catch (RuntimeException e) {
            LOG.error("alarm listener failed for {}", message, e);
        }
    }

    /** The exception and its cause in one line ("journal fsync failed in /x: No space left on device"). */
    private static String reason(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !msg.contains(cause.getMessage())) {
            msg += ": " + cause.getMessage();
        }
        return msg;
    }

    // ---- plan <-> JSON (written at start, read back by recovery) ----

    static Map<String, Object> scope(KillScope s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s instanceof KillScope.Legs l) {
            m.put("type", "legs");
            m.put("strategyId", l.strategyId());
            m.put("legIds", new TreeSet<>(l.legIds()));
        } else if (s instanceof KillScope.Strategy st) {
            m.put("type", "strategy");
            m.put("strategyId", st.strategyId());
        } else if (s instanceof KillScope.Venue v) {
            m.put("type", "venue");
            m.put("venue", v.venue().value());
        } else {
            m.put("type", "global");
        }
        return m;
    }

    static KillScope scope(JsonNode n) {
        return switch (n.path("type").asText()) {
            case "legs" -> {
                Set<String> ids = new TreeSet<>();
                n.path("legIds").forEach(x -> ids.add(x.asText()));
                yield new KillScope.Legs(n.path("strategyId").asText(), ids);
            }
            case "strategy" -> new KillScope.Strategy(n.path("strategyId").asText());
            case "venue" -> new KillScope.Venue(VenueId.of(n.path("venue").asText()));
            case "global" -> new KillScope.Global();
            default -> throw new IllegalArgumentException("unknown scope in journal: " + n);
        };
    }

    static Map<String, Object> plan(FlattenPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flattenId", p.flattenId());
        m.put("scope", scope(p.scope()));
        m.put("mode", p.mode().name());
        m.put("createdAtMs", p.createdAtMs());
        m.put("snapshotVersion", p.snapshotVersion());
        List<Map<String, Object>> legs = new ArrayList<>();
        for (PlanLeg l : p.legs()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("index", l.index());
            x.put("strategyId", l.strategyId());
            x.put("legId", l.legId());
            x.put("venue", l.instrument().venue().value());
            x.put("symbol", l.instrument().symbol());
            x.put("side", l.side() == null ? null : l.side().name());
            x.put("qty", l.qty());
            x.put("orderType", l.firstOrderType() == null ? null : l.firstOrderType().name());
            x.put("reduceOnly", l.reduceOnly());
            x.put("markPrice", l.markPrice());
            x.put("positionKnown", l.positionKnown());
            x.put("openOrders", l.openOrders());
            x.put("venueState", l.venueState() == null ? null : l.venueState().name());
            legs.add(x);
        }
        m.put("legs", legs);
        m.put("ladder", p.ladder());
        m.put("warnings", p.warnings());
        m.put("lines", p.lines());
        return m;
    }

    static FlattenPlan plan(JsonNode n) {
        List<PlanLeg> legs = new ArrayList<>();
        for (JsonNode x : n.path("legs")) {
            legs.add(new PlanLeg(x.path("index").asInt(), text(x, "strategyId"), text(x, "legId"),
                    new InstrumentKey(VenueId.of(x.path("venue").asText()), x.path("symbol").asText()),
                    x.hasNonNull("side") ? Side.valueOf(x.path("side").asText()) : null, number(x.path("qty")),
                    x.hasNonNull("orderType") ? OrderType.valueOf(x.path("orderType").asText()) : null,
                    x.path("reduceOnly").asBoolean(true), number(x.path("markPrice")),
                    x.path("positionKnown").asBoolean(),
                    x.path("openOrders").asInt(), x.hasNonNull("venueState")
                            ? ConnectionState.valueOf(x.path("venueState").asText()) : null));
        }
        List<String> warnings = new ArrayList<>();
        n.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new FlattenPlan(n.path("flattenId").asText(), scope(n.path("scope")),
                KillMode.valueOf(n.path("mode").asText()), n.path("createdAtMs").asLong(),
                n.path("snapshotVersion").asLong(), legs, n.path("ladder").asText(), warnings);
    }

    static Map<String, Object> request(OrderRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("venue", r.instrument().venue().value());
        m.put("symbol", r.instrument().symbol());
        m.put("side", r.side().name());
        m.put("qty", r.qty());
        m.put("type", r.type().name());
        m.put("limitPrice", r.limitPrice());
        m.put("reduceOnly", r.reduceOnly());
        m.put("clientOrderId", r.clientOrderId());
        return m;
    }

    static OrderRequest request(JsonNode n) {
        return new OrderRequest(new InstrumentKey(VenueId.of(n.path("venue").asText()), n.path("symbol").asText()),
                Side.valueOf(n.path("side").asText()), n.path("qty").asDouble(), OrderType.valueOf(n.path("type").asText()),
                number(n.path("limitPrice")), n.path("reduceOnly").asBoolean(true), n.path("clientOrderId").asText());
    }

    /** Numbers may be journaled as "NaN" strings (JSON has no NaN). */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.isTextual() ? Double.parseDouble(n.asText()) : Double.NaN;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.path(field).asText() : null;
    }
}
