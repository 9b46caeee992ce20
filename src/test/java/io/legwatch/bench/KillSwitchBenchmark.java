package io.legwatch.bench;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.FlattenSettings;
import io.legwatch.flatten.KillHandle;
import io.legwatch.flatten.KillResult;
import io.legwatch.flatten.KillScope;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.journal.Journal;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.sim.InProcessConnector;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kill-switch latency harness (not a unit test; surefire skips {@code bench}).
 *
 * <ol>
 *   <li><b>Dispatch</b>: global kill of 200 legs (50 strategies x 4 venues) on venues that answer at
 *       once: click ({@code execute}) -> every cancel handed to a gateway, -> every first flatten
 *       order handed to a gateway, and -> verified flat (includes the two fsyncs of the journal).</li>
 *   <li><b>Simulator</b>: global kill against the in-process simulator through InProcessConnector
 *       (3 venues x 6 listings = 18 positions, the engine's snapshot, real fetches): click -> verified FLAT.</li>
 * </ol>
 * Run: {@code ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.legwatch.bench.KillSwitchBenchmark [-Dexec.args=target/kill-switch-benchmark.txt]};
 * the report is written to the file named (default {@code target/kill-switch-benchmark.txt}).
 */
public final class KillSwitchBenchmark {
    private static final int VENUES = 4;
    private static final int STRATEGIES = 50;
    private static final int WARMUP = 200;
    private static final int RUNS = 500;
    private static final int SIM_WARMUP = 30;
    private static final int SIM_RUNS = 200;

    private KillSwitchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/kill-switch-benchmark.txt");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            report.printf(Locale.ROOT, "kill switch benchmark, %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            dispatch(report);
            simulator(report);
        }
    }

    private static void dispatch(PrintWriter report) throws Exception {
        List<KillBenchVenue> venues = new ArrayList<>();
        for (int v = 0; v < VENUES; v++) {
            venues.add(new KillBenchVenue(VenueId.of("bench-" + v), STRATEGIES));
        }
        MonitorSnapshot snapshot = snapshot(venues);
        Path dir = Files.createTempDirectory("legwatch-kill-bench");
        Histogram cancels = histogram();
        Histogram orders = histogram();
        Histogram flat = histogram();
        Histogram callerBlocked = histogram();
        Histogram cpu = histogram();
        Histogram planning = histogram();
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(venues).snapshots(() -> snapshot).journal(journal)
                     .settings(FlattenSettings.DEFAULT).threads(2).build()) {
            for (int run = 0; run < WARMUP + RUNS; run++) {
                venues.forEach(v -> v.reset(1.0));
                long p0 = System.nanoTime();
                FlattenPlan plan = ks.plan(KillScope.global()); // built for the confirm dialog, before the click
                long planned = System.nanoTime() - p0;
                long cpu0 = ThreadCpu.flattenThreadsNanos();
                long t0 = System.nanoTime();
                KillHandle h = ks.execute(plan, "bench");
                long returned = System.nanoTime();
                KillResult r = h.result().get(30, TimeUnit.SECONDS);
                long done = System.nanoTime();
                if (r.outcome() != KillResult.Outcome.VERIFIED_FLAT || r.plan().legs().size() != VENUES * STRATEGIES) {
                    throw new IllegalStateException("bench kill did not verify: " + r.detail());
                }
                if (run >= WARMUP) {
                    cancels.recordValue(venues.stream().mapToLong(v -> v.lastCancelNanos.get()).max().orElseThrow() - t0);
                    orders.recordValue(venues.stream().mapToLong(v -> v.lastPlaceNanos.get()).max().orElseThrow() - t0);
                    flat.recordValue(done - t0);
                    callerBlocked.recordValue(returned - t0);
                    planning.recordValue(planned);
                    cpu.recordValue(Math.max(0, ThreadCpu.flattenThreadsNanos() - cpu0));
                }
            }
        } finally {
            deleteTree(dir);
        }
        report.printf(Locale.ROOT, "%nDispatch: global kill, %d legs on %d venues (instant-answer gateways), %d runs after %d warm-up%n",
                VENUES * STRATEGIES, VENUES, RUNS, WARMUP);
        line(report, "plan(global) for the confirm dialog (before click)", planning);
        line(report, "click -> execute() returns (caller thread)", callerBlocked);
        line(report, "click -> every cancel handed to a gateway", cancels);
        line(report, "click -> every first flatten order handed", orders);
        line(report, "click -> verified flat (incl. journal fsyncs)", flat);
        line(report, "CPU time of the flatten threads per kill", cpu);
    }

    private static void simulator(PrintWriter report) throws Exception {
        SimExchange sim = new SimExchange(42, 1_767_225_600_000L);
        HedgeMonitor monitor = new HedgeMonitor(List.of(),
                MonitorSettings.defaults().withDefaultStaleAfter(Duration.ofHours(1)), TimeSource.SYSTEM);
        monitor.start();
        List<InProcessConnector> connectors = new ArrayList<>();
        for (VenueId v : sim.venues()) {
            InProcessConnector c = new InProcessConnector(sim, v);
            connectors.add(c);
            c.start(monitor::submit);
        }
        Map<InstrumentKey, Double> sizes = new HashMap<>();
        for (VenueId v : sim.venues()) {
            for (Instrument i : sim.instruments(v)) {
                sizes.put(i.key(), switch (i.kind()) {
                    case INVERSE -> 100.0;
                    case OPTION -> 0.5;
                    default -> i.underlying().equals("BTC") ? 0.5 : 5.0;
                });
            }
        }
        Path dir = Files.createTempDirectory("legwatch-kill-bench-sim");
        Histogram flat = histogram();
        int ids = 0;
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(connectors).snapshots(monitor::snapshot).journal(journal)
                     .settings(FlattenSettings.DEFAULT).threads(2).build()) {
            for (int run = 0; run < SIM_WARMUP + SIM_RUNS; run++) {
                sim.advance(Duration.ofSeconds(10)); // books refill
                for (Map.Entry<InstrumentKey, Double> e : sizes.entrySet()) {
                    Side side = (run + e.getKey().hashCode()) % 2 == 0 ? Side.BUY : Side.SELL;
                    sim.place(OrderRequest.market(e.getKey(), side, e.getValue(), false, "bench-" + (++ids))).join();
                }
                awaitPositions(monitor, sizes.size());
                FlattenPlan plan = ks.plan(KillScope.global());
                long t0 = System.nanoTime();
                KillResult r = ks.execute(plan, "bench").result().get(30, TimeUnit.SECONDS);
                long done = System.nanoTime();
                if (r.outcome() != KillResult.Outcome.VERIFIED_FLAT) {
                    throw new IllegalStateException("sim kill did not verify: " + r.detail());
                }
                if (run >= SIM_WARMUP) {
                    flat.recordValue(done - t0);
                }
            }
        } finally {
            connectors.forEach(InProcessConnector::stop);
            monitor.close();
            deleteTree(dir);
        }
        report.printf(Locale.ROOT, "%nSimulator: global kill through InProcessConnector, %d positions on %d venues, %d runs after %d warm-up%n",
                sizes.size(), sim.venues().size(), SIM_RUNS, SIM_WARMUP);
        line(report, "click -> verified FLAT (fresh fetch per venue)", flat);
    }

    private static void awaitPositions(HedgeMonitor monitor, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (monitor.snapshot().unassigned().stream().filter(l -> l.positionKnown() && l.qty() != 0).count() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("engine never showed " + n + " positions");
            }
            Thread.sleep(1);
        }
    }

    private static MonitorSnapshot snapshot(List<KillBenchVenue> venues) {
        List<StrategyView> strategies = new ArrayList<>();
        Map<VenueId, VenueView> views = new HashMap<>();
        for (KillBenchVenue v : venues) {
            views.put(v.venue(), new VenueView(v.venue(), ConnectionState.CONNECTED, "", 0, null, 0));
        }
        for (int s = 0; s < STRATEGIES; s++) {
            List<LegView> legs = new ArrayList<>();
            for (KillBenchVenue v : venues) {
                Instrument i = v.listed().get(s);
                legs.add(new LegView("leg-" + v.venue(), "s" + s, i.key(), i.kind(), Side.BUY, 1.0, true, 60_000,
                        new Exposure(1.0, 60_000), HedgeStatus.NAKED, ConnectionState.CONNECTED, 0, 0, 0));
            }
            strategies.add(new StrategyView("s" + s, "s" + s, HedgeStatus.NAKED, 240_000, 240_000, 1_000, 0, "bench",
                    legs));
        }
        return new MonitorSnapshot(1, 0, strategies, List.of(), List.of(), views, 0);
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    private static void line(PrintWriter report, String what, Histogram h) {
        report.printf(Locale.ROOT, "  %-48s p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  max %7.3f ms%n", what,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
