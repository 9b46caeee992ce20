package io.legwatch.venue.binance;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Order entry on one Binance USD-M account: flatten orders (reduce-only MARKET and LIMIT IOC),
 * cancel-all including conditional (Algo Service) orders, and the countdownCancelAll dead-man switch.
 *
 * <p>Idempotence: Binance only refuses a {@code newClientOrderId} that is still open, so a resend of a
 * filled order's id would trade again. A client id this gateway already sent is therefore looked up
 * ({@code GET /fapi/v1/order?origClientOrderId=}) before anything is sent again; only "order does not
 * exist" (-2013) lets the resend go out.
 *
 * <p>Hedge mode: Binance refuses {@code reduceOnly} there; a reducing order names the side it closes
 * instead ({@code positionSide=LONG} for a SELL, {@code SHORT} for a BUY), which cannot open a position.
 */
public final class BinanceOrderGateway implements OrderGateway {
    private static final Logger log = LoggerFactory.getLogger(BinanceOrderGateway.class);
    /** Binance's documented rule for newClientOrderId. */
    static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    static final int ORDER_DOES_NOT_EXIST = -2013;
    static final int DUPLICATE_CLIENT_ID = -4116;

    private final VenueId venue;
    private final BinanceRestApi api;
    private final BinanceMapper mapper;
    private final Map<String, BinanceSymbolRules> rules;
    private final BooleanSupplier hedgeMode;
    private final Set<String> activeSymbols;
    private final Set<String> sentClientIds = ConcurrentHashMap.newKeySet();
    private final Set<String> armedSymbols = ConcurrentHashMap.newKeySet();

    /**
     * @param rules         exchangeInfo rules by symbol, kept current by the connector
     * @param hedgeMode     whether the account is in hedge (dual-side) position mode
     * @param activeSymbols symbols with positions or open orders: the dead-man switch is armed on these
     */
    public BinanceOrderGateway(VenueId venue, BinanceRestApi api, BinanceMapper mapper,
                               Map<String, BinanceSymbolRules> rules, BooleanSupplier hedgeMode,
                               Set<String> activeSymbols) {
        this.venue = venue;
        this.api = api;
        this.mapper = mapper;
        this.rules = rules;
        this.hedgeMode = hedgeMode;
        this.activeSymbols = activeSymbols;
    }

    @Override
    public CompletableFuture<Order> place(OrderRequest request) {
        String id = request.clientOrderId();
        if (!CLIENT_ID.matcher(id).matches()) {
            return CompletableFuture.failedFuture(new VenueException(new VenueError(venue, VenueError.Kind.REJECTED,
                    "client-id", "client order id \"" + id + "\" breaks Binance's rule ^[.A-Z:/a-z0-9_-]{1,36}$; "
                    + "not sent")));
        }
        String symbol = request.instrument().symbol();
        activeSymbols.add(symbol);
        if (!sentClientIds.add(id)) {
            // Seen before: find out what became of it before anything is sent again.
            return api.queryOrder(symbol, id).thenApply(mapper::order).exceptionallyCompose(e -> {
                if (binanceCode(e) == ORDER_DOES_NOT_EXIST) {
                    return send(request);
                }
                return CompletableFuture.failedFuture(unwrap(e));
            });
        }
        return send(request);
    }

    /**
     * Formats and signs what {@link #place} and {@link #cancelAll} send, never sending either, and makes
     * {@link #cancelAll}'s reads (the symbol's open and algo orders: GETs); the symbol is not marked active
     * (only a real order arms the dead-man switch on it).
     */
    @Override
    public CompletableFuture<Void> warmUp(InstrumentKey instrument) {
        try {
            api.signOnly(params(OrderGateway.warmUpSample(instrument)), instrument.symbol());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return api.openOrders(instrument.symbol()).thenApply(List::size)
                .thenCombine(api.openAlgoOrders(instrument.symbol()).thenApply(List::size), Integer::sum)
                .thenAccept(count -> { })
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e)));
    }

    private CompletableFuture<Order> send(OrderRequest request) {
        String symbol = request.instrument().symbol();
        return api.placeOrder(params(request)).thenApply(mapper::order).exceptionallyCompose(e -> {
            if (binanceCode(e) == DUPLICATE_CLIENT_ID) {
                return api.queryOrder(symbol, request.clientOrderId()).thenApply(mapper::order);
            }
            return CompletableFuture.failedFuture(unwrap(e));
        });
    }

    BinanceParams params(OrderRequest r) {
        BinanceSymbolRules rule = rules.get(r.instrument().symbol());
        boolean market = r.type() == OrderType.MARKET;
        BinanceParams p = BinanceParams.of().add("symbol", r.instrument().symbol()).add("side", r.side().name())
                .add("type", market ? "MARKET" : "LIMIT");
        if (!market) {
            p.add("timeInForce", r.type() == OrderType.LIMIT_IOC ? "IOC" : "GTC");
        }
        p.add("quantity", rule == null ? BinanceSymbolRules.plain(r.qty()) : rule.formatQty(r.qty(), market));
        if (!market) {
            p.add("price", rule == null ? BinanceSymbolRules.plain(r.limitPrice()) : rule.formatPrice(r.limitPrice()));
        }
        if (hedgeMode.getAsBoolean()) {
            // Reducing: close the opposite side. Opening: BUY adds to LONG, SELL to SHORT.
            boolean closesLong = r.reduceOnly() ? r.side() == Side.SELL : r.side() == Side.BUY;
            p.add("positionSide", closesLong ? "LONG" : "SHORT");
        } else if (r.reduceOnly()) {
            p.add("reduceOnly", "true");
        }
        return p.add("newClientOrderId", r.clientOrderId()).add("newOrderRespType", "RESULT");
    }

    /**
     * Cancels regular and conditional orders of the symbol: {@code DELETE /fapi/v1/allOpenOrders} and, since
     * Binance moved conditional orders to the Algo Service (2025-12), {@code DELETE /fapi/v1/algoOpenOrders}.
     * Binance answers both without a count, so the count is of the open orders listed just before.
     */
    @Override
    public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        String symbol = instrument.symbol();
        CompletableFuture<Integer> regular = api.openOrders(symbol).thenApply(List::size);
        CompletableFuture<Integer> algo = api.openAlgoOrders(symbol).thenApply(List::size);
        return regular.thenCombine(algo, Integer::sum).thenCompose(count ->
                api.cancelAllOpenOrders(symbol).thenCombine(api.cancelAllAlgoOpenOrders(symbol), (a, b) -> count))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e)));
    }

    /**
     * countdownCancelAll on every symbol with a position or open orders (Binance's timer is per symbol);
     * ZERO disarms every symbol armed before. Binance checks the timers about every 10 s, so a timeout
     * below that fires late, never early.
     */
    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        long ms = Math.max(0, timeout.toMillis());
        List<String> symbols = new ArrayList<>(ms == 0 ? armedSymbols : activeSymbols);
        if (ms > 0) {
            symbols.addAll(armedSymbols.stream().filter(s -> !symbols.contains(s)).toList());
        }
        if (symbols.isEmpty()) {
            log.debug("{}: dead-man switch: no symbol with positions or orders to arm", venue);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?>[] calls = symbols.stream().map(s -> api.countdownCancelAll(s, ms).thenRun(() -> {
            if (ms == 0) {
                armedSymbols.remove(s);
            } else {
                armedSymbols.add(s);
            }
        })).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls).exceptionallyCompose(e -> CompletableFuture.failedFuture(unwrap(e)));
    }

    static int binanceCode(Throwable e) {
        Throwable c = unwrap(e);
        if (c instanceof VenueException ve && ve.error().code() != null) {
            try {
                return Integer.parseInt(ve.error().code());
            } catch (NumberFormatException ignored) {
                return 0;
            }
        }
        return 0;
    }

    static Throwable unwrap(Throwable e) {
        Throwable c = e;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
