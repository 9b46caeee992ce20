package io.legwatch.bench;

import io.legwatch.app.live.ConnectorFactory;
import io.legwatch.config.AppConfig;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import io.legwatch.flatten.FlattenListener;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.FlattenSettings;
import io.legwatch.flatten.KillResult;
import io.legwatch.flatten.KillScope;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.journal.Journal;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.main.SimConfigWriter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import io.legwatch.venue.VenueConnector;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kill switch over the wire (not a unit test; surefire skips {@code bench}): click -> verified FLAT
 * with the production connectors talking to the simulator's venue protocol front ends on 127.0.0.1,
 * exactly the wire demo's wiring ({@link ProtocolSimulator}, {@link SimConfigWriter},
 * {@link ConnectorFactory}): OKX on sim-a, Bybit on sim-b, Deribit on sim-c and (default
 * {@code --venues 4}) Binance USD-M on a fourth account, sim-d. Every instrument each
 * protocol's connector reads gets a position (set on the simulator account, as if traded elsewhere),
 * the engine sees them over the streams, then a global FLATTEN through the real {@link KillSwitch}
 * (journal with fsyncs in a temp directory) runs until the venues report flat; the simulator's own
 * positions are checked to be zero after every kill. Each connector is wrapped in a
 * {@link TimedConnector} so every kill is also split into steps.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.KillWireHarness -Dexec.args="--runs 100 --warmup 10"
 * </pre>
 * Options: {@code --venues 4|3}, {@code --cold true} (the kill switch's warm-up off: the first kill as it was before it), {@code --settle 2s}
 * (after every venue is CONNECTED, and warmed up unless cold, before the first kill), {@code --keep-warm 20s}
 * (0s: off), {@code --runs}, {@code --warmup}, {@code --seed}, {@code --pause 300ms} (between kills:
 * books refill), {@code --out target/kill-wire-benchmark.txt}.
 */
public final class KillWireHarness {
    private KillWireHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        int runs = a.intValue("runs", 100);
        int warmup = a.intValue("warmup", 10);
        long seed = Long.parseLong(a.string("seed", Long.toString(ProtocolSimulator.DEFAULT_SEED)));
        Duration pause = a.duration("pause", Duration.ofMillis(300));
        int venues = a.intValue("venues", 4);
        boolean cold = Boolean.parseBoolean(a.string("cold", "false"));
        Duration settle = a.duration("settle", Duration.ofSeconds(2));
        Duration keepWarm = a.duration("keep-warm", KillSwitch.DEFAULT_KEEP_WARM);
        Path out = Path.of(a.string("out", "target/kill-wire-benchmark.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        StringWriter text = new StringWriter();
        try (PrintWriter report = new PrintWriter(text)) {
            report.printf(Locale.ROOT, "kill switch over the wire, %s, %d cores, Java %s, load average at start %s%n",
                    Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    loadAverage());
            run(report, runs, warmup, seed, pause, assignment(venues), cold, settle, keepWarm);
            report.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
        }
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        System.out.print(text);
        System.exit(0); // OkHttp's and the front ends' non-daemon threads may linger a few seconds
    }

    /** OKX on sim-a, Bybit on sim-b, Deribit on sim-c (the wire demo's), and with 4 Binance on a fourth account. */
    private static Map<ProtocolSimulator.Protocol, VenueId> assignment(int venues) {
        Map<ProtocolSimulator.Protocol, VenueId> m = new HashMap<>(ProtocolSimulator.DEFAULT_ASSIGNMENT);
        switch (venues) {
            case 3 -> {
            }
            case 4 -> m.put(ProtocolSimulator.Protocol.BINANCE, VenueId.of("sim-d"));
            default -> throw new IllegalArgumentException("--venues is 3 or 4, not " + venues);
        }
        return m;
    }

    private static void run(PrintWriter report, int runs, int warmup, long seed, Duration pause,
                            Map<ProtocolSimulator.Protocol, VenueId> assignment, boolean cold, Duration settle,
                            Duration keepWarm)
            throws Exception {
        Path dir = Files.createTempDirectory("legwatch-kill-wire");
        KillTimeline timeline = new KillTimeline();
        Histogram flat = histogram();
        Histogram cpu = histogram();
        Histogram processCpu = histogram();
        long[] firstKill = {0};
        long[] warmedAfter = {-1};
        ColdCost firstCost = new ColdCost();
        Map<String, Long> firstSplit = new LinkedHashMap<>();
        ThreadCpu threadCpu = new ThreadCpu();
        Histogram orders = new Histogram(3);
        try (ProtocolSimulator sim = ProtocolSimulator.start(new ProtocolSimulator.Options(seed, false, 0,
                assignment), TimeSource.SYSTEM)) {
            AppConfig config = ConfigLoader.parse(SimConfigWriter.write(sim.served(), List.of()), "kill wire harness");
            Map<String, String> keys = Served.credentialEnvironment(sim.served());
            ConnectorFactory factory = new ConnectorFactory(new CredentialResolver(keys::get), sim::exchange,
                    TimeSource.SYSTEM);
            List<VenueConnector> connectors = new ArrayList<>();
            factory.createAll(config).forEach(c -> connectors.add(new TimedConnector(c, timeline)));
            HedgeMonitor monitor = new HedgeMonitor(List.of(),
                    MonitorSettings.defaults().withDefaultStaleAfter(Duration.ofSeconds(30)), TimeSource.SYSTEM);
            Map<InstrumentKey, InstrumentKey> targets = targets(sim); // as Legwatch sees it -> simulator account
            try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
                 KillSwitch ks = KillSwitch.builder().venues(connectors).snapshots(monitor::snapshot).journal(journal)
                         .listener(FlattenListener.of(monitor)).settings(FlattenSettings.DEFAULT).warmUp(!cold)
                         .keepWarm(keepWarm).build()) {
                monitor.addSnapshotListener(ks::onSnapshot);
                monitor.start();
                connectors.forEach(c -> c.start(monitor::submit));
                await("every venue CONNECTED", Duration.ofSeconds(60), () -> monitor.snapshot().venues().size()
                        == sim.served().size() && monitor.snapshot().venues().values().stream()
                        .map(VenueView::state).allMatch(ConnectionState.CONNECTED::equals));
                if (!cold) { // the kill switch warms its path up once the venues are trusted: wait for it, as a trader's first click would
                    long w0 = System.nanoTime();
                    ks.warmedUp().get(60, TimeUnit.SECONDS);
                    warmedAfter[0] = System.nanoTime() - w0;
                }
                // A trader's first click comes seconds after connecting at the earliest: let the JIT finish
                // what start-up (and the warm-up) queued, with or without the warm-up alike.
                Thread.sleep(settle.toMillis());
                for (int run = 0; run < warmup + runs; run++) {
                    double sign = run % 2 == 0 ? 1 : -1;
                    for (Map.Entry<InstrumentKey, InstrumentKey> t : targets.entrySet()) {
                        Instrument i = sim.exchange().instrument(t.getValue()).orElseThrow();
                        sim.exchange().setPosition(t.getValue(), sign * size(i));
                    }
                    await("the engine showing every position", Duration.ofSeconds(30),
                            () -> showsAll(monitor.snapshot(), targets.keySet(), sign));
                    FlattenPlan plan = ks.plan(KillScope.global());
                    if (plan.legs().size() != targets.size()) {
                        throw new IllegalStateException("plan has " + plan.legs().size() + " legs, expected "
                                + targets.size() + ": " + plan.lines());
                    }
                    boolean keep = run >= warmup;
                    timeline.begin();
                    long cpu0 = ThreadCpu.flattenThreadsNanos();
                    long process0 = processCpuNanos();
                    threadCpu.mark();
                    if (run == 0) {
                        firstCost.mark();
                    }
                    long t0 = System.nanoTime();
                    KillResult r = ks.execute(plan, "bench").result().get(60, TimeUnit.SECONDS);
                    long done = System.nanoTime();
                    Map<String, Long> split = timeline.end(t0, done, keep);
                    if (r.outcome() != KillResult.Outcome.VERIFIED_FLAT) {
                        throw new IllegalStateException("kill did not verify: " + r.detail());
                    }
                    for (InstrumentKey simKey : targets.values()) {
                        double left = sim.exchange().position(simKey).qty();
                        if (left != 0) {
                            throw new IllegalStateException("verified flat but the simulator still has " + left
                                    + " of " + simKey);
                        }
                    }
                    if (run == 0) {
                        firstCost.take();
                        firstKill[0] = done - t0;
                        firstSplit.putAll(split);
                    }
                    if (keep) {
                        flat.recordValue(done - t0);
                        processCpu.recordValue(Math.max(0, processCpuNanos() - process0));
                        threadCpu.add();
                        cpu.recordValue(Math.max(0, ThreadCpu.flattenThreadsNanos() - cpu0));
                        orders.recordValue(r.receipts().stream().flatMap(rc -> rc.legs().stream())
                                .mapToLong(o -> o.orders().size()).sum());
                    }
                    ks.release(KillScope.global(), "bench"); // trade again: no late-fill watch on the next kill's positions
                    Thread.sleep(pause.toMillis());
                }
            } finally {
                connectors.forEach(VenueConnector::stop);
                factory.close();
                monitor.close();
            }
            report.printf(Locale.ROOT, "%nGlobal kill over the wire: %d positions on %d venues (%s), %d runs after %d "
                    + "warm-up, %d ms between kills%n", targets.size(), sim.served().size(), describe(sim, targets),
                    runs, warmup, pause.toMillis());
        } finally {
            deleteTree(dir);
        }
        line(report, "click -> verified FLAT", flat);
        report.printf(Locale.ROOT, "  %-48s %8.3f ms (connections, instrument lists and JIT cold)%n",
                "first kill after connecting: click -> verified", firstKill[0] / 1e6);
        report.printf(Locale.ROOT, "    first kill: %s%n", cold ? "cold (--cold true: the kill switch's warm-up off)"
                : String.format(Locale.ROOT, "after the kill switch's warm-up (done %.0f ms after every venue was CONNECTED)",
                warmedAfter[0] / 1e6) + String.format(Locale.ROOT, ", then %d ms settle, keep-warm every %d ms", settle.toMillis(),
                keepWarm.toMillis()));
        report.printf(Locale.ROOT, "    first kill: %s%n", firstCost);
        firstSplit.forEach((what, nanos) -> report.printf(Locale.ROOT, "    first kill: %-46s %8.3f ms%n", what, nanos / 1e6));
        line(report, "CPU time of the flatten threads per kill", cpu);
        line(report, "CPU time of the whole process per kill", processCpu);
        report.printf(Locale.ROOT, "    %-46s p50 %4d  max %4d%n", "orders sent per kill", orders.getValueAtPercentile(50),
                orders.getMaxValue());
        threadCpu.report(report, runs);
        timeline.report(report);
    }

    /**
     * What the first kill spent besides the wire: classes loaded, JIT compile time (both JVM-wide:
     * the front ends' share is in them too) and sockets opened (this process holds both ends of a
     * loopback connection, so a new connection is two sockets).
     */
    private static final class ColdCost {
        private long classes;
        private long jitMs;
        private long sockets;
        private long fromMs;
        private long toMs;

        void mark() {
            fromMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
            jitMs = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            sockets = sockets();
        }

        void take() {
            toMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
            jitMs = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMs;
            sockets = sockets() - sockets;
        }

        private static long sockets() {
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                return fds.filter(f -> {
                    try {
                        return Files.readSymbolicLink(f).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false;
                    }
                }).count();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "during it %d classes loaded, %d ms of JIT compilation, %+d sockets open "
                    + "(both ends of loopback connections); JVM uptime %d-%d ms (for -Xlog:class+load::uptime)", classes, jitMs,
                    sockets, fromMs, toMs);
        }
    }

    /** Every listing each front end's connector reads, keyed as Legwatch sees it. */
    private static Map<InstrumentKey, InstrumentKey> targets(ProtocolSimulator sim) {
        Map<InstrumentKey, InstrumentKey> out = new LinkedHashMap<>();
        for (Served s : sim.served()) {
            for (Instrument i : sim.exchange().instruments(s.account())) {
                if (s.protocol().shows(i.kind())) {
                    out.put(new InstrumentKey(s.venueId(), i.symbol()), i.key());
                }
            }
        }
        return out;
    }

    private static String describe(ProtocolSimulator sim, Map<InstrumentKey, InstrumentKey> targets) {
        List<String> parts = new ArrayList<>();
        for (Served s : sim.served()) {
            long n = targets.keySet().stream().filter(k -> k.venue().equals(s.venueId())).count();
            parts.add(s.protocol().type() + " on " + s.account() + ": " + n);
        }
        return String.join(", ", parts);
    }

    private static double size(Instrument i) {
        return switch (i.kind()) {
            case INVERSE -> 100.0;
            case OPTION -> 0.5;
            default -> i.underlying().equals("BTC") ? 0.5 : 5.0;
        };
    }

    private static boolean showsAll(MonitorSnapshot s, java.util.Set<InstrumentKey> keys, double sign) {
        int n = 0;
        for (LegView l : s.unassigned()) {
            if (keys.contains(l.instrument()) && l.positionKnown() && l.qty() * sign > 0) {
                n++;
            }
        }
        return n == keys.size();
    }

    private static void await(String what, Duration limit, java.util.function.BooleanSupplier ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    /** Everything in this JVM: flatten threads, connectors, OkHttp, the front ends, the simulator, the engine. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }

    static void line(PrintWriter report, String what, Histogram h) {
        report.printf(Locale.ROOT, "  %-48s p50 %8.3f ms  p90 %8.3f ms  p99 %8.3f ms  max %8.3f ms%n", what,
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
