package io.legwatch.sim;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The embedded exchange simulator: three venues ({@link #SIM_A}, {@link #SIM_B}, {@link #SIM_C}),
 * one account each (the account id is the {@link VenueId}), the same listings on each, index prices
 * on a seeded random walk, synthetic finite-depth books, and fault injection per venue.
 *
 * <h2>Listings (every venue)</h2>
 * <table>
 *   <caption>symbols</caption>
 *   <tr><td>{@link #BTC_SPOT} {@code BTC-USD}</td><td>SPOT, qty in BTC, lot 0.001</td></tr>
 *   <tr><td>{@link #ETH_SPOT} {@code ETH-USD}</td><td>SPOT, qty in ETH, lot 0.01</td></tr>
 *   <tr><td>{@link #BTC_LINEAR} {@code BTCUSDT}</td><td>LINEAR perp, contract 1 BTC, lot 0.001</td></tr>
 *   <tr><td>{@link #ETH_LINEAR} {@code ETHUSDT}</td><td>LINEAR perp, contract 1 ETH, lot 0.01</td></tr>
 *   <tr><td>{@link #BTC_INVERSE} {@code BTC-PERPETUAL}</td><td>INVERSE perp, 10 USD contracts, lot 1</td></tr>
 *   <tr><td>{@link #btcCallSymbol()} e.g. {@code BTC-25DEC26-60000-C}</td><td>OPTION (call, 30 days
 *       from the start, strike near the start price, vol 60 %), qty in BTC, lot 0.1</td></tr>
 * </table>
 * Perp marks are index x (1 + a small seeded per-venue basis); spot marks equal the index; the
 * option is marked with Black-Scholes. {@link Position#venueDelta()} is the base-unit delta of the
 * whole position (Black-Scholes delta x qty for the option), and for an option
 * {@link Position#markPrice()} is the underlying's index (USD per base unit, what
 * {@link io.legwatch.domain.Exposure} needs), while {@link SimListener#onPrice} carries the premium.
 *
 * <h2>Time</h2>
 * The simulator has its own clock (epoch ms) that only moves when driven: {@link #advance} /
 * {@link #advanceTo} for tests, or a {@link SimClock} thread for real time. Prices, book refill,
 * stop triggers, resting-limit fills, delayed orders and the dead-man switch are processed on a
 * fixed 100 ms tick grid, and heartbeats plus a position push every 1 s, so results depend only on
 * the seed and on what was called at which sim time, never on how time was chunked.
 *
 * <h2>Threading</h2>
 * One lock guards the whole exchange; every public method is safe from any thread. Listener
 * callbacks run under that lock (see {@link SimListener}). Futures returned by order methods are
 * completed <em>after</em> the lock is released, on the calling or stepping thread.
 *
 * <h2>Requests and faults</h2>
 * Order, cancel and dead-man requests on a {@link SimLink#DOWN} venue fail at once with a
 * {@code NETWORK} {@link VenueException} (they never reached the venue). With an ack delay an
 * order reaches the matching engine only after the delay (it is executed then). An answer produced
 * while the venue is {@link SimLink#SILENT} is withheld until the silence ends; one produced while
 * DOWN, or withheld when the venue goes DOWN, fails with NETWORK code {@link SimErrorCodes#ACK_LOST}
 * (the order may well have executed: outcome unknown). Queries ({@link #positions}, ...) always
 * answer with the venue's true state; clients decide what a disconnected venue lets them see.
 */
public final class SimExchange {
    public static final VenueId SIM_A = VenueId.of("sim-a");
    public static final VenueId SIM_B = VenueId.of("sim-b");
    public static final VenueId SIM_C = VenueId.of("sim-c");

    public static final String BTC_SPOT = "BTC-USD";
    public static final String ETH_SPOT = "ETH-USD";
    public static final String BTC_LINEAR = "BTCUSDT";
    public static final String ETH_LINEAR = "ETHUSDT";
    public static final String BTC_INVERSE = "BTC-PERPETUAL";

    /** Length of one simulation tick. */
    public static final long TICK_MS = 100;
    private static final int TICKS_PER_HEARTBEAT = 10;
    private static final double OPTION_VOL = 0.60;
    private static final Map<String, Double> START_INDEX = Map.of("BTC", 60_000.0, "ETH", 3_000.0);
    /** Per-tick log-return standard deviation: lively enough to see in a demo. */
    private static final Map<String, Double> TICK_SIGMA = Map.of("BTC", 0.0003, "ETH", 0.0004);
    /** Per-tick pull of log price back towards the start, so a long demo stays near its levels. */
    private static final double MEAN_REVERSION = 0.0005;

    private final Object lock = new Object();
    private final Map<VenueId, SimVenue> venues = new LinkedHashMap<>();
    private final Map<VenueId, SimFaults> faults = new LinkedHashMap<>();
    private final Map<String, Double> index = new LinkedHashMap<>();
    private final Random walk;
    private final String btcCallSymbol;
    private final PriorityQueue<InFlight> inFlight =
            new PriorityQueue<>(Comparator.comparingLong(InFlight::dueMs).thenComparingLong(InFlight::seq));
    private final List<Ack> completions = new ArrayList<>();
    private long nowMs;
    private long nextTickMs;
    private long tickCount;
    private long inFlightSeq;

    /**
     * Creates the exchange with its three venues.
     *
     * @param seed          drives the price walk and the per-venue basis: same seed, same prices
     * @param startEpochMs  the simulator clock's start (use the wall clock for a real-time demo)
     */
    public SimExchange(long seed, long startEpochMs) {
        this(seed, startEpochMs, List.of(SIM_A, SIM_B, SIM_C));
    }

    /**
     * Creates the exchange with these accounts (each lists the same instruments), e.g. a fourth one so
     * four protocol front ends can each serve an account of their own. The first accounts get the same
     * per-venue basis as in a three-account exchange with the same seed.
     */
    public SimExchange(long seed, long startEpochMs, List<VenueId> accounts) {
        if (accounts.isEmpty() || java.util.Set.copyOf(accounts).size() != accounts.size()) {
            throw new IllegalArgumentException("accounts must be distinct and not empty: " + accounts);
        }
        this.walk = new Random(seed);
        this.nowMs = startEpochMs;
        this.nextTickMs = startEpochMs + TICK_MS;
        index.put("BTC", START_INDEX.get("BTC"));
        index.put("ETH", START_INDEX.get("ETH"));
        long expiry = startEpochMs + Duration.ofDays(30).toMillis();
        double strike = 60_000;
        this.btcCallSymbol = "BTC-" + DateTimeFormatter.ofPattern("dMMMyy", Locale.ROOT)
                .format(Instant.ofEpochMilli(expiry).atZone(ZoneOffset.UTC)).toUpperCase(Locale.ROOT)
                + "-" + (long) strike + "-C";
        Random basis = new Random(seed * 31 + 7);
        for (VenueId id : accounts) {
            SimVenue v = new SimVenue(id);
            v.list(listing(id, BTC_SPOT, "BTC", InstrumentKind.SPOT, 1, 0.001, 0, 2.0, 1, 2));
            v.list(listing(id, ETH_SPOT, "ETH", InstrumentKind.SPOT, 1, 0.01, 0, 40.0, 1, 2));
            v.list(listing(id, BTC_LINEAR, "BTC", InstrumentKind.LINEAR, 1, 0.001, bps(basis), 3.0, 0.5, 1.5));
            v.list(listing(id, ETH_LINEAR, "ETH", InstrumentKind.LINEAR, 1, 0.01, bps(basis), 50.0, 0.5, 1.5));
            v.list(listing(id, BTC_INVERSE, "BTC", InstrumentKind.INVERSE, 10, 1, bps(basis), 20_000, 0.5, 1.5));
            SimInstrument call = new SimInstrument(new Instrument(id, btcCallSymbol, "BTC", InstrumentKind.OPTION, 1, 0.1),
                    0, strike, expiry, OPTION_VOL, new SyntheticBook(10, 5, 0.1, 30, 40, 0.2));
            v.list(call);
            venues.put(id, v);
            faults.put(id, new SimFaults(this, id));
        }
        for (SimVenue v : venues.values()) {
            for (Instrument i : v.instruments()) {
                SimInstrument si = v.instrument(i.symbol());
                si.reprice(index.get(i.underlying()), nowMs);
            }
        }
    }

    private static double bps(Random r) {
        return (-3 + 11 * r.nextDouble()) / 1e4;
    }

    private static SimInstrument listing(VenueId venue, String symbol, String underlying, InstrumentKind kind,
                                         double contractSize, double lot, double basis, double levelSize,
                                         double halfSpreadBps, double stepBps) {
        return new SimInstrument(new Instrument(venue, symbol, underlying, kind, contractSize, lot), basis, 0, 0, 0,
                new SyntheticBook(10, levelSize, lot, halfSpreadBps, stepBps, 0.2));
    }

    // ---- listings and state --------------------------------------------------------------------

    /** The venue accounts, in a fixed order: sim-a, sim-b, sim-c. */
    public List<VenueId> venues() {
        return List.copyOf(venues.keySet());
    }

    /** Symbol of the BTC call listed on every venue (it depends on the start date). */
    public String btcCallSymbol() {
        return btcCallSymbol;
    }

    /** The simulator clock, epoch ms. */
    public long nowMs() {
        synchronized (lock) {
            return nowMs;
        }
    }

    public List<Instrument> instruments(VenueId venue) {
        synchronized (lock) {
            return venue(venue).instruments();
        }
    }

    public Optional<Instrument> instrument(InstrumentKey key) {
        synchronized (lock) {
            SimVenue v = venues.get(key.venue());
            SimInstrument si = v == null ? null : v.instrument(key.symbol());
            return Optional.ofNullable(si == null ? null : si.instrument);
        }
    }

    /** Non-flat positions of the account (an instrument absent here is flat). */
    public List<Position> positions(VenueId venue) {
        synchronized (lock) {
            return venue(venue).positions();
        }
    }

    /** The position in one instrument, flat (qty 0) when none. */
    public Position position(InstrumentKey key) {
        synchronized (lock) {
            listed(key);
            return venue(key.venue()).position(key.symbol());
        }
    }

    /** Open orders of the account, including untriggered conditional (stop) orders. */
    public List<Order> openOrders(VenueId venue) {
        synchronized (lock) {
            return venue(venue).openOrders();
        }
    }

    /**
     * The latest state of any order the account accepted with this client order id (open or done),
     * e.g. to answer an order-status query after a lost ack; empty when none was accepted.
     */
    public Optional<Order> findOrder(VenueId venue, String clientOrderId) {
        synchronized (lock) {
            return venue(venue).orderByClientId(clientOrderId);
        }
    }

    /** Current mark: USD per base unit, or the premium in USD per contract for an option. */
    public double markPrice(InstrumentKey key) {
        synchronized (lock) {
            return listed(key).mark;
        }
    }

    /** The global index of an underlying ("BTC", "ETH"); a venue with stale prices lags it. */
    public double indexPrice(String underlying) {
        synchronized (lock) {
            Double px = index.get(underlying);
            if (px == null) {
                throw new IllegalArgumentException("no index for " + underlying);
            }
            return px;
        }
    }

    /** The instrument's synthetic book right now. */
    public BookView book(InstrumentKey key) {
        synchronized (lock) {
            SimInstrument si = listed(key);
            double depth = venue(key.venue()).depthFraction;
            return new BookView(key, si.mark, si.book.levels(Side.BUY, si.mark, depth),
                    si.book.levels(Side.SELL, si.mark, depth));
        }
    }

    /** Instruments, positions and open orders of one account, taken atomically. */
    public VenueSnapshot snapshot(VenueId venue) {
        synchronized (lock) {
            return venue(venue).snapshot(nowMs);
        }
    }

    /**
     * Registers {@code listener} for everything {@code venue} pushes; the listener's
     * {@link SimListener#onSubscribed} gets a snapshot taken atomically with the registration (the
     * returned subscription carries it too). Close the subscription to unsubscribe.
     */
    public SimSubscription subscribe(VenueId venue, SimListener listener) {
        synchronized (lock) {
            SimVenue v = venue(venue);
            v.addListener(listener);
            VenueSnapshot snap = v.snapshot(nowMs);
            try {
                listener.onSubscribed(snap);
            } catch (RuntimeException e) {
                v.removeListener(listener);
                throw e;
            }
            return new SimSubscription() {
                @Override
                public VenueSnapshot snapshot() {
                    return snap;
                }

                @Override
                public void close() {
                    synchronized (lock) {
                        v.removeListener(listener);
                    }
                }
            };
        }
    }

    /**
     * Lists one more SPOT, LINEAR or INVERSE instrument on its venue (the load generator lists one
     * per leg). Its mark follows the underlying's index (BTC or ETH) like the standard listings,
     * with no basis; its book is a plain synthetic book. Subscribers see it in their next snapshot
     * and get its prices from the next tick.
     *
     * @throws IllegalArgumentException for an option, an underlying without an index, an unknown
     *                                  venue or a symbol already listed there
     */
    public void list(Instrument instrument) {
        synchronized (lock) {
            SimVenue v = venue(instrument.venue());
            if (instrument.kind() == InstrumentKind.OPTION) {
                throw new IllegalArgumentException(instrument.symbol() + ": only the standard option can be listed");
            }
            Double px = index.get(instrument.underlying());
            if (px == null) {
                throw new IllegalArgumentException(instrument.symbol() + ": no index for underlying "
                        + instrument.underlying() + " (the simulator walks " + index.keySet() + ")");
            }
            if (v.instrument(instrument.symbol()) != null) {
                throw new IllegalArgumentException(instrument.symbol() + " is already listed on " + instrument.venue());
            }
            SimInstrument si = listing(instrument.venue(), instrument.symbol(), instrument.underlying(),
                    instrument.kind(), instrument.contractSize(), instrument.lotSize(), 0, 100 * instrument.lotSize(),
                    1, 2);
            si.reprice(px, nowMs);
            v.list(si);
        }
    }

    /**
     * Sets the account's position in one instrument as if it had traded elsewhere (a transfer, a
     * fill on another account of the trader, a liquidation) and pushes it to subscribers like any
     * position change. The load generator moves positions this way: no orders, so nothing
     * accumulates per move. The quantity is rounded to the lot.
     */
    public void setPosition(InstrumentKey key, double qty) {
        synchronized (lock) {
            SimInstrument si = listed(key);
            venue(key.venue()).setPosition(si, qty, nowMs);
        }
    }

    /** The fault controls of one venue. */
    public SimFaults faults(VenueId venue) {
        SimFaults f = faults.get(venue);
        if (f == null) {
            throw new IllegalArgumentException("no simulated venue " + venue);
        }
        return f;
    }

    // ---- requests ------------------------------------------------------------------------------

    /**
     * Sends an order to the account {@code request.instrument().venue()}. MARKET walks the book
     * (the unfilled rest EXPIRES: "insufficient liquidity"); LIMIT_IOC fills at the limit or
     * better and expires the rest; LIMIT fills what crosses and rests the rest (filled later on
     * ticks when the book reaches it). Reduce-only orders are clipped to the position and
     * rejected ({@link SimErrorCodes#REDUCE_ONLY}) when there is nothing to reduce; a client order
     * id already used by an accepted order on the account is rejected
     * ({@link SimErrorCodes#DUPLICATE_CLIENT_ID}); a refused order does not use up its id.
     *
     * @return the venue's acknowledgement (state FILLED, PARTIALLY_FILLED, NEW, EXPIRED, ...);
     *         a rejection completes exceptionally with a REJECTED {@link VenueException} carrying
     *         the venue's code and text; see the class comment for NETWORK failures
     */
    public CompletableFuture<Order> place(OrderRequest request) {
        return submit(request, false, Double.NaN);
    }

    /**
     * Places a conditional stop order (reported with {@code conditional = true}): when the mark
     * reaches {@code triggerPrice} (at or above for BUY, at or below for SELL) the request is
     * executed as its type says. Until then it is an open order that cancel-all removes.
     */
    public CompletableFuture<Order> placeStop(OrderRequest request, double triggerPrice) {
        if (!(triggerPrice > 0)) {
            throw new IllegalArgumentException("trigger price must be > 0");
        }
        return submit(request, true, triggerPrice);
    }

    /** Cancels every open order on one instrument, conditional ones included. Returns how many. */
    public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        return request(instrument.venue(), v -> v.cancelAll(instrument.symbol(), "cancelled by cancel-all", nowMs));
    }

    /** Cancels every open order on the account, conditional ones included. Returns how many. */
    public CompletableFuture<Integer> cancelAll(VenueId venue) {
        return request(venue, v -> v.cancelAll(null, "cancelled by cancel-all", nowMs));
    }

    /** Cancels one open order by the venue's order id; answers false when it is not open. */
    public CompletableFuture<Boolean> cancel(VenueId venue, String orderId) {
        return request(venue, v -> v.cancel(orderId, nowMs));
    }

    /**
     * Arms or refreshes the account's dead-man switch: if not refreshed within {@code timeout}
     * of sim time, every open order (conditional included) is cancelled. Positions stay.
     * {@link Duration#ZERO} disarms.
     */
    public CompletableFuture<Void> armDeadMan(VenueId venue, Duration timeout) {
        return request(venue, v -> {
            v.deadManAtMs = timeout.isZero() ? 0 : nowMs + Math.max(1, timeout.toMillis());
            return null;
        });
    }

    private CompletableFuture<Order> submit(OrderRequest request, boolean conditional, double trigger) {
        CompletableFuture<Order> future = new CompletableFuture<>();
        List<Ack> done;
        synchronized (lock) {
            SimVenue v = venue(request.instrument().venue());
            if (v.link == SimLink.DOWN) {
                completions.add(Ack.failure(future, v.network(SimErrorCodes.DISCONNECTED,
                        v.id + " is disconnected; the order was not sent")));
            } else if (v.ackDelayMs > 0) {
                inFlight.add(new InFlight(nowMs + v.ackDelayMs, inFlightSeq++, v, request, conditional, trigger, future));
            } else {
                execute(new InFlight(nowMs, inFlightSeq++, v, request, conditional, trigger, future));
            }
            done = drain();
        }
        done.forEach(Ack::deliver);
        return future;
    }

    private <T> CompletableFuture<T> request(VenueId venue, java.util.function.Function<SimVenue, T> action) {
        CompletableFuture<T> future = new CompletableFuture<>();
        List<Ack> done;
        synchronized (lock) {
            SimVenue v = venue(venue);
            if (v.link == SimLink.DOWN) {
                completions.add(Ack.failure(future, v.network(SimErrorCodes.DISCONNECTED,
                        v.id + " is disconnected; the request was not sent")));
            } else {
                answer(v, Ack.success(future, action.apply(v)));
            }
            done = drain();
        }
        done.forEach(Ack::deliver);
        return future;
    }

    private void execute(InFlight f) {
        Ack ack;
        try {
            ack = Ack.success(f.future(), f.venue().execute(f.request(), f.conditional(), f.trigger(), nowMs));
        } catch (VenueException e) {
            f.venue().emitRejection(f.request(), e.error(), nowMs);
            ack = Ack.failure(f.future(), e);
        }
        answer(f.venue(), ack);
    }

    /** Routes an answer according to the link: out now, withheld while silent, lost while down. */
    private void answer(SimVenue v, Ack ack) {
        switch (v.link) {
            case UP -> completions.add(ack);
            case SILENT -> v.withheld.add(ack);
            case DOWN -> completions.add(ack.lost(lostAck(v)));
        }
    }

    private static VenueException lostAck(SimVenue v) {
        return v.network(SimErrorCodes.ACK_LOST,
                v.id + " connection lost before the venue answered; the outcome is unknown");
    }

    private List<Ack> drain() {
        List<Ack> out = List.copyOf(completions);
        completions.clear();
        return out;
    }

    // ---- time ----------------------------------------------------------------------------------

    /** Moves the simulator clock forward by {@code d}, processing every tick on the way. */
    public void advance(Duration d) {
        long target;
        synchronized (lock) {
            target = nowMs + d.toMillis();
        }
        advanceTo(target);
    }

    /** Moves the simulator clock to {@code epochMs} (ignored if in the past), processing every tick on the way. */
    public void advanceTo(long epochMs) {
        List<Ack> done;
        synchronized (lock) {
            while (nextTickMs <= epochMs) {
                nowMs = nextTickMs;
                tick();
                nextTickMs += TICK_MS;
            }
            nowMs = Math.max(nowMs, epochMs);
            done = drain();
        }
        done.forEach(Ack::deliver);
    }

    private void tick() {
        while (!inFlight.isEmpty() && inFlight.peek().dueMs() <= nowMs) {
            execute(inFlight.poll());
        }
        for (Map.Entry<String, Double> e : index.entrySet()) {
            double start = START_INDEX.get(e.getKey());
            double logPx = Math.log(e.getValue());
            logPx += MEAN_REVERSION * (Math.log(start) - logPx) + TICK_SIGMA.get(e.getKey()) * walk.nextGaussian();
            e.setValue(Math.exp(logPx));
        }
        double seconds = TICK_MS / 1000.0;
        for (SimVenue v : venues.values()) {
            v.tick(index, seconds, nowMs);
        }
        if (++tickCount % TICKS_PER_HEARTBEAT == 0) {
            for (SimVenue v : venues.values()) {
                v.heartbeat(nowMs);
            }
        }
    }

    // ---- faults (called by SimFaults) ------------------------------------------------------------

    <T> T withVenue(VenueId venue, java.util.function.Function<SimVenue, T> read) {
        synchronized (lock) {
            return read.apply(venue(venue));
        }
    }

    void mutate(VenueId venue, Consumer<SimVenue> change) {
        synchronized (lock) {
            change.accept(venue(venue));
        }
    }

    /** Changes the link, releasing withheld answers on UP and losing them on DOWN; tells every listener. */
    void setLink(VenueId venue, SimLink link, String detail) {
        List<Ack> done;
        synchronized (lock) {
            SimVenue v = venue(venue);
            if (v.link != link) {
                v.link = link;
                if (link == SimLink.UP) {
                    completions.addAll(v.withheld);
                    v.withheld.clear();
                } else if (link == SimLink.DOWN) {
                    v.withheld.forEach(a -> completions.add(a.lost(lostAck(v))));
                    v.withheld.clear();
                }
                v.emitLink(link, detail, nowMs);
            }
            done = drain();
        }
        done.forEach(Ack::deliver);
    }

    private SimVenue venue(VenueId id) {
        SimVenue v = venues.get(id);
        if (v == null) {
            throw new IllegalArgumentException("no simulated venue " + id);
        }
        return v;
    }

    private SimInstrument listed(InstrumentKey key) {
        SimInstrument si = venue(key.venue()).instrument(key.symbol());
        if (si == null) {
            throw new IllegalArgumentException(key + " is not listed");
        }
        return si;
    }

    private record InFlight(long dueMs, long seq, SimVenue venue, OrderRequest request, boolean conditional,
                            double trigger, CompletableFuture<Order> future) {
    }
}
