package io.legwatch.venue.deribit;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.OrderGateway;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Deribit order entry over the connector's JSON-RPC channel.
 *
 * <p>Idempotency: Deribit does not de-duplicate by {@code label}, so before sending, a client order id
 * already sent in this process returns the same future, and otherwise
 * {@code private/get_order_state_by_label} is asked first; an order found there is returned instead of
 * placing a second one (covers a resend after a reconnect lost the first answer).
 *
 * <p>Dead-man: Deribit's cancel-on-disconnect cancels all orders when this connection drops; the server
 * notices a silent client through the heartbeat, so the requested timeout sets the heartbeat interval
 * (Deribit's minimum is 10 s). Scope {@code connection}, re-armed after every reconnect.
 */
final class DeribitOrders implements OrderGateway {
    /** Deribit's documented maximum label length. */
    static final int MAX_LABEL = 64;
    private static final int REMEMBERED = 1024;

    private final DeribitConfig config;
    private final JsonRpcChannel rpc;
    private final DeribitInstruments instruments;
    private final Map<String, CompletableFuture<Order>> sent = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Order>> eldest) {
                    return size() > REMEMBERED;
                }
            });
    private volatile Duration deadMan = Duration.ZERO;

    DeribitOrders(DeribitConfig config, JsonRpcChannel rpc, DeribitInstruments instruments) {
        this.config = config;
        this.rpc = rpc;
        this.instruments = instruments;
    }

    @Override
    public CompletableFuture<Order> place(OrderRequest request) {
        if (!request.instrument().venue().equals(config.venue())) {
            return failed(VenueError.Kind.REJECTED, "order for " + request.instrument() + " sent to " + config.venue());
        }
        if (request.clientOrderId().isEmpty() || request.clientOrderId().length() > MAX_LABEL) {
            return failed(VenueError.Kind.REJECTED, "client order id must be 1.." + MAX_LABEL + " characters for a Deribit label");
        }
        var entry = instruments.find(request.instrument().symbol());
        if (entry.isEmpty()) {
            return failed(VenueError.Kind.REJECTED, "unknown instrument " + request.instrument().symbol());
        }
        CompletableFuture<Order> fresh = new CompletableFuture<>();
        CompletableFuture<Order> existing = sent.putIfAbsent(request.clientOrderId(), fresh);
        if (existing != null) {
            return existing;
        }
        DeribitInstruments.Entry e = entry.get();
        String currency = e.meta().settlementCurrency() != null ? e.meta().settlementCurrency() : e.meta().baseCurrency();
        rpc.call("private/get_order_state_by_label", Map.of("currency", currency, "label", request.clientOrderId()))
                .thenCompose(reply -> {
                    List<DeribitWire.Order> found = bind(reply, DeribitJson.ORDERS);
                    if (!found.isEmpty()) {
                        return CompletableFuture.completedFuture(known(found.get(found.size() - 1)));
                    }
                    return rpc.call(request.side() == Side.BUY ? "private/buy" : "private/sell", params(request, e))
                            .thenApply(r -> map(bind(r, DeribitWire.OrderResult.class).order()));
                })
                .whenComplete((order, error) -> {
                    if (error != null) {
                        // Forget the local future: a resend with this id asks the venue by label again,
                        // which is right for a refusal and for an unknown outcome (timeout, lost socket).
                        sent.remove(request.clientOrderId(), fresh);
                        fresh.completeExceptionally(error.getCause() != null ? error.getCause() : error);
                    } else {
                        fresh.complete(order);
                    }
                });
        return fresh;
    }

    /**
     * Serialises what {@link #place} sends (never sending it) and makes the one read {@link #place} makes
     * first, the look-up by label (for a label no order has), so the order path's code and the RPC
     * channel's reply path have run before the first kill. Sends no order, cancel or other write.
     */
    @Override
    public CompletableFuture<Void> warmUp(InstrumentKey instrument) {
        var entry = instruments.find(instrument.symbol());
        if (entry.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        OrderRequest sample = OrderGateway.warmUpSample(instrument);
        DeribitInstruments.Entry e = entry.get();
        DeribitJson.write(params(sample, e));
        DeribitJson.write(Map.of("instrument_name", instrument.symbol(), "type", "all"));
        String currency = e.meta().settlementCurrency() != null ? e.meta().settlementCurrency() : e.meta().baseCurrency();
        return rpc.call("private/get_order_state_by_label", Map.of("currency", currency, "label", sample.clientOrderId()))
                .thenAccept(reply -> bind(reply, DeribitJson.ORDERS));
    }

    static Map<String, Object> params(OrderRequest request, DeribitInstruments.Entry e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("instrument_name", request.instrument().symbol());
        p.put("amount", amount(request.qty(), e.contractSize()));
        if (request.type() == OrderType.MARKET) {
            p.put("type", "market");
        } else {
            p.put("type", "limit");
            p.put("price", price(request.limitPrice(), request.side(), e.meta().tickSize()));
            p.put("time_in_force", request.type() == OrderType.LIMIT_IOC ? "immediate_or_cancel" : "good_til_cancelled");
        }
        p.put("reduce_only", request.reduceOnly());
        p.put("label", request.clientOrderId());
        return p;
    }

    /**
     * The limit price on the instrument's tick (Deribit rejects others with 10043 price_wrong_tick), rounded
     * towards the aggressive side so a pay-up never shrinks: up for a buy, down for a sell. Deribit's larger
     * option ticks above a price ({@code tick_size_steps}) are not applied.
     */
    static BigDecimal price(double limit, Side side, Double tickSize) {
        BigDecimal p = BigDecimal.valueOf(limit);
        if (tickSize == null || !(tickSize > 0)) {
            return p.stripTrailingZeros();
        }
        BigDecimal tick = BigDecimal.valueOf(tickSize);
        BigDecimal ticks = p.divide(tick, 0, side == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR);
        BigDecimal out = ticks.multiply(tick).stripTrailingZeros();
        return out.scale() < 0 ? out.setScale(0) : out;
    }

    /** qty (contracts) x contract_size, without binary noise (10 x 0.1 must be 1, not 1.0000000000000002). */
    static BigDecimal amount(double qty, double contractSize) {
        BigDecimal a = BigDecimal.valueOf(qty).multiply(BigDecimal.valueOf(contractSize)).setScale(8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return a.scale() < 0 ? a.setScale(0) : a; // 40, not 4E+1, on the wire
    }

    @Override
    public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        // type "all" covers limit and trigger (stop/take/trailing) orders
        return rpc.call("private/cancel_all_by_instrument", Map.of("instrument_name", instrument.symbol(), "type", "all"))
                .thenApply(r -> bind(r, Integer.class));
    }

    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        deadMan = timeout;
        return applyDeadMan();
    }

    /** After a reconnect: cancel-on-disconnect is per connection, so arm it again if it was armed. */
    CompletableFuture<Void> rearm() {
        return deadMan.isZero() ? CompletableFuture.completedFuture(null) : applyDeadMan();
    }

    int heartbeatSeconds(int configured) {
        return deadMan.isZero() ? configured : (int) Math.max(10, Math.min(configured, deadMan.toSeconds()));
    }

    private CompletableFuture<Void> applyDeadMan() {
        if (deadMan.isZero()) {
            return rpc.call("private/disable_cancel_on_disconnect", Map.of("scope", "connection")).thenApply(r -> null);
        }
        return rpc.call("public/set_heartbeat", Map.of("interval", heartbeatSeconds((int) config.heartbeat().toSeconds())))
                .thenCompose(r -> rpc.call("private/enable_cancel_on_disconnect", Map.of("scope", "connection")))
                .thenApply(r -> null);
    }

    /** An order already placed under this label: its outcome is the answer; a rejection stays a rejection. */
    private Order known(DeribitWire.Order o) {
        Order order = map(o);
        if (order.state() == io.legwatch.domain.OrderState.REJECTED) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.REJECTED, null,
                    "order " + order.clientOrderId() + " was rejected: " + order.reason()));
        }
        return order;
    }

    private Order map(DeribitWire.Order o) {
        try {
            return DeribitMapping.order(instruments, o);
        } catch (DeribitMapping.UnknownInstrumentException | DeribitMapping.BadPayloadException e) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.MALFORMED, null,
                    "order answer unreadable: " + e.getMessage()));
        }
    }

    private <T> T bind(JsonRpcChannel.Reply reply, Class<T> type) {
        try {
            return DeribitJson.bind(reply.result(), type);
        } catch (IOException e) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.MALFORMED, null,
                    "order answer unreadable: " + e.getMessage()), e);
        }
    }

    private <T> T bind(JsonRpcChannel.Reply reply, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return DeribitJson.bind(reply.result(), type);
        } catch (IOException e) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.MALFORMED, null,
                    "answer unreadable: " + e.getMessage()), e);
        }
    }

    private <T> CompletableFuture<T> failed(VenueError.Kind kind, String message) {
        return CompletableFuture.failedFuture(new VenueException(new VenueError(config.venue(), kind, null, message)));
    }
}
