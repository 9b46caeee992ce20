package io.legwatch.sim.main;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Options;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
 * <p>This is the one place in {@code sim} that prints to stdout: the venue lines and the
 * {@code export} lines are the program's output. The keys it prints are generated at start and open
 * nothing but this simulator.
 */
public final class SimulatorMain {
    private static final Logger log = LoggerFactory.getLogger(SimulatorMain.class);

    private SimulatorMain() {
    }

    /** Parsed command line. */
    record Args(Options options, Path writeConfig) {
        static Args parse(String[] args) {
            Options d = Options.defaults();
            long seed = d.seed();
            boolean trader = false;
            int portBase = 0;
            var assignment = d.assignment();
            Path config = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--demo-trader" -> trader = true;
                    case "--seed" -> seed = number(args, ++i, "--seed");
                    case "--port-base" -> portBase = (int) number(args, ++i, "--port-base");
                    case "--venues" -> assignment = ProtocolSimulator.parseAssignment(value(args, ++i, "--venues"));
                    case "--write-config" -> config = Path.of(value(args, ++i, "--write-config"));
                    default -> throw new IllegalArgumentException("unknown argument \"" + args[i] + "\" (expected "
                            + "--demo-trader, --seed N, --port-base N, --venues p=acct,..., --write-config PATH)");
                }
            }
            return new Args(new Options(seed, trader, portBase, assignment), config);
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
        describe(sim.served(), strategies, args.options().demoTrader()).forEach(out::println);
        if (args.writeConfig() != null) {
            writeAtomically(args.writeConfig(), SimConfigWriter.write(sim.served(), strategies));
            out.println("Legwatch config written to " + args.writeConfig().toAbsolutePath());
        }
        out.println("Simulator running; Ctrl-C stops it.");
        out.flush();
        stopped.await();
    }

    /** The lines the simulator prints: one per venue, the exports, and what was mapped. */
    static List<String> describe(List<Served> served, List<Strategy> strategies, boolean trader) {
        List<String> lines = new ArrayList<>();
        for (Served s : served) {
            lines.add(String.format("%-8s %-12s account %-6s REST %-24s WS %s", s.protocol().type(), s.venueId(),
                    s.account(), s.restUrl(), s.wsUrl()));
        }
        lines.add("# sim-only keys (they open nothing but this simulator):");
        for (Served s : served) {
            lines.add("export " + s.apiKeyEnv() + "=" + s.apiKey());
            lines.add("export " + s.apiSecretEnv() + "=" + s.apiSecret());
            s.passphraseEnv().ifPresent(p -> lines.add("export " + p + "=" + s.passphrase()));
        }
        lines.add("# demo strategies mapped onto these venues: " + (strategies.isEmpty() ? "none"
                : String.join(", ", strategies.stream().map(Strategy::id).toList()))
                + (trader ? " (the demo trader is trading them)" : " (no demo trader: positions stay as they are)"));
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
