package io.legwatch.sim.main;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.load.VenueMessageCounter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Options;
import io.legwatch.sim.protocol.ProtocolSimulator.Protocol;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import io.legwatch.sim.protocol.common.StreamTraffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The standalone simulator: a seeded exchange in real time, venue protocol front ends on 127.0.0.1
 * (one simulated account each), optionally the demo trader, and a ready Legwatch config for them.
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.mainClass=io.legwatch.sim.main.SimulatorMain \
 *     -Dexec.args="--demo-trader --write-config target/sim-config.json"
 * </pre>
 * Flags: {@code --demo-trader}; {@code --port-base N} (binance N, deribit N+1, bybit N+2, okx N+3;
 * default ephemeral ports); {@code --seed N}; {@code --venues okx=sim-a,bybit=sim-b,deribit=sim-c}
 * (the default; one account per protocol); {@code --write-config PATH}. Runs until interrupted (Ctrl-C).
 *
 * <p>Load profile (issue 7, a Legwatch of its own reading the load over the wire):
 * <pre>
 * ./mvnw -q exec:java -Dexec.mainClass=io.legwatch.sim.main.SimulatorMain \
 *     -Dexec.args="--load 500x4 --rate 50000 --failures 1 --write-config target/load-config.json"
 * </pre>
 * {@code --load STRATEGIESxLEGS} lists the load universe and drives it with the load generator instead
 * of the demo; {@code --rate} total venue messages/s (default 50000), {@code --failures} leg failures per
 * second (default 1), {@code --duration} how long the generator runs (e.g. 10m; default 24h), {@code --report
 * 5s} how often a rate line is printed (simulator msg/s, stream frames written/s and still queued). The
 * default assignment under load is {@code bybit=sim-a,binance=sim-b,okx=sim-c} (every leg a linear perp).
 *
 * <p>This is the one place in {@code sim} that prints to stdout: the venue lines and the
 * {@code export} lines are the program's output. The keys it prints are generated at start and open
 * nothing but this simulator.
 */
public final class SimulatorMain {
    private static final Logger log = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    /** Parsed command line; {@code report} is how often a load run prints its rate line. */
    record Args(Options options, Path writeConfig, Duration report) {
        static Args parse(String[] args) {
            Options d = Options.defaults();
            long seed = d.seed();
            boolean trader = false;
            int portBase = 0;
            Map<Protocol, VenueId> assignment = null;
            Path config = null;
            String load = null;
            LoadProfile profile = LoadProfile.defaults().withDuration(Duration.ofHours(24));
            Duration report = Duration.ofSeconds(5);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo-trader" -> trader = true;
                    case "--seed" -> seed = number(args, ++i, "--seed");
                    case "--port-base" -> portBase = (int) number(args, ++i, "--port-base");
                    case "--venues" -> assignment = ProtocolSimulator.parseAssignment(value(args, ++i, "--venues"));
                    case "--write-config" -> config = Path.of(value(args, ++i, "--write-config"));
                    case "--load" -> load = value(args, ++i, "--load");
                    case "--rate" -> profile = profile.withMessagesPerSecond(decimal(args, ++i, "--rate"));
                    case "--failures" -> profile = profile.withFailuresPerSecond(decimal(args, ++i, "--failures"));
                    case "--duration" -> profile = profile.withDuration(duration(args, ++i, "--duration"));
                    case "--report" -> report = duration(args, ++i, "--report");
                    default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\" (expected "
                            + "--demo-trader, --seed N, --port-base N, --venues p=acct,..., --write-config PATH, "
                            + "--load SxL, --rate N, --failures N, --duration D, --report D)");
                }
            }
            if (load == null) {
                return new Args(new Options(seed, trader, portBase, assignment == null ? d.assignment() : assignment),
                        config, report);
            }
            String[] sxl = load.split("x", 2);
            if (sxl.length != 2) {
                throw new IllegalArgumentException("--load is STRATEGIESxLEGS, e.g. 500x4, not \"" + load + "\"");
            }
            profile = profile.withStrategies(whole(sxl[0], "--load strategies"))
                    .withLegsPerStrategy(whole(sxl[1], "--load legs")).withSeed(seed);
            return new Args(new Options(seed, trader, portBase,
                    assignment == null ? ProtocolSimulator.LOAD_ASSIGNMENT : assignment, profile), config, report);
        }

        private static int whole(String v, String what) {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be a whole number, was \"" + v + "\"", e);
            }
        }

        private static double decimal(String[] args, int i, String flag) {
            String v = value(args, i, flag);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, was \"" + v + "\"", e);
            }
        }

        /** 90s, 10m, 2h, 500ms. */
        static Duration duration(String[] args, int i, String flag) {
            String v = value(args, i, flag).trim();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException(flag + " is a whole number with ms, s, m or h, e.g. 10m, not \""
                        + v + "\"");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (d.isZero()) {
                throw new IllegalArgumentException(flag + " must be more than zero");
            }
            return d;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static long number(String[] args, int i, String flag) {
            String v = value(args, i, flag);
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, was \"" + v + "\"", e);
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("SimulatorMain: " + e.getMessage());
            System.exit(2);
            return;
        }
        ProtocolSimulator sim;
        try {
            sim = ProtocolSimulator.start(args.options(), TimeSource.SYSTEM);
        } catch (IllegalStateException e) {
            System.err.println("SimulatorMain: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        PrintStream out = System.out;
        List<Strategy> strategies = sim.mappedStrategies();
        describe(sim.served(), strategies, args.options()).forEach(out::println);
        if (args.writeConfig() != null) {
            writeAtomically(args.writeConfig(), SimConfigWriter.write(sim.served(), strategies));
            out.println("Legwatch config written to " + args.writeConfig().toAbsolutePath());
        }
        out.println("Simulator running; Ctrl-C stops it.");
        out.flush();
        if (sim.load().isPresent()) {
            reportLoad(sim, args.report(), stopped, out);
        }
        stopped.await();
    }

    /**
     * Prints one line per period until stopped: what the simulated venues pushed, and what the stream
     * connections wrote and still hold, so whoever reads this output sees whether the client keeps up.
     */
    private static void reportLoad(ProtocolSimulator sim, Duration every, CountDownLatch stopped, PrintStream out)
            throws InterruptedException {
        LoadProfile profile = sim.options().load();
        try (VenueMessageCounter venues = VenueMessageCounter.attach(sim.exchange())) {
            out.printf(Locale.ROOT, "load: %d x %d legs, %,.0f msg/s offered, %.2f failures/s, for %s%n",
                    profile.strategies(), profile.legsPerStrategy(), profile.messagesPerSecond(),
                    profile.failuresPerSecond(), profile.duration());
            long start = System.nanoTime();
            long lastT = start;
            long lastMsgs = 0;
            long lastFrames = sim.streamTraffic().written();
            while (!stopped.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                long msgs = venues.total();
                StreamTraffic t = sim.streamTraffic();
                double secs = (now - lastT) / 1e9;
                out.printf(Locale.ROOT, "load t=%ds simulator %.0f msg/s  streams wrote %.0f frames/s  queued %d "
                                + "frames  generator %s%n", (now - start) / 1_000_000_000L, (msgs - lastMsgs) / secs,
                        (t.written() - lastFrames) / secs, t.queued(),
                        sim.load().map(l -> l.running() ? "running" : "finished").orElse("-"));
                out.flush();
                lastT = now;
                lastMsgs = msgs;
                lastFrames = t.written();
            }
        }
    }

    /** The lines the simulator prints: one per venue, the exports, and what was mapped. */
    static List<String> describe(List<Served> served, List<Strategy> strategies, Options options) {
        List<String> lines = new ArrayList<>();
        for (Served s : served) {
            lines.add(String.format("%-8s %-12s account %-6s REST %-24s WS %s", s.protocol().type(), s.venueId(),
                    s.account(), s.restUrl(), s.wsUrl()));
        }
        lines.add("# sim-only keys (they open nothing but this simulator):");
        Served.credentialEnvironment(served).forEach((name, value) -> lines.add("export " + name + "=" + value));
        lines.add("# demo strategies mapped onto these venues: " + (strategies.isEmpty() ? "none"
                : strategies.size() > 12 ? strategies.size() + " (load profile)"
                : String.join(", ", strategies.stream().map(Strategy::id).toList()))
                + (options.load() != null ? " (the load generator moves them)"
                : options.demoTrader() ? " (the demo trader is trading them)"
                : " (no demo trader: positions stay as they are)"));
        return lines;
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.info("wrote {}", file);
    }
}
