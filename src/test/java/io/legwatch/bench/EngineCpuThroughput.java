package io.legwatch.bench;

import io.legwatch.domain.TimeSource;
import io.legwatch.engine.HedgeMonitor;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A harness for a shared machine: events applied per second of the engine thread's own CPU time
 * (immune to the thread being descheduled by other builds, unlike wall-clock JMH throughput), plus
 * event-to-snapshot latency (apply one event + publish, wall clock, HdrHistogram) on the same world
 * as {@link EngineBenchmark}: 500 strategies x 4 legs on 4 venues, mixed events, publish per 1,024.
 *
 * <p>Run after {@code ./mvnw -Pbench -DskipTests test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test classpath> io.legwatch.bench.EngineCpuThroughput}
 */
public final class EngineCpuThroughput {
    private static final int EVENTS = 1 << 16;
    private static final int BATCH = 1024;
    private static final int ROUNDS = 12;
    private static final int EVENTS_PER_ROUND = 2_000_000;
    private static final int LATENCY_SAMPLES = 500_000;

    private EngineCpuThroughput() {
    }

    public static void main(String[] args) {
        TimeSource fixed = new TimeSource() {
            @Override
            public long millis() {
                return 1_700_000_000_000L;
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }
        };
        EngineWorkload workload = new EngineWorkload(EVENTS, 42, fixed);
        HedgeMonitor monitor = workload.monitor(fixed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int next = 0;
        double[] measured = new double[ROUNDS - ROUNDS / 2];
        for (int round = 0; round < ROUNDS; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int n = 0; n < EVENTS_PER_ROUND; n += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    monitor.apply(workload.events[next]);
                    next = (next + 1) & (EVENTS - 1);
                }
                monitor.publish();
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            double perCpuSecond = EVENTS_PER_ROUND * 1e9 / cpu;
            double perWallSecond = EVENTS_PER_ROUND * 1e9 / wall;
            if (round >= ROUNDS / 2) {
                measured[round - ROUNDS / 2] = perCpuSecond;
            }
            report(String.format("round %2d: %,.0f events per CPU-second, %,.0f per wall-second%s", round,
                    perCpuSecond, perWallSecond, round < ROUNDS / 2 ? " (warm-up)" : ""));
        }
        java.util.Arrays.sort(measured);
        report(String.format("measured rounds: min %,.0f / median %,.0f / max %,.0f events per CPU-second",
                measured[0], measured[measured.length / 2], measured[measured.length - 1]));

        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int warm = 0; warm < 200_000; warm++) {
            monitor.apply(workload.events[next]);
            next = (next + 1) & (EVENTS - 1);
            monitor.publish();
        }
        for (int sample = 0; sample < LATENCY_SAMPLES; sample++) {
            long t0 = System.nanoTime();
            monitor.apply(workload.events[next]);
            monitor.publish();
            histogram.recordValue(System.nanoTime() - t0);
            next = (next + 1) & (EVENTS - 1);
        }
        report(String.format("event -> published snapshot (apply + publish, one thread, %,d samples): "
                        + "p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us", histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3));
    }

    @SuppressWarnings("java:S106") // a command-line harness reports on stdout
    private static void report(String line) {
        System.out.println(line);
    }
}
