package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One venue as the flatten service uses it: the order path (halt-gated), fresh reads that many legs
 * share, and the instrument list (for lot sizes, hence what "flat" means).
 *
 * <p>Fresh reads are coalesced: a caller gets a fetch that <em>started after it asked</em>; callers
 * arriving while a fetch is in flight share the next one. 50 legs on one venue cost one pair of
 * fetches per round instead of 50, and nobody is ever answered from data older than its question.
 *
 * <p>Reads are also <em>gathered</em>: while legs {@link #hold} the venue (a cancel or order of
 * theirs is out or not yet handled, or they are about to send their first cancel), a read that was
 * asked for waits for them (at most {@link #GATHER_MAX_MS}), since each of them asks for a read next. A kill's legs on one venue then share
 * one read after their cancels and one after their orders, instead of the early legs' read making
 * the late ones wait for a second. The wait never makes a read older than its question.
 */
final class VenueAccess {
    /**
     * The longest a read waits for the venue's other outstanding calls: about one venue round trip.
     * A venue slow to answer one call then costs the others a second read, not its whole deadline.
     */
    static final long GATHER_MAX_MS = 50;
    /** Connections a warm-up opens to the venue (concurrent reads), kept by the shared client's pool. */
    static final int WARM_CONNECTIONS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(VenueAccess.class);

    private final VenueConnector connector;
    private final Duration timeout;
    private final TimeSource time;
    /** Guarded by this: whether a read is out, the callers waiting for the next one, calls out. */
    private boolean reading;
    private CompletableFuture<VenueRead> next;
    private boolean gatherExpired;
    private boolean gatherTimerArmed;
    private int callsOut;
    private volatile Map<String, Instrument> instruments;
    private final AtomicBoolean prefetching = new AtomicBoolean();
    private final AtomicBoolean warming = new AtomicBoolean();
    private final CompletableFuture<Void> warmed = new CompletableFuture<>();
    private CompletableFuture<Void> reconnected = new CompletableFuture<>();
    private long reconnects;

    VenueAccess(VenueConnector connector, Duration timeout, TimeSource time) {
        this.connector = connector;
        this.timeout = timeout;
        this.time = time;
    }

    VenueId venue() {
        return connector.venue();
    }

    Optional<OrderGateway> gateway() {
        return connector.orders();
    }

    /** Instruments by symbol if already fetched, else null (no I/O). */
    Map<String, Instrument> cachedInstruments() {
        return instruments;
    }

    /** True while the instrument list is neither known nor being loaded. */
    boolean needsInstruments() {
        return instruments == null && !prefetching.get();
    }

    /** Loads the instrument list ahead of a kill, one load at a time; a failure is retried on a later call. */
    void prefetchInstruments() {
        if (instruments != null || !prefetching.compareAndSet(false, true)) {
            return;
        }
        try {
            instruments().whenComplete((m, e) -> prefetching.set(false));
        } catch (RuntimeException e) {
            prefetching.set(false);
        }
    }

    /** Instruments by symbol; fetched once, retried on the next call after a failure. */
    CompletableFuture<Map<String, Instrument>> instruments() {
        Map<String, Instrument> known = instruments;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return deadline(connector.instruments()).thenApply(list -> {
            Map<String, Instrument> map = list.stream()
                    .collect(Collectors.toUnmodifiableMap(Instrument::symbol, Function.identity(), (a, b) -> a));
            instruments = map;
            return map;
        });
    }

    /** True until a warm-up has been started (a failed one is started again on a later call). */
    boolean needsWarmUp() {
        return !warming.get();
    }

    /** Completes when a warm-up of this venue has succeeded; never fails. */
    CompletableFuture<Void> warmed() {
        return warmed;
    }

    /**
     * Runs what the first kill would run for the first time, ahead of it, with reads and dry runs only
     * (never an order, a cancel or any write): loads the instrument list; opens
     * {@link #WARM_CONNECTIONS} connections with as many concurrent reads of open orders and positions
     * (a kill issues tens of calls at once, and each one without an idle connection opens one);
     * one read through the gathered {@link #freshRead()} path; and the gateway's
     * {@link OrderGateway#warmUp dry run} of building and signing an order and a cancel, never sent.
     * A failure is logged and retried on a later call; a kill meanwhile works as it would cold.
     */
    CompletableFuture<Void> warmUp() {
        if (!warming.compareAndSet(false, true)) {
            return warmed;
        }
        CompletableFuture<Void> run;
        try {
            run = instruments().thenCompose(known -> {
                List<CompletableFuture<?>> reads = new ArrayList<>();
                for (int i = 0; i < WARM_CONNECTIONS; i++) {
                    reads.add(deadline(connector.fetchOpenOrders()));
                    reads.add(deadline(connector.fetchPositions()));
                }
                return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                        .thenCompose(x -> freshRead())
                        .thenCompose(read -> warmGateway(sample(read, known)));
            });
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        run.whenComplete((x, e) -> {
            if (e == null) {
                warmed.complete(null);
            } else {
                LOG.debug("warm-up of {} failed; retried later: {}", venue(), e.toString());
                warming.set(false);
            }
        });
        return warmed;
    }

    /** One read of open orders and positions, answered to nobody: keeps a connection and the read path warm. */
    void keepWarm() {
        try {
            deadline(connector.fetchOpenOrders()).thenCombine(deadline(connector.fetchPositions()), (o, p) -> o)
                    .whenComplete((x, e) -> {
                        if (e != null) {
                            LOG.debug("keep-warm read of {} failed: {}", venue(), e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.debug("keep-warm read of {} failed: {}", venue(), e.toString());
        }
    }

    /** An instrument the venue shows a position on (the likely first kill's), else any listed one. */
    private static InstrumentKey sample(VenueRead read, Map<String, Instrument> known) {
        for (io.legwatch.domain.Position p : read.positions()) {
            if (p.qty() != 0) {
                return p.instrument();
            }
        }
        return known.values().stream().map(Instrument::key).findFirst().orElse(null);
    }

    private CompletableFuture<Void> warmGateway(InstrumentKey instrument) {
        Optional<OrderGateway> g = gateway();
        if (g.isEmpty() || instrument == null) {
            return CompletableFuture.completedFuture(null);
        }
        return deadline(g.get().warmUp(instrument));
    }

    /**
     * A leg is about to send a cancel or order here (or is starting, and will): until it has handled
     * the answer ({@link #freshRead(boolean) freshRead(true)} or {@link #settle()}), reads asked for
     * by other legs wait for it (see the class comment), since its leg asks for a read next.
     */
    synchronized void hold() {
        callsOut++;
    }

    /** A cancel or order sent to this venue, with the deadline (the leg {@link #hold}s the venue's reads). */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> send) {
        try {
            return deadline(send.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The leg handled its call's answer without asking for a read (backing off, failing, done). */
    void settle() {
        CompletableFuture<VenueRead> start;
        synchronized (this) {
            callsOut--;
            start = startIfDue();
        }
        run(start);
    }

    /** A read of positions and open orders that started at or after this call. */
    CompletableFuture<VenueRead> freshRead() {
        return freshRead(false);
    }

    /**
     * A read of positions and open orders that started at or after this call; {@code settles}: the
     * caller releases its {@link #hold} in the same step.
     */
    CompletableFuture<VenueRead> freshRead(boolean settles) {
        CompletableFuture<VenueRead> mine;
        CompletableFuture<VenueRead> start;
        synchronized (this) {
            if (settles) {
                callsOut--;
            }
            if (next == null) {
                next = new CompletableFuture<>();
                gatherExpired = false;
                gatherTimerArmed = false;
            }
            mine = next;
            start = startIfDue();
        }
        run(start);
        return mine;
    }

    /**
     * Under the lock: takes the next read's waiters if a read is asked for, none is running and no
     * call is left to gather (or the gathering time is up); null otherwise.
     */
    private CompletableFuture<VenueRead> startIfDue() {
        if (next == null || reading) {
            return null;
        }
        if (callsOut > 0 && !gatherExpired) {
            if (!gatherTimerArmed) {
                gatherTimerArmed = true;
                CompletableFuture<VenueRead> gathering = next;
                CompletableFuture.delayedExecutor(GATHER_MAX_MS, TimeUnit.MILLISECONDS)
                        .execute(() -> gatherTimeUp(gathering));
            }
            return null;
        }
        CompletableFuture<VenueRead> waiting = next;
        next = null;
        reading = true;
        return waiting;
    }

    private void gatherTimeUp(CompletableFuture<VenueRead> gathering) {
        CompletableFuture<VenueRead> start;
        synchronized (this) {
            if (next != gathering) {
                return; // that read has started already
            }
            gatherExpired = true;
            start = startIfDue();
        }
        run(start);
    }

    /** Outside the lock: fetches for {@code waiting}, then starts the next read if one is due. */
    private void run(CompletableFuture<VenueRead> waiting) {
        if (waiting == null) {
            return;
        }
        startRead().whenComplete((r, e) -> {
            CompletableFuture<VenueRead> following;
            synchronized (this) {
                reading = false;
                following = startIfDue();
            }
            if (e != null) {
                waiting.completeExceptionally(e);
            } else {
                waiting.complete(r);
            }
            run(following);
        });
    }

    private CompletableFuture<VenueRead> startRead() {
        long started = time.nanos();
        CompletableFuture<java.util.List<io.legwatch.domain.Position>> positions;
        CompletableFuture<java.util.List<io.legwatch.domain.Order>> orders;
        try {
            orders = connector.fetchOpenOrders();
            positions = connector.fetchPositions();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deadline(orders.thenCombine(positions, (o, p) -> new VenueRead(p, o, started)));
    }

    <T> CompletableFuture<T> deadline(CompletableFuture<T> f) {
        // A copy, so the timeout never completes the connector's own future.
        return f.thenApply(Function.identity()).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times the venue has been seen coming back; read before a call that may fail. */
    synchronized long reconnects() {
        return reconnects;
    }

    /**
     * Completes once the venue has been seen coming back after {@code seen} reconnects: at once if
     * that already happened (while the failing call was out), else at the next reconnect.
     */
    synchronized CompletableFuture<Void> reconnectedSince(long seen) {
        return reconnects != seen ? CompletableFuture.completedFuture(null) : reconnected;
    }

    /** The engine shows the venue trusted again after it was not: queued work retries now. */
    void signalReconnect() {
        CompletableFuture<Void> fire;
        synchronized (this) {
            reconnects++;
            fire = reconnected;
            reconnected = new CompletableFuture<>();
        }
        fire.complete(null);
    }

    VenueException noGateway() {
        return new VenueException(new VenueError(venue(), VenueError.Kind.READ_ONLY, null,
                "monitor-only connector: Legwatch cannot send orders to " + venue()));
    }
}
