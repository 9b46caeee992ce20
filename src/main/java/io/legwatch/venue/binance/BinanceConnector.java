package io.legwatch.venue.binance;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.binance.BinanceRestParser.AlgoOrderDto;
import io.legwatch.venue.binance.BinanceRestParser.OrderDto;
import io.legwatch.venue.binance.BinanceRestParser.SymbolDto;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.RateLimitGate;
import io.legwatch.venue.net.RestClient;
import io.legwatch.venue.net.StreamingConnector;
import io.legwatch.venue.net.WsSession;
import io.legwatch.venue.net.WsSessionConfig;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Binance USD-M futures: REST snapshot + user data stream, one account.
 *
 * <ul>
 *   <li>Connect: a listenKey is created for every connection ({@code POST /fapi/v1/listenKey}), the stream
 *       is {@code <wsBase>/<listenKey>}. On open: clock sync, exchangeInfo, position mode, positionRisk v3,
 *       openOrders and openAlgoOrders become one {@link VenueEvent.Snapshot}; then stream updates.</li>
 *   <li>Alive: listenKey keep-alive PUT every {@code keepAlive}, a fresh connection before 24 h, a
 *       {@code listenKeyExpired} event reconnects at once. A LIST_SUBSCRIPTIONS probe is answered by the
 *       server, so a silent stream really means a dead one (STALE, then reconnect).</li>
 *   <li>Down: positions and orders are polled over REST (DEGRADED) until the stream is back.</li>
 *   <li>Positions: hedge-mode LONG/SHORT rows are netted per symbol ({@link BinancePositionBook}); quantities
 *       are base units (LINEAR, contract size 1).</li>
 * </ul>
 */
public final class BinanceConnector extends StreamingConnector {
    private static final Logger log = LoggerFactory.getLogger(BinanceConnector.class);

    private final BinanceConnectorSettings settings;
    private final BinanceRestApi api;
    private final BinanceMapper mapper;
    private final BinanceUserStreamParser parser = new BinanceUserStreamParser();
    private final TimeSource time;
    private final Map<String, BinanceSymbolRules> rules = new ConcurrentHashMap<>();
    private final Set<String> activeSymbols = ConcurrentHashMap.newKeySet();
    private final Optional<OrderGateway> gateway;
    /** Symbols whose {@code @markPrice@1s} stream this connection subscribed to; reset on every connect. */
    private final Set<String> markStreams = ConcurrentHashMap.newKeySet();
    private final AtomicLong requestIds = new AtomicLong(1_000_000);
    private volatile List<Instrument> instruments = List.of();
    private volatile boolean hedgeMode;

    // The live position book and the resync bookkeeping, guarded by bookLock (see onAccountUpdate).
    private final Object bookLock = new Object();
    private final BinancePositionBook book;
    private boolean collecting;
    private final List<TimedRow> collectedRows = new ArrayList<>();

    /** A stream position row with its ACCOUNT_UPDATE transaction time, kept while a resync runs. */
    record TimedRow(PositionRow row, long transactionTime) {
    }
    /**
     * Position updates emitted during a resync whose rows the snapshot already contains. Its own monitor (a leaf
     * lock): afterSnapshot runs under the base class's emit lock and must not take bookLock, which the reader
     * thread holds while it emits.
     */
    private final Set<VenueEvent> coveredBySnapshot =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private BinanceConnector(BinanceConnectorSettings settings, WsSessionConfig config, OkHttpClient http,
                             Backoff backoff, TimeSource time, BinanceRestApi api, BinanceListenKeys listenKeys) {
        super(settings.venue(), config, http, backoff, time, settings.pollInterval());
        this.settings = settings;
        this.api = api;
        this.time = time;
        this.mapper = new BinanceMapper(settings.venue());
        this.book = new BinancePositionBook(mapper::key);
        this.gateway = settings.monitorOnly() ? Optional.empty()
                : Optional.of(new BinanceOrderGateway(settings.venue(), api, mapper, rules, () -> hedgeMode,
                activeSymbols));
        listenKeys.owner(new BinanceListenKeys.Owner() {
            @Override
            public void reconnect(String why) {
                session().reconnect(why);
            }

            @Override
            public void report(VenueError error) {
                reportError(error, System.nanoTime());
            }
        });
    }

    /**
     * @param http   shared OkHttp client (TLS verification on; plain http/ws only for the loopback simulator)
     * @param random jitter source for reconnect and rate-limit backoff (seeded in tests)
     */
    public static BinanceConnector create(BinanceConnectorSettings settings, Credentials credentials, OkHttpClient http,
                                          TimeSource time, RandomGenerator random) {
        HttpUrl base = HttpUrl.get(settings.restBase());
        RateLimitGate gate = new RateLimitGate(settings.venue(), time, Backoff.standard(random));
        RestClient rest = new RestClient(settings.venue(), http, base, BinanceRestApi.errorDecoder(settings.venue()),
                gate);
        BinanceRestApi api = new BinanceRestApi(settings.venue(), rest, credentials, time, settings.recvWindowMs());
        BinanceListenKeys listenKeys = new BinanceListenKeys(api, settings, time);
        WsSessionConfig config = WsSessionConfig.of(settings.venue().value(), listenKeys::nextStreamUrl)
                .withStaleness(settings.staleAfter(), settings.deadAfter())
                .withResyncTimeout(settings.resyncTimeout())
                .withPing(settings.probeInterval(), listenKeys::tick);
        return new BinanceConnector(settings, config, http, Backoff.standard(random), time, api, listenKeys);
    }

    // ---- snapshot

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> resync(WsSession session) {
        synchronized (bookLock) {
            collecting = true;
            collectedRows.clear();
            coveredBySnapshot.clear();
        }
        markStreams.clear();
        return api.syncClock().thenCompose(offset -> api.exchangeInfo())
                .thenCompose(symbols -> {
                    loadRules(symbols);
                    return snapshot(true);
                })
                .thenApply(snapshot -> {
                    subscribeMarks(List.copyOf(activeSymbols));
                    return snapshot;
                });
    }

    @Override
    protected boolean hasRestFallback() {
        return true;
    }

    @Override
    protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
        CompletableFuture<Void> rulesLoaded = instruments.isEmpty()
                ? api.exchangeInfo().thenAccept(this::loadRules) : CompletableFuture.completedFuture(null);
        return rulesLoaded.thenCompose(x -> snapshot(false));
    }

    /** Held-back position updates already folded into the snapshot are dropped; orders and fills replay. */
    @Override
    protected List<VenueEvent> afterSnapshot(VenueEvent.Snapshot snapshot, List<VenueEvent> heldBack) {
        List<VenueEvent> keep = new ArrayList<>(heldBack.size());
        for (VenueEvent e : heldBack) {
            if (!coveredBySnapshot.contains(e)) {
                keep.add(e);
            }
        }
        coveredBySnapshot.clear();
        return keep;
    }

    private CompletableFuture<VenueEvent.Snapshot> snapshot(boolean fromStream) {
        // The position mode (weight 30) is read on every connect; polls reuse it to stay light.
        CompletableFuture<Boolean> mode = fromStream ? api.dualSidePosition()
                : CompletableFuture.completedFuture(hedgeMode);
        CompletableFuture<List<PositionRow>> rows = api.positionRisk();
        CompletableFuture<List<OrderDto>> orders = api.openOrders(null);
        CompletableFuture<List<AlgoOrderDto>> algos = api.openAlgoOrders(null);
        return CompletableFuture.allOf(mode, rows, orders, algos).thenApply(x -> {
            hedgeMode = mode.join();
            List<Order> open = new ArrayList<>();
            orders.join().forEach(o -> open.add(mapper.order(o)));
            algos.join().forEach(a -> open.add(mapper.algoOrder(a)));
            List<Position> positions = new ArrayList<>();
            synchronized (bookLock) {
                List<PositionRow> fetched = rows.join();
                book.reset(fetched);
                if (fromStream) {
                    book.update(newerThan(fetched, collectedRows));
                    collectedRows.clear();
                    collecting = false;
                }
                for (Position p : book.all()) {
                    if (p.qty() != 0) {
                        positions.add(p);
                        activeSymbols.add(p.instrument().symbol());
                    }
                }
            }
            open.forEach(o -> activeSymbols.add(o.instrument().symbol()));
            return new VenueEvent.Snapshot(venue(), instruments, positions, open, time.millis() + api.clockOffsetMs(),
                    System.nanoTime());
        });
    }

    /**
     * Stream rows that arrived while positionRisk was fetched and are newer than what it reported (transaction
     * time after the row's updateTime): they go on top of the snapshot. Older ones are already in it.
     */
    static List<PositionRow> newerThan(List<PositionRow> fetched, List<TimedRow> collected) {
        Map<String, Long> updated = new java.util.HashMap<>();
        for (PositionRow r : fetched) {
            updated.put(r.symbol() + "|" + r.positionSide(), r.updateTime());
        }
        List<PositionRow> newer = new ArrayList<>(collected.size());
        for (TimedRow t : collected) {
            Long fetchedAt = updated.get(t.row().symbol() + "|" + t.row().positionSide());
            if (fetchedAt == null || fetchedAt == 0 || t.transactionTime() == 0 || t.transactionTime() > fetchedAt) {
                newer.add(t.row());
            }
        }
        return newer;
    }

    private void loadRules(List<SymbolDto> symbols) {
        List<Instrument> list = new ArrayList<>(symbols.size());
        for (SymbolDto s : symbols) {
            try {
                BinanceSymbolRules r = BinanceSymbolRules.from(s);
                rules.put(r.symbol(), r);
                list.add(r.toInstrument(venue()));
            } catch (BinanceParseException e) {
                log.warn("{}: skipping symbol: {}", venue(), e.getMessage());
            }
        }
        instruments = List.copyOf(list);
    }

    // ---- stream

    @Override
    protected void onText(String text, long recvNanos) {
        BinanceUserEvent event;
        try {
            event = parser.parse(text);
        } catch (BinanceParseException e) {
            reportMalformed(e.getMessage(), text, recvNanos);
            return;
        }
        try {
            dispatch(event, recvNanos);
        } catch (BinanceParseException | IllegalArgumentException | NullPointerException e) {
            reportMalformed(event.getClass().getSimpleName() + ": " + e.getMessage(), text, recvNanos);
        }
    }

    private void dispatch(BinanceUserEvent event, long recvNanos) {
        if (event instanceof BinanceUserEvent.AccountUpdate u) {
            onAccountUpdate(u, recvNanos);
        } else if (event instanceof BinanceUserEvent.MarkPrice m) {
            synchronized (bookLock) {
                book.mark(m.symbol(), m.markPrice());
            }
            emit(new VenueEvent.PriceUpdate(mapper.key(m.symbol()), m.markPrice(), m.indexPrice(), m.eventTime(),
                    recvNanos));
        } else if (event instanceof BinanceUserEvent.OrderTradeUpdate u) {
            Order order = mapper.order(u.order());
            activeSymbols.add(order.instrument().symbol());
            subscribeMarks(List.of(order.instrument().symbol()));
            Fill fill = mapper.fill(u.order());
            if (fill != null) {
                emit(new VenueEvent.FillEvent(fill, u.transactionTime(), recvNanos));
            }
            emit(new VenueEvent.OrderUpdate(order, u.eventTime(), recvNanos));
        } else if (event instanceof BinanceUserEvent.AlgoUpdate u) {
            Order order = mapper.algoOrder(u.order());
            activeSymbols.add(order.instrument().symbol());
            emit(new VenueEvent.OrderUpdate(order, u.eventTime(), recvNanos));
        } else if (event instanceof BinanceUserEvent.ListenKeyExpired) {
            session().reconnect("Binance reported listenKeyExpired; reconnecting with a new listenKey");
        } else if (event instanceof BinanceUserEvent.MarginCall m) {
            onMarginCall(m, recvNanos);
        } else if (event instanceof BinanceUserEvent.Reply r) {
            if (r.errorCode() != null) {
                reportError(new VenueError(venue(), VenueError.Kind.REJECTED, Integer.toString(r.errorCode()),
                        "stream request " + r.id() + " refused: " + r.errorMessage()), recvNanos);
            }
            emit(new VenueEvent.Heartbeat(venue(), 0, recvNanos));
        } else if (event instanceof BinanceUserEvent.Other o) {
            counters().unknown();
            emit(new VenueEvent.Heartbeat(venue(), o.eventTime(), recvNanos));
        } else {
            // ACCOUNT_CONFIG_UPDATE: leverage / multi-assets mode do not change positions.
            emit(new VenueEvent.Heartbeat(venue(), event.eventTime(), recvNanos));
        }
    }

    /**
     * A margin call is shown to the trader as a venue error (the domain has no warning kind; REJECTED with code
     * MARGIN_CALL is the closest, the text says what it is) and its marks update the positions' valuation.
     */
    private void onMarginCall(BinanceUserEvent.MarginCall m, long recvNanos) {
        StringBuilder text = new StringBuilder("Binance margin call, positions at risk of liquidation:");
        for (BinanceUserEvent.MarginCallRow r : m.positions()) {
            log.warn("{}: MARGIN CALL {} {} amount {} mark {} maintenance margin {}", venue(), r.symbol(),
                    r.positionSide(), r.amount(), r.markPrice(), r.maintenanceMargin());
            text.append(' ').append(r.symbol()).append(' ').append(r.positionSide()).append(' ').append(r.amount())
                    .append(" at mark ").append(r.markPrice()).append(" (maintenance margin ")
                    .append(r.maintenanceMargin()).append(");");
            if (r.markPrice() > 0) {
                synchronized (bookLock) {
                    book.mark(r.symbol(), r.markPrice());
                }
                emit(new VenueEvent.PriceUpdate(mapper.key(r.symbol()), r.markPrice(), Double.NaN, m.eventTime(),
                        recvNanos));
            }
        }
        reportError(new VenueError(venue(), VenueError.Kind.REJECTED, "MARGIN_CALL", text.toString()), recvNanos);
    }

    /**
     * Positions are computed and emitted under the book lock, so an update and a snapshot reset cannot
     * interleave; rows arriving during a resync are remembered and re-applied on top of positionRisk.
     */
    private void onAccountUpdate(BinanceUserEvent.AccountUpdate u, long recvNanos) {
        synchronized (bookLock) {
            for (Position p : book.update(u.positions())) {
                VenueEvent e = new VenueEvent.PositionUpdate(p, u.eventTime(), recvNanos);
                if (collecting) {
                    coveredBySnapshot.add(e);
                }
                if (p.qty() != 0) {
                    activeSymbols.add(p.instrument().symbol());
                    subscribeMarks(List.of(p.instrument().symbol()));
                }
                emit(e);
            }
            if (collecting) {
                for (PositionRow r : u.positions()) {
                    collectedRows.add(new TimedRow(r, u.transactionTime()));
                }
            }
        }
    }

    /**
     * Subscribes {@code <symbol>@markPrice@1s} on the user-stream connection for symbols not yet subscribed, so
     * positions are valued at a fresh mark (the user stream itself carries none) and an account with positions
     * is never silent. Binance answers {"result":null,"id":n}; an error answer is reported.
     */
    private void subscribeMarks(List<String> symbols) {
        List<String> fresh = new ArrayList<>();
        for (String symbol : symbols) {
            if (markStreams.add(symbol)) {
                fresh.add("\"" + symbol.toLowerCase(java.util.Locale.ROOT) + "@markPrice@1s\"");
            }
        }
        if (!fresh.isEmpty()) {
            session().send("{\"method\":\"SUBSCRIBE\",\"params\":[" + String.join(",", fresh) + "],\"id\":"
                    + requestIds.incrementAndGet() + "}");
        }
    }

    // ---- queries and orders

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        List<Instrument> cached = instruments;
        if (!cached.isEmpty()) {
            return CompletableFuture.completedFuture(cached);
        }
        return api.exchangeInfo().thenApply(symbols -> {
            loadRules(symbols);
            return instruments;
        });
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return api.positionRisk().thenApply(rows -> {
            BinancePositionBook fresh = new BinancePositionBook(mapper::key);
            return fresh.reset(rows).stream().filter(p -> p.qty() != 0).toList();
        });
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        CompletableFuture<List<OrderDto>> orders = api.openOrders(null);
        CompletableFuture<List<AlgoOrderDto>> algos = api.openAlgoOrders(null);
        return orders.thenCombine(algos, (o, a) -> {
            List<Order> out = new ArrayList<>(o.size() + a.size());
            o.forEach(x -> out.add(mapper.order(x)));
            a.forEach(x -> out.add(mapper.algoOrder(x)));
            return out;
        });
    }

    @Override
    public Optional<OrderGateway> orders() {
        return gateway;
    }

    @Override
    public String toString() {
        return "BinanceConnector[" + venue() + ", " + settings.restBase() + "]";
    }
}
