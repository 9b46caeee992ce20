package io.legwatch.venue.bybit;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Bybit v5 connector for one account: private WebSocket ({@code auth} op, topics {@code position},
 * {@code order}, {@code execution}, {@code {"op":"ping"}} every 20 s) plus signed REST for the
 * snapshot after every (re)connect ({@code /v5/position/list}, {@code /v5/order/realtime}), instruments
 * ({@code /v5/market/instruments-info}), orders ({@code /v5/order/create}, {@code /v5/order/cancel-all})
 * and the DCP dead-man switch ({@code /v5/order/disconnected-cancel-all} + the {@code dcp} topic).
 *
 * <p>Construct with {@link BybitConfig} and {@link Credentials}; {@link #orders()} is empty when the
 * config says monitor-only.
 */
public final class BybitConnector extends DecodedStreamConnector {
    private static final List<String> TOPICS = List.of("position", "order", "execution");
    /** Bybit's DCP window is 3..300 s. */
    private static final long DCP_MIN_S = 3;
    private static final long DCP_MAX_S = 300;

    private final BybitConfig config;
    private final Credentials credentials;
    private final TimeSource time;
    private final BybitMapper mapper;
    private final BybitPositionBook book = new BybitPositionBook();
    private final BybitStreamDecoder decoder;
    private final BybitResponses responses;
    private final BybitRestApi api;
    private final AtomicInteger reqIds = new AtomicInteger();
    /** Null for a monitor-only account. */
    private final OrderGateway gateway;
    /** symbol -> category, learned from instruments-info. */
    private final InstrumentTags categories;
    private volatile boolean dcpArmed;

    public BybitConnector(BybitConfig config, Credentials credentials, OkHttpClient http, TimeSource time,
                          RandomGenerator random) {
        super(config.venue(), sessionConfig(config), http, Backoff.standard(random), time, config.pollInterval());
        this.config = config;
        this.credentials = credentials;
        this.time = time;
        this.categories = new InstrumentTags(config.venue());
        this.mapper = new BybitMapper(config.venue());
        this.decoder = new BybitStreamDecoder(mapper, book);
        this.responses = new BybitResponses(mapper);
        RestClient rest = new RestClient(config.venue(), http, HttpUrl.get(config.restBaseUrl()),
                BybitRestApi.errorDecoder(config.venue()), new RateLimitGate(config.venue(), time, Backoff.standard(random)));
        this.api = new BybitRestApi(rest, credentials, config.recvWindowMs(), time, responses);
        this.gateway = config.trading() ? new Trading() : null;
    }

    private static WsSessionConfig sessionConfig(BybitConfig c) {
        AtomicInteger pings = new AtomicInteger();
        return WsSessionConfig.of(c.venue().value(), c::privateWsUrl)
                .withStaleness(c.staleAfter(), c.deadAfter())
                .withPing(c.pingInterval(), () -> BybitRequests.pingFrame("ping-" + pings.incrementAndGet()));
    }

    // ---- stream ----

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> resync(WsSession session) {
        long expires = time.millis() + 10_000;
        String sign = credentials.hmacSha256Hex(BybitSigner.wsAuthPrehash(expires));
        CompletableFuture<Void> auth = pendingAuth.expect(
                () -> session.send(BybitRequests.authFrame(nextReqId(), credentials.key(), expires, sign)));
        return auth
                .thenCompose(x -> pendingSubscribe.expect(
                        () -> session.send(BybitRequests.subscribeFrame(nextReqId(), TOPICS))))
                .thenCompose(x -> snapshot(this::positionRows, rows -> net(book, rows)))
                .whenComplete((snap, error) -> {
                    // DCP needs its topic on every new connection; sent apart so that an account without
                    // DCP enabled still gets its stream (the refusal is reported, not fatal)
                    if (error == null && dcpArmed) {
                        session.send(BybitRequests.subscribeFrame(nextReqId(), List.of(config.dcpTopic())));
                    }
                });
    }

    @Override
    protected void onText(String text, long recvNanos) {
        BybitStreamDecoder.Decoded d = decoder.decode(text, recvNanos);
        switch (d.control()) {
            case AUTH_OK -> pendingAuth.complete(null);
            case AUTH_FAILED -> pendingAuth.complete(new VenueException(new VenueError(config.venue(),
                    VenueError.Kind.AUTH, null, "Bybit refused the WebSocket auth: " + d.detail())));
            case SUBSCRIBED -> pendingSubscribe.complete(null);
            case SUBSCRIBE_FAILED -> pendingSubscribe.complete(new VenueException(new VenueError(config.venue(),
                    VenueError.Kind.REJECTED, null, "Bybit refused the subscription: " + d.detail())));
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
        for (String category : categoriesOfScopes()) {
            calls.add(paged(cursor -> api.getPublic("/v5/market/instruments-info",
                    QueryParams.of("category", category, "limit", "1000", "cursor", cursor)),
                    m -> {
                        List<Instrument> list = responses.instruments(m);
                        list.forEach(i -> categories.put(i.symbol(), category));
                        return list;
                    }));
        }
        return Futures.concat(calls);
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return positionRows().thenApply(rows -> net(new BybitPositionBook(), rows));
    }

    private List<Position> net(BybitPositionBook target, List<BybitRow> rows) {
        return net(() -> target.reset(rows, mapper::key));
    }

    private CompletableFuture<List<BybitRow>> positionRows() {
        List<CompletableFuture<List<BybitRow>>> calls = new ArrayList<>();
        for (BybitConfig.Scope s : config.scopes()) {
            calls.add(paged(cursor -> api.get("/v5/position/list", QueryParams.of("category", s.category(),
                    "settleCoin", s.settleCoin(), "limit", "200", "cursor", cursor)), m -> m.rows));
        }
        return Futures.concat(calls);
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        List<CompletableFuture<List<Order>>> calls = new ArrayList<>();
        for (BybitConfig.Scope s : config.scopes()) {
            calls.add(paged(cursor -> api.get("/v5/order/realtime", QueryParams.of("category", s.category(),
                    "settleCoin", s.settleCoin(), "limit", "50", "cursor", cursor)), responses::orders));
        }
        return Futures.concat(calls);
    }

    private Set<String> categoriesOfScopes() {
        Set<String> out = new LinkedHashSet<>();
        config.scopes().forEach(s -> out.add(s.category()));
        return out;
    }

    /** Follows {@code nextPageCursor} until it is empty, collecting each page's items. */
    private static <T> CompletableFuture<List<T>> paged(Function<String, CompletableFuture<BybitMessage>> page,
                                                        Function<BybitMessage, List<T>> items) {
        List<T> acc = new ArrayList<>();
        return nextPage(page, items, null, acc, 0);
    }

    private static <T> CompletableFuture<List<T>> nextPage(
            Function<String, CompletableFuture<BybitMessage>> page,
            Function<BybitMessage, List<T>> items, String cursor, List<T> acc, int n) {
        return page.apply(cursor).thenCompose(m -> {
            acc.addAll(items.apply(m));
            String next = m.nextPageCursor;
            if (next == null || next.isEmpty() || next.equals(cursor) || n >= 50) {
                return CompletableFuture.completedFuture(acc);
            }
            return nextPage(page, items, next, acc, n + 1);
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
            return withCategory(request.instrument()).thenCompose(category -> {
                String linkId = BybitClientIds.orderLinkId(request.clientOrderId());
                String body = BybitRequests.orderCreate(category, request, linkId, positionIdx(request));
                return api.post("/v5/order/create", body).thenApply(m -> responses.ack(m, request, linkId))
                        .exceptionallyCompose(t -> alreadyPlaced(t, category, request, linkId));
            });
        }

        /**
         * A resend of a client id Bybit has seen (110072) means the order exists: answer with that order
         * when Bybit still lists it, else pass the refusal on. Either way no second order is created.
         */
        private CompletableFuture<Order> alreadyPlaced(Throwable t, String category, OrderRequest request, String linkId) {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (!(cause instanceof VenueException ve)
                    || !Integer.toString(BybitErrors.DUPLICATE_ORDER_LINK_ID).equals(ve.error().code())) {
                return CompletableFuture.failedFuture(cause);
            }
            return api.get("/v5/order/realtime", QueryParams.of("category", category,
                            "symbol", request.instrument().symbol(), "orderLinkId", linkId))
                    .thenApply(m -> responses.orders(m).stream().filter(o -> linkId.equals(o.clientOrderId())).findFirst()
                            .orElseThrow(() -> ve))
                    .exceptionallyCompose(lookup -> CompletableFuture.failedFuture(ve));
        }

        /** Builds and signs what {@link #place} and {@link #cancelAll} post, never sending either. */
        @Override
        public CompletableFuture<Void> warmUp(InstrumentKey instrument) {
            return withCategory(instrument).thenAccept(category -> {
                OrderRequest sample = OrderGateway.warmUpSample(instrument);
                String linkId = BybitClientIds.orderLinkId(sample.clientOrderId());
                api.postRequest("/v5/order/create", BybitRequests.orderCreate(category, sample, linkId, positionIdx(sample)));
                api.postRequest("/v5/order/cancel-all", BybitRequests.cancelAll(category, instrument.symbol(), null));
            });
        }

        private int positionIdx(OrderRequest r) {
            return BybitRequests.positionIdx(book.hedgeMode(r.instrument().symbol()), r.side(), r.reduceOnly());
        }

        @Override
        public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
            return withCategory(instrument).thenCompose(category -> {
                if (!"spot".equals(category)) {
                    return api.post("/v5/order/cancel-all", BybitRequests.cancelAll(category, instrument.symbol(), null))
                            .thenApply(responses::cancelled);
                }
                List<CompletableFuture<Integer>> calls = new ArrayList<>();
                for (String filter : BybitRequests.SPOT_ORDER_FILTERS) {
                    calls.add(api.post("/v5/order/cancel-all", BybitRequests.cancelAll(category, instrument.symbol(), filter))
                            .thenApply(responses::cancelled));
                }
                return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                        .thenApply(x -> calls.stream().mapToInt(CompletableFuture::join).sum());
            });
        }

        /**
         * DCP: sets the window (clamped to Bybit's 3..300 s) and subscribes the {@code dcp} topic, without
         * which DCP does not trigger. Bybit has no API to switch DCP off (the account manager does that), so
         * {@link Duration#ZERO} unsubscribes the topic, which stops DCP from triggering on this connection.
         */
        @Override
        public CompletableFuture<Void> armDeadMan(Duration timeout) {
            if (timeout.isZero()) {
                dcpArmed = false;
                session().send("{\"req_id\":\"" + nextReqId() + "\",\"op\":\"unsubscribe\",\"args\":[\""
                        + config.dcpTopic() + "\"]}");
                return CompletableFuture.completedFuture(null);
            }
            long seconds = Math.max(DCP_MIN_S, Math.min(DCP_MAX_S, (timeout.toMillis() + 999) / 1000));
            return api.post("/v5/order/disconnected-cancel-all", BybitRequests.dcp(config.dcpProduct(), seconds))
                    .thenAccept(m -> {
                        if (!dcpArmed) {
                            dcpArmed = true;
                            session().send(BybitRequests.subscribeFrame(nextReqId(), List.of(config.dcpTopic())));
                        }
                    });
        }
    }

    private CompletableFuture<String> withCategory(InstrumentKey instrument) {
        return categories.of(instrument, this::instruments);
    }

    private String nextReqId() {
        return "lw" + reqIds.incrementAndGet();
    }
}
