package io.legwatch.bench;

import io.legwatch.sim.load.LoadProfile;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark 4, the soak: the engine-only load (default 2,000 legs, 50,000 msg/s, a leg failure per
 * second) for a long run, ending with the verdict: zero lost or out-of-order venue messages, every
 * injected failure shown NAKED (and recorded by the generator), and no heap growth after GC
 * (heap after a full GC at the end of the warm-up vs at the end of the run; growth above
 * {@code --max-growth} MB, default 5, fails).
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.SoakHarness -Dexec.args="--duration 10m"
 * </pre>
 * The two explicit full GCs pause the engine once each (after the warm-up and after the load); a
 * harness with steady-state pause figures is {@link MemoryHarness}. Exit status 0 only when clean.
 */
public final class SoakHarness {
    private SoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs parsed = new LoadArgs(args);
        LoadProfile profile = parsed.profile(Duration.ofMinutes(10));
        Duration warmup = parsed.duration("warmup", Duration.ofSeconds(30));
        double maxGrowthMb = parsed.doubleValue("max-growth", 5);
        System.out.println("soak " + LoadHarness.describe(profile) + ", heap baseline after a " + warmup.toSeconds()
                + " s warm-up, max " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1048576
                + " MB heap");
        MemoryHarness.GcPauses gcs = MemoryHarness.GcPauses.install();
        long[] baseline = {-1};
        LoadRun.Result result;
        try (LoadRun run = new LoadRun(profile)) {
            run.connect(Duration.ofSeconds(60));
            long sampleEvery = Math.max(1, profile.duration().toSeconds() / 20);
            result = run.run(warmup, elapsed -> {
                long s = elapsed / 1_000_000_000L;
                if (baseline[0] < 0 && elapsed >= warmup.toNanos()) {
                    System.gc();
                    baseline[0] = MemoryHarness.heapUsed();
                    System.out.printf(Locale.ROOT, "t=%4ds  baseline heap after full GC %s%n", s,
                            MemoryHarness.mb(baseline[0]));
                }
                if (s % sampleEvery == 0) {
                    System.out.printf(Locale.ROOT, "t=%4ds  heap after last GC %s  RSS %s  venue messages %,d  "
                                    + "backlog %,d%n", s, MemoryHarness.mb(gcs.lastHeapAfterGc()),
                            MemoryHarness.kb(MemoryHarness.ProcStatus.value("VmRSS")), run.venueMessages(),
                            run.backlog());
                }
            });
        }
        System.gc();
        long end = MemoryHarness.heapUsed();
        double growthMb = (end - baseline[0]) / 1048576.0;
        System.out.print(result.describe());
        boolean heapOk = baseline[0] >= 0 && growthMb <= maxGrowthMb;
        System.out.printf(Locale.ROOT, "heap after full GC: baseline %s, end %s, growth %+.1f MB (limit %.0f MB) -> %s%n",
                MemoryHarness.mb(baseline[0]), MemoryHarness.mb(end), growthMb, maxGrowthMb, heapOk ? "ok" : "GROWTH");
        boolean clean = result.clean() && heapOk;
        System.out.println(clean ? "SOAK: PASS" : "SOAK: FAIL");
        System.exit(clean ? 0 : 1);
    }
}
