package io.legwatch.bench;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.metrics.StageSummary;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.protocol.binance.BinanceFrontEnd;
import io.legwatch.sim.protocol.bybit.BybitFrontEnd;
import io.legwatch.sim.protocol.okx.OkxFrontEnd;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.binance.BinanceConnector;
import io.legwatch.venue.binance.BinanceConnectorSettings;
import io.legwatch.venue.bybit.BybitConfig;
import io.legwatch.venue.bybit.BybitConnector;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.okx.OkxConfig;
import io.legwatch.venue.okx.OkxConnector;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark 1 over the real protocols on loopback: the same load, but every simulated venue account is
 * served by a protocol front end on 127.0.0.1 and read by the production connector (monitor-only),
 * so "venue -> parsed" is a real stage (frame received -> decoded event). {@code --protocol mixed}
 * (default): sim-a speaks Bybit v5, sim-b Binance USD-M, sim-c OKX v5; {@code --protocol binance}: all
 * three speak Binance. The legs are all linear perps (the Binance front end serves only perps).
 * Front ends re-encode and may conflate (Binance streams marks as {@code markPrice@1s}), so simulator
 * pushes and connector events are not 1:1: the accounting here is per-venue order, every leg's final
 * position equal to the venue's, and every failure NAKED.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.LoadLoopbackHarness -Dexec.args="--duration 60s --protocol mixed"
 * </pre>
 */
public final class LoadLoopbackHarness {
    private LoadLoopbackHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs parsed = new LoadArgs(args);
        LoadProfile profile = parsed.profile(Duration.ofSeconds(60));
        Duration warmup = parsed.duration("warmup", Duration.ofSeconds(10));
        String protocol = parsed.string("protocol", "mixed");
        LoadRun.Wiring wiring = switch (protocol) {
            case "mixed" -> new Loopback(profile.seed(), List.of("bybit", "binance", "okx"));
            case "binance" -> new Loopback(profile.seed(), List.of("binance", "binance", "binance"));
            default -> throw new IllegalArgumentException("--protocol is mixed or binance, not " + protocol);
        };
        System.out.println("loopback (" + protocol + ": front end + production connector per account), "
                + LoadHarness.describe(profile) + ", latency figures after a " + warmup.toSeconds() + " s warm-up");
        LoadRun.Result result;
        try (LoadRun run = new LoadRun(profile, true)) {
            run.connect(Duration.ofSeconds(120), wiring);
            long[] last = {0, 0};
            result = run.run(warmup, elapsed -> {
                long total = run.venueMessages();
                long received = run.accounting.submittedFromVenue.get();
                System.out.printf(Locale.ROOT, "t=%3ds  simulator %,7d msg/s  received %,7d msg/s  backlog %,d  "
                                + "venue->published p99 (10 s) %s%n", elapsed / 1_000_000_000L, total - last[0],
                        received - last[1], run.backlog(),
                        StageSummary.human(run.latency.rolling(LatencyStage.VENUE_TO_PUBLISHED).p99()));
                last[0] = total;
                last[1] = received;
            });
        }
        System.out.print(result.describe());
        System.exit(result.clean() ? 0 : 1);
    }

    /** Per simulated venue account (in order sim-a, sim-b, sim-c): a front end and a monitor-only connector. */
    static final class Loopback implements LoadRun.Wiring {
        private final long seed;
        private final List<String> protocols;
        private final List<AutoCloseable> frontEnds = new ArrayList<>();
        private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

        Loopback(long seed, List<String> protocols) {
            this.seed = seed;
            this.protocols = protocols;
        }

        @Override
        public List<VenueConnector> connectors(SimExchange exchange) throws Exception {
            List<VenueConnector> out = new ArrayList<>();
            List<VenueId> venues = exchange.venues();
            for (int n = 0; n < venues.size(); n++) {
                VenueId venue = venues.get(n);
                String key = "load-key-" + venue;
                String secret = "load-secret-" + venue;
                SplittableRandom random = new SplittableRandom(seed + n);
                switch (protocols.get(n)) {
                    case "binance" -> {
                        BinanceFrontEnd fe = new BinanceFrontEnd(exchange, venue, key, secret, TimeSource.SYSTEM, seed + n);
                        fe.start(0);
                        frontEnds.add(fe);
                        out.add(BinanceConnector.create(BinanceConnectorSettings.of(venue, fe.restBase(), fe.wsBase(),
                                true), Credentials.of(key, secret), http, TimeSource.SYSTEM, random));
                    }
                    case "bybit" -> {
                        BybitFrontEnd fe = new BybitFrontEnd(exchange, venue, key, secret, TimeSource.SYSTEM);
                        int port = fe.start(0);
                        frontEnds.add(fe);
                        out.add(new BybitConnector(BybitConfig.loopback(venue, port, false)
                                .withScopes(List.of(new BybitConfig.Scope("linear", "USDT"))),
                                Credentials.of(key, secret), http, TimeSource.SYSTEM, random));
                    }
                    case "okx" -> {
                        String passphrase = "load-pass-" + venue;
                        OkxFrontEnd fe = new OkxFrontEnd(exchange, venue, key, secret, passphrase, TimeSource.SYSTEM);
                        int port = fe.start(0);
                        frontEnds.add(fe);
                        out.add(new OkxConnector(OkxConfig.loopback(venue, port, false),
                                Credentials.of(key, secret, passphrase), http, TimeSource.SYSTEM, random));
                    }
                    default -> throw new IllegalArgumentException("no loopback for protocol " + protocols.get(n));
                }
            }
            return out;
        }

        @Override
        public boolean globalOrder() {
            return false;
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable frontEnd : frontEnds) {
                frontEnd.close();
            }
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
