package io.legwatch.venue.okx;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.common.DecodedStreamConnector;
import io.legwatch.venue.common.Futures;
import io.legwatch.venue.common.InstrumentTags;
import io.legwatch.venue.common.QueryParams;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.RateLimitGate;
import io.legwatch.venue.net.RestClient;
import io.legwatch.venue.net.WsSession;
import io.legwatch.venue.net.WsSessionConfig;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * OKX v5 connector for one account: private WebSocket ({@code login} op, channels {@code positions},
 * {@code orders}, {@code orders-algo}, text {@code ping} every 20 s) plus signed REST for the snapshot
 * after every (re)connect ({@code /api/v5/account/positions}, {@code /api/v5/trade/orders-pending},
 * {@code /api/v5/trade/orders-algo-pending}), instruments ({@code /api/v5/public/instruments}), orders
 * ({@code /api/v5/trade/order}), cancel-all for an instrument ({@code cancel-batch-orders} for plain
 * orders and {@code cancel-algos} for stop/trigger/trailing orders: OKX's {@code mass-cancel} only
 * covers option MMP orders) and the dead-man switch ({@code /api/v5/trade/cancel-all-after}).
 */
public final class OkxConnector extends DecodedStreamConnector {
    private static final List<String> CHANNELS = List.of("positions", "orders", "orders-algo");
    /** orders-algo-pending takes one ordType per call, except conditional and oco which may be combined. */
    static final List<String> ALGO_ORD_TYPES = List.of("conditional,oco", "trigger", "move_order_stop");
    private static final int PAGE = 100;
    /** OKX's sCode for a client order id already used on the account. */
    private static final String DUPLICATE_CL_ORD_ID = "51016";
    /** cancel-all-after accepts 0 (disarm) or 10..120 s. */
    private static final long CAA_MIN_S = 10;
    private static final long CAA_MAX_S = 120;

    private final OkxConfig config;
    private final Credentials credentials;
    private final TimeSource time;
    private final OkxMapper mapper;
    private final OkxPositionBook book = new OkxPositionBook();
    private final OkxStreamDecoder decoder;
    private final OkxResponses responses;
    private final OkxRestApi api;
    /** Null for a monitor-only account. */
    private final OrderGateway gateway;
    private final AtomicInteger subscribeAnswersDue = new AtomicInteger();
    /** instId -> instType, learned from the instruments list. */
    private final InstrumentTags instTypes;

    public OkxConnector(OkxConfig config, Credentials credentials, OkHttpClient http, TimeSource time,
                        RandomGenerator random) {
        super(config.venue(), WsSessionConfig.of(config.venue().value(), config::privateWsUrl)
                        .withStaleness(config.staleAfter(), config.deadAfter())
                        .withPing(config.pingInterval(), () -> "ping"),
                http, Backoff.standard(random), time, config.pollInterval());
        if (credentials.passphrase().isEmpty()) {
            throw new IllegalArgumentException("OKX needs an API passphrase");
        }
        this.config = config;
        this.credentials = credentials;
        this.time = time;
        this.instTypes = new InstrumentTags(config.venue());
        this.mapper = new OkxMapper(config.venue());
        this.decoder = new OkxStreamDecoder(mapper, book);
        this.responses = new OkxResponses(mapper);
        RestClient rest = new RestClient(config.venue(), http, HttpUrl.get(config.restBaseUrl()),
                OkxRestApi.errorDecoder(config.venue()), new RateLimitGate(config.venue(), time, Backoff.standard(random)));
        this.api = new OkxRestApi(rest, credentials, config.demo(), time, responses);
        this.gateway = config.trading() ? new Trading() : null;
    }

    // ---- stream ----

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> resync(WsSession session) {
        long seconds = time.millis() / 1000;
        String sign = credentials.hmacSha256Base64(OkxSigner.loginPrehash(seconds));
        CompletableFuture<Void> login = pendingAuth.expect(() -> session.send(
                OkxRequests.loginFrame(credentials.key(), credentials.passphrase().orElseThrow(), seconds, sign)));
        return login.thenCompose(x -> {
            subscribeAnswersDue.set(CHANNELS.size());
            return pendingSubscribe.expect(() -> session.send(OkxRequests.subscribeFrame(CHANNELS)));
        }).thenCompose(x -> snapshot(this::positionRows, rows -> net(book, rows)));
    }

    @Override
    protected void onText(String text, long recvNanos) {
        OkxStreamDecoder.Decoded d = decoder.decode(text, recvNanos);
        switch (d.control()) {
            case LOGIN_OK -> pendingAuth.complete(null);
            case SUBSCRIBED -> {
                if (subscribeAnswersDue.decrementAndGet() <= 0) {
                    pendingSubscribe.complete(null);
                }
            }
            case ERROR -> {
                // an error answers whatever request is outstanding (login first, then subscribe);
                // it is reported below as well, so the trader sees e.g. a refused login
                VenueException e = new VenueException(d.error());
                if (!pendingAuth.complete(e)) {
                    pendingSubscribe.complete(e);
                }
            }
            default -> {
                // data and pongs: events below
            }
        }
        dispatch(d.events(), text, recvNanos);
    }

    // ---- queries ----

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        List<CompletableFuture<List<Instrument>>> calls = new ArrayList<>();
        for (String type : config.instTypes()) {
            calls.add(instrumentsOf(QueryParams.of("instType", type)));
        }
        for (String family : config.optionFamilies()) {
            calls.add(instrumentsOf(QueryParams.of("instType", "OPTION", "instFamily", family)));
        }
        return Futures.concat(calls);
    }

    private CompletableFuture<List<Instrument>> instrumentsOf(Map<String, String> params) {
        return api.getPublic("/api/v5/public/instruments", params).thenApply(m -> {
            List<Instrument> list = responses.instruments(m);
            for (int i = 0; i < list.size(); i++) {
                instTypes.put(list.get(i).symbol(), m.rows.get(i).instType);
            }
            return list;
        });
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return positionRows().thenApply(rows -> net(new OkxPositionBook(), rows));
    }

    private CompletableFuture<List<OkxRow>> positionRows() {
        return api.get("/api/v5/account/positions", Map.of()).thenApply(m -> m.rows);
    }

    private List<Position> net(OkxPositionBook target, List<OkxRow> rows) {
        return net(() -> target.reset(rows, mapper::key));
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        List<CompletableFuture<List<Order>>> calls = new ArrayList<>();
        calls.add(pendingOrders(null));
        for (String ordType : ALGO_ORD_TYPES) {
            calls.add(pendingAlgos(null, ordType));
        }
        return Futures.concat(calls);
    }

    /** Open plain orders (optionally of one instrument), following {@code after} pagination. */
    private CompletableFuture<List<Order>> pendingOrders(String instId) {
        return paged(after -> api.get("/api/v5/trade/orders-pending", QueryParams.of("instId", instId,
                "limit", Integer.toString(PAGE), "after", after)), responses::orders);
    }

    private CompletableFuture<List<Order>> pendingAlgos(String instId, String ordType) {
        return paged(after -> api.get("/api/v5/trade/orders-algo-pending", QueryParams.of("ordType", ordType,
                "instId", instId, "limit", Integer.toString(PAGE), "after", after)), responses::algoOrders);
    }

    private static CompletableFuture<List<Order>> paged(Function<String, CompletableFuture<OkxMessage>> page,
                                                        Function<OkxMessage, List<Order>> items) {
        return nextPage(page, items, null, new ArrayList<>(), 0);
    }

    private static CompletableFuture<List<Order>> nextPage(Function<String, CompletableFuture<OkxMessage>> page,
                                                           Function<OkxMessage, List<Order>> items, String after,
                                                           List<Order> acc, int n) {
        return page.apply(after).thenCompose(m -> {
            List<Order> got = items.apply(m);
            acc.addAll(got);
            if (got.size() < PAGE || n >= 50) {
                return CompletableFuture.completedFuture(acc);
            }
            return nextPage(page, items, got.get(got.size() - 1).orderId(), acc, n + 1);
        });
    }

    // ---- orders ----

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.ofNullable(gateway);
    }

    /**
     * Order entry, created only for a trading account: a monitor-only connector has no object that can
     * send an order.
     */
    private final class Trading implements OrderGateway {
        @Override
        public CompletableFuture<Order> place(OrderRequest request) {
            return withInstType(request.instrument()).thenCompose(instType -> {
                String clOrdId = OkxClientIds.clOrdId(request.clientOrderId());
                OkxPositionBook.Holding holding = book.holding(request.instrument().symbol());
                String posSide = OkxRequests.posSide(holding != null && holding.longShortMode(), request.side(),
                        request.reduceOnly());
                String tdMode = tdMode(instType, holding);
                String body = OkxRequests.order(request, tdMode, posSide, acceptsReduceOnly(instType, tdMode), clOrdId);
                return api.post("/api/v5/trade/order", body).thenApply(m -> responses.ack(m, request, clOrdId))
                        .exceptionallyCompose(t -> alreadyPlaced(t, request, clOrdId));
            });
        }

        /**
         * Builds and signs what {@link #place} and {@link #cancelAll} post, never sending either, and makes
         * {@link #cancelAll}'s reads (the instrument's pending orders and algos: GETs).
         */
        @Override
        public CompletableFuture<Void> warmUp(InstrumentKey instrument) {
            List<CompletableFuture<List<Order>>> lists = new ArrayList<>(List.of(pendingOrders(instrument.symbol())));
            ALGO_ORD_TYPES.forEach(t -> lists.add(pendingAlgos(instrument.symbol(), t)));
            CompletableFuture<Void> reads = CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new));
            return reads.thenCompose(x -> withInstType(instrument)).thenAccept(instType -> {
                OrderRequest sample = OrderGateway.warmUpSample(instrument);
                String clOrdId = OkxClientIds.clOrdId(sample.clientOrderId());
                OkxPositionBook.Holding holding = book.holding(instrument.symbol());
                String posSide = OkxRequests.posSide(holding != null && holding.longShortMode(), sample.side(), true);
                String tdMode = tdMode(instType, holding);
                api.postRequest("/api/v5/trade/order",
                        OkxRequests.order(sample, tdMode, posSide, acceptsReduceOnly(instType, tdMode), clOrdId));
                api.postRequest("/api/v5/trade/cancel-batch-orders",
                        OkxRequests.cancelBatch(instrument.symbol(), List.of(clOrdId)));
            });
        }

        /**
         * A resend of a clOrdId OKX has seen (51016) means the order exists: answer with that order
         * (GET /api/v5/trade/order by clOrdId), or pass the refusal on when OKX cannot find it.
         */
        private CompletableFuture<Order> alreadyPlaced(Throwable t, OrderRequest request, String clOrdId) {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (!(cause instanceof VenueException ve) || !DUPLICATE_CL_ORD_ID.equals(ve.error().code())) {
                return CompletableFuture.failedFuture(cause);
            }
            return api.get("/api/v5/trade/order", QueryParams.of("instId", request.instrument().symbol(),
                            "clOrdId", clOrdId))
                    .thenApply(m -> responses.orders(m).stream().findFirst().orElseThrow(() -> ve))
                    .exceptionallyCompose(lookup -> CompletableFuture.failedFuture(ve));
        }

        /** Spot trades in cash unless a margin position is held; derivatives follow their position's margin mode. */
        private String tdMode(String instType, OkxPositionBook.Holding holding) {
            String held = holding == null ? null : holding.mgnMode();
            if ("SPOT".equals(instType)) {
                return held == null || held.isEmpty() ? "cash" : held;
            }
            return held == null || held.isEmpty() ? config.defaultTdMode() : held;
        }

        /** OKX takes reduceOnly for MARGIN orders (a spot id traded on margin) and SWAP/FUTURES in net mode. */
        private static boolean acceptsReduceOnly(String instType, String tdMode) {
            return "SWAP".equals(instType) || "FUTURES".equals(instType)
                    || ("SPOT".equals(instType) && !"cash".equals(tdMode));
        }

        /**
         * Cancels every open order on the instrument: plain orders by cancel-batch-orders (20 per call)
         * and algo orders (stop, TP/SL, trigger, trailing) by cancel-algos (10 per call).
         */
        @Override
        public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
            String instId = instrument.symbol();
            CompletableFuture<Integer> plain = pendingOrders(instId).thenCompose(orders ->
                    cancelInChunks(ids(orders), OkxRequests.CANCEL_BATCH_MAX,
                            chunk -> api.post("/api/v5/trade/cancel-batch-orders", OkxRequests.cancelBatch(instId, chunk))));
            List<CompletableFuture<Integer>> calls = new ArrayList<>(List.of(plain));
            for (String ordType : ALGO_ORD_TYPES) {
                calls.add(pendingAlgos(instId, ordType).thenCompose(orders ->
                        cancelInChunks(ids(orders), OkxRequests.CANCEL_ALGOS_MAX,
                                chunk -> api.post("/api/v5/trade/cancel-algos", OkxRequests.cancelAlgos(instId, chunk)))));
            }
            return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .thenApply(x -> calls.stream().mapToInt(CompletableFuture::join).sum());
        }

        private static List<String> ids(List<Order> orders) {
            List<String> ids = new ArrayList<>(orders.size());
            orders.forEach(o -> ids.add(o.orderId()));
            return ids;
        }

        private CompletableFuture<Integer> cancelInChunks(List<String> ids, int max,
                                                          Function<List<String>, CompletableFuture<OkxMessage>> call) {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < ids.size(); i += max) {
                calls.add(call.apply(ids.subList(i, Math.min(ids.size(), i + max))).thenApply(responses::cancelled));
            }
            return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .thenApply(x -> calls.stream().mapToInt(CompletableFuture::join).sum());
        }

        /** cancel-all-after: 0 disarms; otherwise clamped to OKX's 10..120 s. */
        @Override
        public CompletableFuture<Void> armDeadMan(Duration timeout) {
            long seconds = timeout.isZero() ? 0
                    : Math.max(CAA_MIN_S, Math.min(CAA_MAX_S, (timeout.toMillis() + 999) / 1000));
            return api.post("/api/v5/trade/cancel-all-after", OkxRequests.cancelAllAfter(seconds)).thenApply(m -> null);
        }
    }

    private CompletableFuture<String> withInstType(InstrumentKey instrument) {
        return instTypes.of(instrument, this::instruments);
    }
}
