package io.legwatch.bench;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.AppliedEventListener;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.StatusTransition;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.TransitionListener;
import io.legwatch.metrics.PipelineLatency;
import io.legwatch.metrics.StageSummary;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.load.InjectedFailure;
import io.legwatch.sim.load.LoadGenerator;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.load.LoadStats;
import io.legwatch.sim.load.LoadUniverse;
import io.legwatch.sim.load.VenueMessageCounter;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One engine-only load run, shared by the load, soak and memory harnesses: simulator (load profile)
 * -> monitor-only {@link InProcessConnector}s -> {@link HedgeMonitor} on its own thread, with
 * {@link PipelineLatency} attached, every venue message counted at both ends and checked for order,
 * and every injected failure matched to the NAKED it must cause.
 */
final class LoadRun implements AutoCloseable {
    final LoadProfile profile;
    final SimExchange exchange;
    final LoadUniverse universe;
    final HedgeMonitor monitor;
    final PipelineLatency latency = new PipelineLatency(TimeSource.SYSTEM, 10);
    final Accounting accounting = new Accounting();
    final NakedWatch naked;
    private final VenueMessageCounter counter;
    private final List<VenueConnector> connectors = new ArrayList<>();
    private Wiring wiring;
    private LoadGenerator generator;

    /** How the run reaches the venues: in process, or production connectors on loopback front ends. */
    interface Wiring extends AutoCloseable {
        List<VenueConnector> connectors(SimExchange exchange) throws Exception;

        /** True when every push is stamped and queued under the simulator's lock (one global order). */
        boolean globalOrder();

        @Override
        default void close() throws Exception {
        }
    }

    /** Monitor-only {@link InProcessConnector}s, one per venue. */
    static Wiring inProcess() {
        return new Wiring() {
            @Override
            public List<VenueConnector> connectors(SimExchange exchange) {
                List<VenueConnector> out = new ArrayList<>();
                for (VenueId venue : exchange.venues()) {
                    out.add(new InProcessConnector(exchange, venue, true));
                }
                return out;
            }

            @Override
            public boolean globalOrder() {
                return true;
            }
        };
    }

    LoadRun(LoadProfile profile) {
        this(profile, false);
    }

    /** @param linearOnly every leg a linear perp (for perp-only protocol front ends) */
    LoadRun(LoadProfile profile, boolean linearOnly) {
        this.profile = profile;
        this.exchange = new SimExchange(profile.seed(), System.currentTimeMillis());
        this.universe = linearOnly ? LoadUniverse.linearOnly(profile, exchange) : LoadUniverse.of(profile, exchange);
        universe.install(exchange);
        this.monitor = new HedgeMonitor(universe.strategies(), MonitorSettings.defaults(), TimeSource.SYSTEM);
        latency.attach(monitor);
        monitor.addAppliedEventListener(accounting);
        this.naked = new NakedWatch();
        monitor.addTransitionListener(naked);
        this.counter = VenueMessageCounter.attach(exchange);
    }

    /** Starts the engine thread, connects every venue in process and waits until every strategy is HEDGED. */
    void connect(Duration timeout) throws Exception {
        connect(timeout, inProcess());
    }

    /** Starts the engine thread, connects every venue through {@code wiring} and waits until all are HEDGED. */
    void connect(Duration timeout, Wiring wiring) throws Exception {
        this.wiring = wiring;
        accounting.globalOrder = wiring.globalOrder();
        monitor.start();
        for (VenueConnector connector : wiring.connectors(exchange)) {
            connectors.add(connector);
            connector.start(event -> {
                accounting.submitted(event);
                latency.onParsed(event, System.nanoTime());
                monitor.submit(event);
            });
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allHedged()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("strategies not all HEDGED after connecting");
            }
            Thread.sleep(20);
        }
    }

    private boolean allHedged() {
        for (StrategyView view : monitor.snapshot().strategies()) {
            if (view.status() != HedgeStatus.HEDGED) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs the profile: starts the generator, calls {@code everySecond} with the elapsed nanos once a
     * second (after rolling the latency histograms), resets the latency figures after {@code warmup},
     * waits for the generator to stop by itself and the engine to drain.
     */
    Result run(Duration warmup, LongConsumer everySecond) throws InterruptedException {
        long start = System.nanoTime();
        generator = LoadGenerator.start(exchange, universe);
        boolean warm = warmup.isZero();
        long nextSecond = start + 1_000_000_000L;
        while (generator.running()) {
            long sleep = nextSecond - System.nanoTime();
            if (sleep > 0) {
                generator.awaitFinished(Duration.ofNanos(sleep));
                if (generator.running() && System.nanoTime() < nextSecond) {
                    continue;
                }
            }
            nextSecond += 1_000_000_000L;
            latency.roll();
            long elapsed = System.nanoTime() - start;
            if (!warm && elapsed >= warmup.toNanos()) {
                latency.reset();
                warm = true;
            }
            everySecond.accept(elapsed);
        }
        long loadNanos = System.nanoTime() - start;
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // drained: the engine applied everything handed to it, and nothing new arrived for 200 ms (loopback frames)
        long lastSubmitted = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < drainDeadline) {
            long submitted = accounting.submitted.get();
            if (submitted != lastSubmitted) {
                lastSubmitted = submitted;
                quietSince = System.nanoTime();
            } else if (accounting.applied.get() == submitted && System.nanoTime() - quietSince > 200_000_000L) {
                break;
            }
            Thread.sleep(5);
        }
        long drainNanos = System.nanoTime() - start - loadNanos;
        latency.roll();
        return new Result(generator.stats(), generator.failures(), counter.total(), counter.positions(),
                counter.prices(), counter.heartbeats(), accounting.snapshot(), naked.match(generator.failures(),
                profile.grace().toMillis()), loadNanos, drainNanos, latency.report(), positionMismatches(),
                wiring.globalOrder());
    }

    /** Legs whose quantity in the engine's newest snapshot differs from the simulator's position. */
    private List<String> positionMismatches() {
        List<String> out = new ArrayList<>();
        for (StrategyView strategy : monitor.snapshot().strategies()) {
            for (LegView leg : strategy.legs()) {
                double venue = exchange.position(leg.instrument()).qty();
                if (!leg.positionKnown() || Math.abs(leg.qty() - venue) > 1e-9) {
                    out.add(leg.legId() + " engine " + leg.qty() + " venue " + venue);
                }
            }
        }
        return out;
    }

    long venueMessages() {
        return counter.total();
    }

    long backlog() {
        return accounting.submitted.get() - accounting.applied.get();
    }

    @Override
    public void close() {
        if (generator != null) {
            generator.close();
        }
        connectors.forEach(VenueConnector::stop);
        counter.close();
        monitor.close();
        if (wiring != null) {
            try {
                wiring.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the venue wiring failed", e);
            }
        }
    }

    /**
     * Counts every event handed to the engine and every event it applied, and checks that venue pushes
     * are applied in the order produced. In process all pushes are stamped and queued under the
     * simulator's one lock, so receive stamps must never go backwards at all ({@code globalOrder}); over
     * loopback each connector stamps on its own reader thread, so they must not go backwards per venue.
     */
    static final class Accounting implements AppliedEventListener {
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong submittedFromVenue = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        volatile boolean globalOrder = true;
        private long appliedFromVenue;
        private long lastRecv;
        private final Map<VenueId, long[]> lastRecvByVenue = new HashMap<>();
        private long outOfOrder;

        void submitted(VenueEvent event) {
            if (fromVenue(event)) {
                submittedFromVenue.incrementAndGet();
            }
            submitted.incrementAndGet();
        }

        @Override
        public void onApplied(VenueEvent event) {
            long recv = event.recvNanos();
            if (globalOrder) {
                if (recv - lastRecv < 0) {
                    outOfOrder++;
                }
                lastRecv = recv;
            }
            if (fromVenue(event)) {
                appliedFromVenue++;
                if (!globalOrder) {
                    long[] last = lastRecvByVenue.computeIfAbsent(event.venue(), v -> new long[1]);
                    if (recv - last[0] < 0) {
                        outOfOrder++;
                    }
                    last[0] = recv;
                }
            }
            applied.incrementAndGet();
        }

        /** Connectors create Snapshot and StatusChange events themselves; everything else is a venue push. */
        private static boolean fromVenue(VenueEvent event) {
            return !(event instanceof VenueEvent.Snapshot) && !(event instanceof VenueEvent.StatusChange);
        }

        synchronized Counts snapshot() {
            return new Counts(submitted.get(), submittedFromVenue.get(), applied.get(), appliedFromVenue, outOfOrder);
        }
    }

    record Counts(long submitted, long submittedFromVenue, long applied, long appliedFromVenue, long outOfOrder) {
    }

    /** Every NAKED the engine published (transition listeners run right after the publish that shows it). */
    final class NakedWatch implements TransitionListener {
        private final ConcurrentLinkedQueue<NakedSeen> seen = new ConcurrentLinkedQueue<>();
        private final Map<String, Integer> index = new HashMap<>();

        NakedWatch() {
            List<StrategyView> views = monitor.snapshot().strategies();
            for (int i = 0; i < views.size(); i++) {
                index.put(views.get(i).id(), i);
            }
        }

        @Override
        public void onTransition(StatusTransition transition) {
            if (transition.to() != HedgeStatus.NAKED) {
                return;
            }
            long nowNanos = System.nanoTime();
            long nowMs = System.currentTimeMillis();
            StrategyView view = monitor.snapshot().strategies().get(index.get(transition.strategyId()));
            seen.add(new NakedSeen(transition.strategyId(), nowNanos, nowMs, view.nakedSinceMs()));
        }

        FailureCheck match(List<InjectedFailure> failures, long graceMs) {
            Histogram graceToNaked = new Histogram(1, 3_600_000, 3);
            Histogram injectToNaked = new Histogram(1, 3_600_000, 3);
            List<NakedSeen> remaining = new ArrayList<>(seen);
            int shown = 0;
            List<InjectedFailure> missed = new ArrayList<>();
            for (InjectedFailure f : failures) {
                NakedSeen hit = null;
                for (NakedSeen n : remaining) {
                    if (n.strategyId.equals(f.strategyId()) && n.nanos - f.injectedNanos() >= 0
                            && (!f.repaired() || n.nanos - f.repairedNanos() <= 0)) {
                        hit = n;
                        break;
                    }
                }
                if (hit == null) {
                    missed.add(f);
                    continue;
                }
                remaining.remove(hit);
                shown++;
                graceToNaked.recordValue(Math.max(0, hit.publishedMs - (hit.nakedSinceMs + graceMs)));
                injectToNaked.recordValue(Math.max(1, (hit.nanos - f.injectedNanos()) / 1_000_000));
            }
            return new FailureCheck(failures.size(), shown, missed, remaining.size(), graceToNaked, injectToNaked);
        }
    }

    record NakedSeen(String strategyId, long nanos, long publishedMs, long nakedSinceMs) {
    }

    /**
     * @param unexpectedNaked NAKED transitions that no injected failure explains
     * @param graceToNakedMs  grace expiry (the engine's out-of-tolerance start + grace) -> the NAKED published, ms
     * @param injectToNakedMs failure injected -> NAKED published, ms (grace included)
     */
    record FailureCheck(int injected, int shownNaked, List<InjectedFailure> missed, int unexpectedNaked,
                        Histogram graceToNakedMs, Histogram injectToNakedMs) {
    }

    record Result(LoadStats stats, List<InjectedFailure> failures, long venueMessages, long venuePositions,
                  long venuePrices, long venueHeartbeats, Counts counts, FailureCheck failureCheck, long loadNanos,
                  long drainNanos, List<StageSummary> latency, List<String> positionMismatches,
                  boolean countsComparable) {

        /**
         * Venue pushes the engine never applied. Only meaningful in process, where each push reaches the
         * engine as one event; over loopback the front ends re-encode (and may conflate) what they serve.
         */
        long lost() {
            return venueMessages - counts.appliedFromVenue();
        }

        boolean clean() {
            return (!countsComparable || lost() == 0) && counts.outOfOrder() == 0
                    && counts.applied() == counts.submitted() && positionMismatches.isEmpty()
                    && failureCheck.missed().isEmpty() && failureCheck.unexpectedNaked() == 0;
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            double seconds = loadNanos / 1e9;
            b.append(String.format("load: %.1f s, venue messages %,d (%.0f msg/s achieved; positions %,d, prices %,d, "
                            + "heartbeats %,d), generator moves %,d, dropped (behind schedule) %,d%n",
                    seconds, venueMessages, venueMessages / seconds, venuePositions, venuePrices, venueHeartbeats,
                    stats.hedgedMoves(), stats.droppedMessages()));
            b.append(String.format("engine: submitted %,d (venue pushes %,d), applied %,d (venue pushes %,d), "
                            + "lost %s, out of order %,d (%s), drained %.0f ms after the generator stopped%n",
                    counts.submitted(), counts.submittedFromVenue(), counts.applied(), counts.appliedFromVenue(),
                    countsComparable ? String.format("%,d", lost()) : "n/a (front ends re-encode)",
                    counts.outOfOrder(), countsComparable ? "all pushes" : "per venue", drainNanos / 1e6));
            b.append(String.format("positions: engine == venue for every leg: %s%n", positionMismatches.isEmpty()
                    ? "yes" : "NO, " + positionMismatches.size() + " differ, e.g. " + positionMismatches.get(0)));
            b.append(String.format("failures: injected %d, shown NAKED %d, missed %d, unexpected NAKED %d, repaired %d%n",
                    failureCheck.injected(), failureCheck.shownNaked(), failureCheck.missed().size(),
                    failureCheck.unexpectedNaked(), stats.failuresRepaired()));
            b.append("grace expiry -> NAKED published (ms): ").append(percentiles(failureCheck.graceToNakedMs()))
                    .append('\n');
            b.append("failure injected -> NAKED published (ms): ").append(percentiles(failureCheck.injectToNakedMs()))
                    .append('\n');
            for (StageSummary s : latency) {
                b.append("  ").append(s.format()).append('\n');
            }
            b.append(clean() ? "VERDICT: clean (nothing lost, nothing out of order, positions equal, every failure NAKED, "
                    + "none unexpected)"
                    : "VERDICT: NOT clean").append('\n');
            return b.toString();
        }

        static String percentiles(Histogram h) {
            if (h.getTotalCount() == 0) {
                return "n=0";
            }
            return String.format("n=%d p50 %d p99 %d p99.9 %d max %d", h.getTotalCount(), h.getValueAtPercentile(50),
                    h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
        }
    }
}
