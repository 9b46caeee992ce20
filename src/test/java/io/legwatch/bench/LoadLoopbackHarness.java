package io.legwatch.bench;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.metrics.StageSummary;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.protocol.binance.BinanceFrontEnd;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.binance.BinanceConnector;
import io.legwatch.venue.binance.BinanceConnectorSettings;
import io.legwatch.venue.net.Credentials;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark 1 over the real protocol on loopback: the same load, but every simulated venue account is
 * served by a protocol front end on 127.0.0.1 and read by the production connector (monitor-only),
 * so "venue -> parsed" is a real stage (frame received -> decoded event). Today every account speaks
 * Binance USD-M (the front end and connector on main); the legs are all linear perps because that
 * front end serves only perps. The front end streams marks as {@code markPrice@1s} per held symbol,
 * so fewer price messages reach the engine than the simulator produces: the message accounting here
 * is per venue order, every leg's final position equal to the venue's, and every failure NAKED.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.LoadLoopbackHarness -Dexec.args="--duration 60s --rate 50000"
 * </pre>
 */
public final class LoadLoopbackHarness {
    private LoadLoopbackHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs parsed = new LoadArgs(args);
        LoadProfile profile = parsed.profile(Duration.ofSeconds(60));
        Duration warmup = parsed.duration("warmup", Duration.ofSeconds(10));
        System.out.println("loopback (Binance front ends + BinanceConnector per account), " + LoadHarness.describe(profile)
                + ", latency figures after a " + warmup.toSeconds() + " s warm-up");
        LoadRun.Result result;
        try (LoadRun run = new LoadRun(profile, true)) {
            run.connect(Duration.ofSeconds(120), new BinanceLoopback(profile.seed()));
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

    /** One Binance front end and one monitor-only Binance connector per simulated venue account. */
    static final class BinanceLoopback implements LoadRun.Wiring {
        private final long seed;
        private final List<BinanceFrontEnd> frontEnds = new ArrayList<>();
        private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

        BinanceLoopback(long seed) {
            this.seed = seed;
        }

        @Override
        public List<VenueConnector> connectors(SimExchange exchange) throws Exception {
            List<VenueConnector> out = new ArrayList<>();
            int n = 0;
            for (VenueId venue : exchange.venues()) {
                String key = "load-key-" + venue;
                String secret = "load-secret-" + venue;
                BinanceFrontEnd frontEnd = new BinanceFrontEnd(exchange, venue, key, secret, TimeSource.SYSTEM, seed + n);
                frontEnd.start(0);
                frontEnds.add(frontEnd);
                BinanceConnectorSettings settings = BinanceConnectorSettings.of(venue, frontEnd.restBase(),
                        frontEnd.wsBase(), true);
                out.add(BinanceConnector.create(settings, Credentials.of(key, secret), http, TimeSource.SYSTEM,
                        new SplittableRandom(seed + n)));
                n++;
            }
            return out;
        }

        @Override
        public boolean globalOrder() {
            return false;
        }

        @Override
        public void close() throws Exception {
            for (BinanceFrontEnd frontEnd : frontEnds) {
                frontEnd.close();
            }
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }
}
