package io.legwatch.venue.deribit;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.RateLimitGate;
import io.legwatch.venue.net.StreamingConnector;
import io.legwatch.venue.net.WsSession;
import io.legwatch.venue.net.WsSessionConfig;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deribit API v2: JSON-RPC 2.0 over one WebSocket, private calls on the same socket.
 *
 * <p>After every (re)connect: {@code public/auth} (client_credentials or client_signature),
 * {@code public/set_heartbeat}, cancel-on-disconnect again if armed, {@code private/subscribe} to
 * {@code user.changes.any.<CUR>.raw} (orders, trades and positions of every kind) and
 * {@code user.portfolio.<cur>} (liveness), then instruments, positions (future + option) and open
 * orders per currency become the Snapshot. Heartbeat {@code test_request}s are answered with
 * {@code public/test}. Quantities follow {@link DeribitInstruments}' convention (amount / contract_size).
 * While the stream is down, positions and orders are polled over REST (signed {@code deri-hmac-sha256}) if
 * a REST URL is configured.
 */
public final class DeribitConnector extends StreamingConnector {
    private static final Logger log = LoggerFactory.getLogger(DeribitConnector.class);
    private static final List<String> POSITION_KINDS = List.of("future", "option");

    private final DeribitConfig config;
    private final TimeSource time;
    private final DeribitInstruments instruments;
    private final JsonRpcChannel rpc;
    private final DeribitRest rest;
    private final DeribitOrders orders;
    private final ScheduledExecutorService timer;
    private final SecureRandom nonces = new SecureRandom();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final DeribitDecoder decoder;
    private final Inbound inbound = new Inbound();
    /** Instruments whose ticker this connection subscribed to. */
    private final java.util.Set<String> tickers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    // Freshness marks of the current resync, used to drop held-back updates the snapshot already contains.
    private volatile long positionsAnsweredNanos;
    private volatile long ordersAnsweredNanos;
    private volatile ScheduledFuture<?> tokenRefresh;
    private volatile String refreshToken;

    public DeribitConnector(DeribitConfig config, OkHttpClient http, TimeSource time, Backoff backoff) {
        super(config.venue(), WsSessionConfig.of(config.venue().value(), config::wsUrl)
                        .withStaleness(config.staleAfter(), config.deadAfter())
                        .withResyncTimeout(config.requestTimeout().multipliedBy(3)),
                http, backoff, time, config.pollInterval());
        this.config = config;
        this.time = time;
        this.instruments = new DeribitInstruments(config.venue());
        this.decoder = new DeribitDecoder(config.venue(), instruments);
        RateLimitGate gate = new RateLimitGate(config.venue(), time, Backoff.standard(new java.util.Random()));
        this.rpc = new JsonRpcChannel(config.venue(), text -> session().send(text), gate, config.requestTimeout());
        this.rest = config.restUrl() == null ? null
                : new DeribitRest(config, http, time, new RateLimitGate(config.venue(), time,
                Backoff.standard(new java.util.Random())), instruments);
        this.orders = config.tradingEnabled() ? new DeribitOrders(config, rpc, instruments) : null;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "legwatch-deribit-timer-" + config.venue());
            t.setDaemon(true);
            return t;
        });
    }

    /** Production wiring: system clock, standard backoff. */
    public static DeribitConnector create(DeribitConfig config, OkHttpClient http) {
        return new DeribitConnector(config, http, TimeSource.SYSTEM, Backoff.standard(new SecureRandom()));
    }

    // ---- resync ----

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> resync(WsSession session) {
        return authenticate()
                .thenCompose(ok -> rpc.call("public/set_heartbeat", Map.of("interval", heartbeatSeconds())))
                .thenCompose(ok -> orders != null ? orders.rearm() : CompletableFuture.completedFuture(null))
                .thenCompose(ok -> subscribe())
                .thenCompose(ok -> fetchSnapshot(true))
                .thenCompose(snapshot -> watchPrices(snapshot.positions()).thenApply(v -> snapshot));
    }

    /**
     * Deribit pushes positions only when they trade, so the marks that value inverse futures would go
     * stale: subscribe to {@code ticker.<instrument>.100ms} for every held instrument (public channel).
     * A refused ticker is reported but does not fail the resync: positions are still right.
     */
    private CompletableFuture<Void> watchPrices(List<Position> positions) {
        List<String> channels = new ArrayList<>();
        for (Position p : positions) {
            if (p.qty() != 0 && tickers.add(p.instrument().symbol())) {
                channels.add("ticker." + p.instrument().symbol() + ".100ms");
            }
        }
        if (channels.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return rpc.call("public/subscribe", Map.of("channels", channels)).handle((reply, error) -> {
            if (error != null) {
                channels.forEach(c -> tickers.remove(c.substring("ticker.".length(), c.length() - ".100ms".length())));
                reportError(errorOf(error, "price subscription failed"), System.nanoTime());
            }
            return null;
        });
    }

    private CompletableFuture<Void> authenticate() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (config.authMode() == DeribitConfig.AuthMode.CLIENT_CREDENTIALS) {
            params.put("grant_type", "client_credentials");
            params.put("client_id", config.credentials().key());
            params.put("client_secret", config.credentials().secret());
        } else {
            long ts = time.millis();
            String nonce = nonce();
            params.put("grant_type", "client_signature");
            params.put("client_id", config.credentials().key());
            params.put("timestamp", ts);
            params.put("signature", DeribitSigning.clientSignature(config.credentials(), ts, nonce, ""));
            params.put("nonce", nonce);
            params.put("data", "");
        }
        return rpc.call("public/auth", params).thenAccept(this::authenticated);
    }

    private void authenticated(JsonRpcChannel.Reply reply) {
        DeribitWire.AuthResult auth = bindOrThrow(reply, DeribitWire.AuthResult.class, "public/auth");
        refreshToken = auth.refreshToken();
        cancelTokenRefresh();
        if (auth.expiresIn() != null && auth.expiresIn() > 0 && auth.refreshToken() != null) {
            // refresh at 80 % of the lifetime so a private call never meets an expired token
            long delayMs = Math.max(1000, auth.expiresIn() * 800);
            tokenRefresh = timer.schedule(this::refreshAuth, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private void refreshAuth() {
        String token = refreshToken;
        if (token == null) {
            return;
        }
        rpc.call("public/auth", Map.of("grant_type", "refresh_token", "refresh_token", token))
                .thenAccept(this::authenticated)
                .exceptionally(e -> {
                    VenueError err = errorOf(e, "token refresh failed");
                    reportError(err, System.nanoTime());
                    session().reconnect("token refresh failed: " + err.message());
                    return null;
                });
    }

    private CompletableFuture<Void> subscribe() {
        List<String> channels = new ArrayList<>();
        for (String c : config.currencies()) {
            channels.add("user.changes.any." + c + ".raw");
            channels.add("user.portfolio." + c.toLowerCase(Locale.ROOT));
        }
        return rpc.call("private/subscribe", Map.of("channels", channels)).thenAccept(reply -> {
            List<String> granted = bindOrThrow(reply, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
            }, "private/subscribe");
            if (!granted.containsAll(channels)) {
                List<String> missing = new ArrayList<>(channels);
                missing.removeAll(granted);
                throw new VenueException(new VenueError(venue(), VenueError.Kind.REJECTED, null,
                        "subscription refused for " + missing));
            }
        });
    }

    /**
     * Instruments, positions and open orders over the socket, as one Snapshot.
     *
     * @param resync true for the resync after a (re)connect: records when the answers arrived, for {@link #afterSnapshot}
     */
    private CompletableFuture<VenueEvent.Snapshot> fetchSnapshot(boolean resync) {
        List<CompletableFuture<JsonRpcChannel.Reply>> metas = new ArrayList<>();
        List<CompletableFuture<JsonRpcChannel.Reply>> positions = new ArrayList<>();
        List<CompletableFuture<JsonRpcChannel.Reply>> openOrders = new ArrayList<>();
        for (String c : config.currencies()) {
            metas.add(rpc.call("public/get_instruments", Map.of("currency", c, "expired", false)));
            for (String kind : POSITION_KINDS) {
                positions.add(rpc.call("private/get_positions", Map.of("currency", c, "kind", kind)));
            }
            openOrders.add(rpc.call("private/get_open_orders_by_currency", Map.of("currency", c, "type", "all")));
        }
        List<CompletableFuture<JsonRpcChannel.Reply>> all = new ArrayList<>(metas);
        all.addAll(positions);
        all.addAll(openOrders);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(v -> {
            for (CompletableFuture<JsonRpcChannel.Reply> m : metas) {
                reportSkipped(instruments.addAll(bindOrThrow(m.join(), DeribitJson.INSTRUMENTS, "public/get_instruments")));
            }
            List<Position> pos = new ArrayList<>();
            long posNanos = 0;
            long usOut = 0;
            for (CompletableFuture<JsonRpcChannel.Reply> p : positions) {
                JsonRpcChannel.Reply r = p.join();
                posNanos = Math.max(posNanos, r.recvNanos());
                usOut = Math.max(usOut, r.usOut());
                pos.addAll(strict(() -> DeribitMapping.snapshotPositions(instruments,
                        bindOrThrow(r, DeribitJson.POSITIONS, "private/get_positions"))));
            }
            List<Order> ords = new ArrayList<>();
            long ordNanos = 0;
            for (CompletableFuture<JsonRpcChannel.Reply> o : openOrders) {
                JsonRpcChannel.Reply r = o.join();
                ordNanos = Math.max(ordNanos, r.recvNanos());
                ords.addAll(strict(() -> DeribitMapping.snapshotOrders(instruments,
                        bindOrThrow(r, DeribitJson.ORDERS, "private/get_open_orders_by_currency"))));
            }
            if (resync) {
                positionsAnsweredNanos = posNanos;
                ordersAnsweredNanos = ordNanos;
            }
            return new VenueEvent.Snapshot(venue(), instruments.all(), pos, ords, usOut / 1000, Math.max(posNanos, ordNanos));
        });
    }

    /**
     * The snapshot was answered on this same ordered socket: a position (order) update that arrived
     * before the positions (orders) answer is already in it and would only roll state back. Fills,
     * heartbeats and errors are kept.
     */
    @Override
    protected List<VenueEvent> afterSnapshot(VenueEvent.Snapshot snapshot, List<VenueEvent> heldBack) {
        return stillNews(heldBack, positionsAnsweredNanos, ordersAnsweredNanos);
    }

    /**
     * Held-back events that the snapshot does not already contain: position (order) updates received
     * after the positions (orders) answer, every fill, heartbeat and error report, and no older snapshot
     * (a refresh that raced the resync).
     */
    static List<VenueEvent> stillNews(List<VenueEvent> heldBack, long positionsAnsweredNanos, long ordersAnsweredNanos) {
        return heldBack.stream().filter(e -> {
            if (e instanceof VenueEvent.PositionUpdate) {
                return e.recvNanos() > positionsAnsweredNanos;
            }
            if (e instanceof VenueEvent.OrderUpdate) {
                return e.recvNanos() > ordersAnsweredNanos;
            }
            return !(e instanceof VenueEvent.Snapshot);
        }).toList();
    }

    @Override
    protected void onStreamLost(String reason) {
        tickers.clear(); // subscriptions die with the socket
        cancelTokenRefresh();
        rpc.failAll(reason);
    }

    // ---- inbound ----

    @Override
    protected void onText(String text, long recvNanos) {
        decoder.decode(text, recvNanos, inbound);
    }

    /** Where the decoder's output goes: events to the sink, answers to the channel. */
    private final class Inbound implements DeribitDecoder.Output {
        @Override
        public void event(VenueEvent event) {
            emit(event);
            if (event instanceof VenueEvent.PositionUpdate u && u.position().qty() != 0
                    && !tickers.contains(u.position().instrument().symbol())) {
                watchPrices(List.of(u.position()));
            }
        }

        @Override
        public void response(DeribitWire.Envelope envelope, long recvNanos) {
            if (!rpc.onResponse(envelope, recvNanos)) {
                log.debug("{}: answer to unknown or timed-out request {}", venue(), envelope.id());
            }
        }

        @Override
        public void testRequest() {
            // Deribit closes the connection unless public/test answers its test_request.
            rpc.call("public/test", Map.of()).exceptionally(e -> {
                log.warn("{}: heartbeat answer failed: {}", venue(), e.getMessage());
                return null;
            });
        }

        @Override
        public void malformed(String what, String raw, long recvNanos) {
            reportMalformed(what, raw, recvNanos);
        }

        @Override
        public void unknownInstrument(String name) {
            refreshFor(name);
        }
    }

    /**
     * An update named an instrument listed after our metadata was loaded: we cannot size it, so
     * fetch metadata, positions and orders again and emit a fresh Snapshot (one refresh at a time).
     */
    private void refreshFor(String instrument) {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        log.info("{}: update for unknown instrument {}; refreshing the snapshot", venue(), instrument);
        fetchSnapshot(false).whenComplete((snapshot, error) -> {
            refreshing.set(false);
            if (error != null) {
                reportError(errorOf(error, "snapshot refresh for " + instrument + " failed"), System.nanoTime());
            } else {
                emit(snapshot);
            }
        });
    }

    private void reportSkipped(List<String> skipped) {
        if (!skipped.isEmpty()) {
            log.debug("{}: instruments not tracked (combos or incomplete metadata): {}", venue(), skipped);
        }
    }

    // ---- queries and orders ----

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        List<CompletableFuture<JsonRpcChannel.Reply>> calls = config.currencies().stream()
                .map(c -> rpc.call("public/get_instruments", Map.of("currency", c, "expired", false))).toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(v -> {
            calls.forEach(c -> reportSkipped(instruments.addAll(bindOrThrow(c.join(), DeribitJson.INSTRUMENTS,
                    "public/get_instruments"))));
            return instruments.all();
        });
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        if (!streamUsable() && rest != null) {
            return rest.snapshot().thenApply(VenueEvent.Snapshot::positions);
        }
        return fetchSnapshot(false).thenApply(VenueEvent.Snapshot::positions);
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        if (!streamUsable() && rest != null) {
            return rest.snapshot().thenApply(VenueEvent.Snapshot::openOrders);
        }
        return fetchSnapshot(false).thenApply(VenueEvent.Snapshot::openOrders);
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.ofNullable(orders);
    }

    @Override
    protected boolean hasRestFallback() {
        return rest != null;
    }

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
        return rest.snapshot();
    }

    @Override
    protected void onStopped() {
        timer.shutdownNow();
    }

    // ---- helpers ----

    private boolean streamUsable() {
        return switch (session().state()) {
            case CONNECTED, STALE -> true;
            default -> false;
        };
    }

    private int heartbeatSeconds() {
        int configured = (int) config.heartbeat().toSeconds();
        return orders == null ? configured : orders.heartbeatSeconds(configured);
    }

    private void cancelTokenRefresh() {
        ScheduledFuture<?> f = tokenRefresh;
        if (f != null) {
            f.cancel(false);
        }
    }

    private String nonce() {
        byte[] b = new byte[8];
        nonces.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @FunctionalInterface
    private interface SnapshotPart<T> {
        List<T> get() throws DeribitMapping.UnknownInstrumentException, DeribitMapping.BadPayloadException;
    }

    /** A snapshot that cannot map every item fails (and the resync is retried) rather than omit a position. */
    private <T> List<T> strict(SnapshotPart<T> part) {
        try {
            return part.get();
        } catch (DeribitMapping.UnknownInstrumentException | DeribitMapping.BadPayloadException e) {
            counters().malformed();
            throw new VenueException(new VenueError(venue(), VenueError.Kind.MALFORMED, null,
                    "snapshot unusable: " + e.getMessage()));
        }
    }

    private <T> T bindOrThrow(JsonRpcChannel.Reply reply, Class<T> type, String method) {
        try {
            return DeribitJson.bind(reply.result(), type);
        } catch (IOException | RuntimeException e) {
            throw malformedAnswer(method, e);
        }
    }

    private <T> T bindOrThrow(JsonRpcChannel.Reply reply, com.fasterxml.jackson.core.type.TypeReference<T> type,
                              String method) {
        try {
            return DeribitJson.bind(reply.result(), type);
        } catch (IOException | RuntimeException e) {
            throw malformedAnswer(method, e);
        }
    }

    private VenueException malformedAnswer(String method, Exception e) {
        counters().malformed();
        return new VenueException(new VenueError(venue(), VenueError.Kind.MALFORMED, null,
                method + ": unreadable answer: " + e.getMessage()), e);
    }

    private VenueError errorOf(Throwable t, String context) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof VenueException)) {
            cause = cause.getCause();
        }
        if (cause instanceof VenueException ve) {
            return ve.error();
        }
        return new VenueError(venue(), VenueError.Kind.NETWORK, null, context + ": " + cause.getMessage());
    }
}
