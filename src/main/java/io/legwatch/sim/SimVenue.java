package io.legwatch.sim;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One simulated venue with one account: listings, positions, open orders, matching against the
 * synthetic books, injected faults and subscribers. Every method runs under the exchange lock.
 */
final class SimVenue {
    private static final Logger log = LoggerFactory.getLogger(SimVenue.class);

    final VenueId id;
    private final Map<String, SimInstrument> instruments = new LinkedHashMap<>();
    private final Map<String, Double> positions = new HashMap<>();
    private final Map<String, WorkingOrder> openOrders = new LinkedHashMap<>();
    /** Every order the venue accepted, by client id (also after it is done): ids are never reused. */
    private final Map<String, WorkingOrder> byClientId = new HashMap<>();
    private final List<SimListener> listeners = new CopyOnWriteArrayList<>();
    /** Acks produced while SILENT: released when the link is UP again, failed if it goes DOWN. */
    final List<Ack> withheld = new ArrayList<>();
    private long orderSeq;
    private long tradeSeq;

    // injected faults
    SimLink link = SimLink.UP;
    int rejectsPending;
    String rejectCode;
    String rejectText;
    VenueError.Kind rejectKind = VenueError.Kind.REJECTED;
    long ackDelayMs;
    double fillFraction = 1.0;
    boolean pricesStale;
    double depthFraction = 1.0;
    /** Epoch ms at which the dead-man switch fires; 0 when disarmed. */
    long deadManAtMs;

    SimVenue(VenueId id) {
        this.id = id;
    }

    void list(SimInstrument instrument) {
        instruments.put(instrument.instrument.symbol(), instrument);
    }

    // ---- queries -----------------------------------------------------------------------------

    List<Instrument> instruments() {
        return instruments.values().stream().map(i -> i.instrument).toList();
    }

    SimInstrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    Position position(String symbol) {
        SimInstrument si = instruments.get(symbol);
        double qty = positions.getOrDefault(symbol, 0.0);
        return new Position(si.instrument.key(), qty, si.positionMark(), qty * si.deltaPerUnit());
    }

    List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (SimInstrument si : instruments.values()) {
            double qty = positions.getOrDefault(si.instrument.symbol(), 0.0);
            if (!Lots.isZero(qty, si.instrument.lotSize())) {
                out.add(position(si.instrument.symbol()));
            }
        }
        return out;
    }

    List<Order> openOrders() {
        return openOrders.values().stream().map(WorkingOrder::toOrder).toList();
    }

    Optional<Order> orderByClientId(String clientOrderId) {
        WorkingOrder wo = byClientId.get(clientOrderId);
        return Optional.ofNullable(wo == null ? null : wo.toOrder());
    }

    FaultState faultState() {
        return new FaultState(link, rejectsPending, rejectsPending > 0 ? rejectCode : null,
                rejectsPending > 0 ? rejectText : null, ackDelayMs, fillFraction, pricesStale,
                rejectsPending > 0 ? rejectKind : null, depthFraction);
    }

    VenueSnapshot snapshot(long nowMs) {
        return new VenueSnapshot(id, instruments(), positions(), openOrders(), link, nowMs);
    }

    void addListener(SimListener l) {
        listeners.add(l);
    }

    void removeListener(SimListener l) {
        listeners.remove(l);
    }

    // ---- order entry -------------------------------------------------------------------------

    /**
     * Processes an order that has reached the matching engine.
     *
     * @throws VenueException REJECTED with the venue's code and text
     */
    Order execute(OrderRequest req, boolean conditional, double trigger, long nowMs) {
        String cid = req.clientOrderId();
        if (byClientId.containsKey(cid)) {
            throw reject(SimErrorCodes.DUPLICATE_CLIENT_ID, "duplicate client order id " + cid + " on " + id);
        }
        if (rejectsPending > 0) {
            rejectsPending--;
            throw new VenueException(new VenueError(id, rejectKind, rejectCode, rejectText));
        }
        SimInstrument si = instruments.get(req.instrument().symbol());
        if (si == null || !req.instrument().venue().equals(id)) {
            throw reject(SimErrorCodes.UNKNOWN_INSTRUMENT, "instrument " + req.instrument() + " is not listed on " + id);
        }
        double lot = si.instrument.lotSize();
        if (!Lots.isMultiple(req.qty(), lot)) {
            throw reject(SimErrorCodes.INVALID_QUANTITY,
                    "quantity " + req.qty() + " is not a multiple of the lot size " + lot);
        }
        double qty = Lots.round(req.qty(), lot);
        String reason = null;
        if (req.reduceOnly() && !conditional) {
            double reducible = reducible(req.instrument().symbol(), req.side());
            if (Lots.isZero(reducible, lot)) {
                throw reject(SimErrorCodes.REDUCE_ONLY, "reduce-only order rejected: it would increase or open "
                        + "a position (position " + positions.getOrDefault(si.instrument.symbol(), 0.0) + ")");
            }
            if (qty > reducible) {
                reason = "reduce-only: quantity clipped from " + qty + " to the position " + reducible;
                qty = reducible;
            }
        }
        WorkingOrder wo = new WorkingOrder(req.instrument(), id.value() + "-" + (++orderSeq), cid, req.side(),
                req.type(), qty, req.limitPrice(), req.reduceOnly(), conditional, trigger);
        // only an order the venue accepted uses up its client id: a refused one may be resent as is
        byClientId.put(cid, wo);
        wo.reason = reason;
        if (conditional) {
            openOrders.put(wo.orderId, wo);
            emitOrder(wo.toOrder(), nowMs);
            return wo.toOrder();
        }
        match(si, wo, nowMs, true);
        return wo.toOrder();
    }

    /**
     * Fills {@code wo} against the book as far as its type, limit, reduce-only and the
     * partial-fill fault allow, then settles its state and emits fill/order/position events.
     */
    private void match(SimInstrument si, WorkingOrder wo, long nowMs, boolean fresh) {
        double lot = si.instrument.lotSize();
        String symbol = si.instrument.symbol();
        OrderState before = wo.state;
        double want = wo.remaining();
        if (wo.reduceOnly) {
            want = Math.min(want, reducible(symbol, wo.side));
        }
        boolean faultCapped = false;
        if (fresh && fillFraction < 1.0) {
            double cap = Lots.floor(wo.qty * fillFraction, lot);
            if (cap < want) {
                want = cap;
                faultCapped = true;
            }
        }
        double limit = wo.type == OrderType.MARKET ? Double.NaN : wo.limitPrice;
        List<SyntheticBook.Take> takes = want >= lot / 2 ? si.book.take(wo.side, want, limit, si.mark, depthFraction) : List.of();
        double filledNow = 0;
        for (SyntheticBook.Take t : takes) {
            filledNow += t.qty();
            wo.notional += t.qty() * t.price();
            emitFill(new Fill(wo.instrument, id.value() + "-t" + (++tradeSeq), wo.orderId, wo.clientOrderId, wo.side,
                    t.qty(), t.price()), nowMs);
        }
        wo.filledQty = Lots.round(wo.filledQty + filledNow, lot);
        if (filledNow > 0) {
            positions.merge(symbol, wo.side.sign() * filledNow, (a, b) -> Lots.round(a + b, lot));
        }
        boolean done = Lots.isZero(wo.remaining(), lot);
        if (done) {
            wo.state = OrderState.FILLED;
            openOrders.remove(wo.orderId);
        } else if (wo.type == OrderType.LIMIT && !(wo.reduceOnly && Lots.isZero(reducible(symbol, wo.side), lot))) {
            wo.state = wo.filledQty > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
            openOrders.put(wo.orderId, wo);
        } else {
            wo.state = wo.type == OrderType.LIMIT ? OrderState.CANCELED : OrderState.EXPIRED;
            openOrders.remove(wo.orderId);
            wo.reason = join(wo.reason, faultCapped ? "partial fill: only " + wo.filledQty + " of " + wo.qty + " filled"
                    : wo.reduceOnly && Lots.isZero(reducible(symbol, wo.side), lot) ? "reduce-only: position is flat"
                    : wo.type == OrderType.MARKET ? "insufficient liquidity: book exhausted"
                    : "immediate-or-cancel remainder not fillable at the limit");
        }
        if (fresh || filledNow > 0 || wo.state != before) {
            emitOrder(wo.toOrder(), nowMs);
        }
        if (filledNow > 0) {
            emitPosition(position(symbol), nowMs);
        }
    }

    /** Moves the position to {@code qty} (rounded to the lot) without an order and pushes it. */
    void setPosition(SimInstrument si, double qty, long nowMs) {
        String symbol = si.instrument.symbol();
        double rounded = Lots.round(qty, si.instrument.lotSize());
        if (Lots.isZero(rounded, si.instrument.lotSize())) {
            positions.remove(symbol);
        } else {
            positions.put(symbol, rounded);
        }
        emitPosition(position(symbol), nowMs);
    }

    /** Quantity an order on {@code side} can reduce without flipping: the opposite position, else 0. */
    private double reducible(String symbol, Side side) {
        double pos = positions.getOrDefault(symbol, 0.0);
        return (side == Side.BUY && pos < 0) || (side == Side.SELL && pos > 0) ? Math.abs(pos) : 0;
    }

    /** Cancels open orders (including conditional) on one symbol, or all when symbol is null. */
    int cancelAll(String symbol, String reason, long nowMs) {
        int n = 0;
        for (Iterator<WorkingOrder> it = openOrders.values().iterator(); it.hasNext(); ) {
            WorkingOrder wo = it.next();
            if (symbol == null || wo.instrument.symbol().equals(symbol)) {
                it.remove();
                wo.state = OrderState.CANCELED;
                wo.reason = reason;
                emitOrder(wo.toOrder(), nowMs);
                n++;
            }
        }
        return n;
    }

    boolean cancel(String orderId, long nowMs) {
        WorkingOrder wo = openOrders.remove(orderId);
        if (wo == null) {
            return false;
        }
        wo.state = OrderState.CANCELED;
        wo.reason = "cancelled by user";
        emitOrder(wo.toOrder(), nowMs);
        return true;
    }

    // ---- time --------------------------------------------------------------------------------

    /** One price tick: reprice (unless stale), refill books, trigger stops, fill resting limits. */
    void tick(Map<String, Double> index, double seconds, long nowMs) {
        for (SimInstrument si : instruments.values()) {
            if (!pricesStale) {
                si.reprice(index.get(si.instrument.underlying()), nowMs);
            }
            si.book.replenish(seconds);
        }
        if (deadManAtMs > 0 && nowMs >= deadManAtMs) {
            deadManAtMs = 0;
            int n = cancelAll(null, "dead-man switch fired", nowMs);
            log.info("{}: dead-man switch fired, {} open orders cancelled", id, n);
        }
        for (WorkingOrder wo : List.copyOf(openOrders.values())) {
            SimInstrument si = instruments.get(wo.instrument.symbol());
            if (wo.conditional && wo.state == OrderState.NEW) {
                boolean hit = wo.side == Side.BUY ? si.mark >= wo.triggerPrice : si.mark <= wo.triggerPrice;
                if (hit) {
                    wo.state = OrderState.PARTIALLY_FILLED; // triggered; settled by match below
                    wo.reason = "stop triggered at mark " + si.mark;
                    openOrders.remove(wo.orderId);
                    match(si, wo, nowMs, true);
                }
            } else if (wo.type == OrderType.LIMIT) {
                match(si, wo, nowMs, false);
            }
        }
        for (SimInstrument si : instruments.values()) {
            emitPrice(si, nowMs);
        }
    }

    /** Heartbeat plus the periodic push of non-flat positions (option deltas move with the index). */
    void heartbeat(long nowMs) {
        if (link != SimLink.UP) {
            return;
        }
        for (SimListener l : listeners) {
            safe(() -> l.onHeartbeat(id, nowMs));
        }
        for (Position p : positions()) {
            emitPosition(p, nowMs);
        }
    }

    // ---- emission ----------------------------------------------------------------------------

    void emitRejection(OrderRequest req, VenueError error, long nowMs) {
        if (link == SimLink.UP) {
            VenueError pushed = new VenueError(id, error.kind(), error.code(), error.message() + " (order "
                    + req.clientOrderId() + ": " + req.side() + " " + req.qty() + " " + req.instrument().symbol() + ")");
            for (SimListener l : listeners) {
                safe(() -> l.onRejection(pushed, nowMs));
            }
        }
    }

    void emitLink(SimLink newLink, String detail, long nowMs) {
        for (SimListener l : listeners) {
            safe(() -> l.onLink(id, newLink, detail, nowMs));
        }
    }

    private void emitOrder(Order o, long nowMs) {
        if (link == SimLink.UP) {
            for (SimListener l : listeners) {
                safe(() -> l.onOrder(o, nowMs));
            }
        }
    }

    private void emitFill(Fill f, long nowMs) {
        if (link == SimLink.UP) {
            for (SimListener l : listeners) {
                safe(() -> l.onFill(f, nowMs));
            }
        }
    }

    private void emitPosition(Position p, long nowMs) {
        if (link == SimLink.UP) {
            for (SimListener l : listeners) {
                safe(() -> l.onPosition(p, nowMs));
            }
        }
    }

    private void emitPrice(SimInstrument si, long nowMs) {
        if (link == SimLink.UP) {
            for (SimListener l : listeners) {
                safe(() -> l.onPrice(si.instrument.key(), si.mark, si.index, nowMs));
            }
        }
    }

    /** A listener that throws must not break the venue for everyone else. */
    private void safe(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("{}: a simulator listener threw; the event was dropped for that listener", id, e);
        }
    }

    VenueException reject(String code, String text) {
        return new VenueException(new VenueError(id, VenueError.Kind.REJECTED, code, text));
    }

    VenueException network(String code, String text) {
        return new VenueException(new VenueError(id, VenueError.Kind.NETWORK, code, text));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
