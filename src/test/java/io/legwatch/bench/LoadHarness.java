package io.legwatch.bench;

import io.legwatch.metrics.LatencyStage;
import io.legwatch.metrics.StageSummary;
import io.legwatch.sim.load.LoadProfile;

import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark 1, engine-only end to end under load: simulator at the profile's total rate (default
 * 500 x 4 = 2,000 legs, 50,000 msg/s, one leg failure per second) -> in-process connectors ->
 * HedgeMonitor. Prints per-stage latency (venue -> applied -> published), grace expiry -> NAKED,
 * and the accounting: every venue message applied, none out of order, every failure NAKED.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.LoadHarness \
 *     -Dexec.args="--strategies 500 --legs 4 --rate 50000 --duration 60s --failures 1 --warmup 10s"
 * </pre>
 * Exit status 0 when the run was clean, 1 when anything was lost, reordered or not shown NAKED.
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs parsed = new LoadArgs(args);
        LoadProfile profile = parsed.profile(Duration.ofSeconds(60));
        Duration warmup = parsed.duration("warmup", Duration.ofSeconds(10));
        System.out.println(describe(profile) + ", latency figures after a " + warmup.toSeconds() + " s warm-up");
        LoadRun.Result result;
        try (LoadRun run = new LoadRun(profile)) {
            run.connect(Duration.ofSeconds(30));
            long[] last = {0};
            result = run.run(warmup, elapsed -> {
                long total = run.venueMessages();
                System.out.printf(Locale.ROOT, "t=%3ds  %,7d msg/s  backlog %,d  venue->published p99 (10 s) %s%n",
                        elapsed / 1_000_000_000L, total - last[0], run.backlog(),
                        StageSummary.human(run.latency.rolling(LatencyStage.VENUE_TO_PUBLISHED).p99()));
                last[0] = total;
            });
        }
        System.out.print(result.describe());
        System.exit(result.clean() ? 0 : 1);
    }

    static String describe(LoadProfile p) {
        return String.format(Locale.ROOT, "profile: %d strategies x %d legs = %d legs, %.0f msg/s, %d s, %.2f failures/s, "
                        + "grace %d ms, hold %d ms, seed %d", p.strategies(), p.legsPerStrategy(), p.legs(),
                p.messagesPerSecond(), p.duration().toSeconds(), p.failuresPerSecond(), p.grace().toMillis(),
                p.failureHold().toMillis(), p.seed());
    }
}
