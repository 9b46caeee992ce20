package io.legwatch.bench;

import io.legwatch.domain.TimeSource;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The hedge engine on one thread, 500 strategies x 4 legs across 4 venues (see {@link EngineWorkload}).
 * <ul>
 *   <li>{@code applyBatch1024}: events/s applied, publishing once per 1,024 events (a busy engine turn).</li>
 *   <li>{@code applyBatch64}: the same with a publish every 64 events.</li>
 *   <li>{@code eventToSnapshot}: one event applied and a snapshot published, sampled: p50/p99/p99.9
 *       of event-to-published-snapshot on the engine thread (queue hand-off not included; see
 *       {@code threadedEventToSnapshot} for that).</li>
 *   <li>{@code threadedEventToSnapshot}: the real path with the engine thread running: a producer
 *       thread submits one event and spins until {@link HedgeMonitor#snapshot()} shows it, sampled.
 *       Includes the queue hand-off and waking the parked engine thread.</li>
 * </ul>
 * Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=EngineBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
    static final int EVENTS = 1 << 16;

    private HedgeMonitor monitor;
    private EngineWorkload workload;
    private int next;

    /** A clock that stands still: no staleness or grace expiry inside a measurement. */
    private static final TimeSource FIXED = new TimeSource() {
        @Override
        public long millis() {
            return 1_700_000_000_000L;
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };

    @Setup(Level.Trial)
    public void setUp() {
        workload = new EngineWorkload(EVENTS, 42, FIXED);
        monitor = workload.monitor(FIXED);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(1024)
    public MonitorSnapshot applyBatch1024() {
        return applyAndPublish(1024);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(64)
    public MonitorSnapshot applyBatch64() {
        return applyAndPublish(64);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MonitorSnapshot eventToSnapshot() {
        return applyAndPublish(1);
    }

    /** A started monitor with its own engine thread; the benchmark thread is the producer. */
    @State(Scope.Thread)
    public static class ThreadedEngine {
        EngineWorkload workload;
        HedgeMonitor monitor;
        int next;

        @Setup(Level.Trial)
        public void start() {
            workload = new EngineWorkload(EVENTS, 43, FIXED);
            monitor = workload.monitor(FIXED);
            monitor.start();
        }

        @TearDown(Level.Trial)
        public void stop() {
            monitor.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MonitorSnapshot threadedEventToSnapshot(ThreadedEngine engine) {
        long stamp = System.nanoTime();
        engine.monitor.submit(EngineWorkload.restamp(engine.workload.events[engine.next], stamp));
        engine.next = (engine.next + 1) & (EVENTS - 1);
        MonitorSnapshot snapshot;
        while ((snapshot = engine.monitor.snapshot()).lastEventRecvNanos() != stamp) {
            Thread.onSpinWait();
        }
        return snapshot;
    }

    private MonitorSnapshot applyAndPublish(int batch) {
        var events = workload.events;
        for (int i = 0; i < batch; i++) {
            monitor.apply(events[next]);
            next = (next + 1) & (EVENTS - 1);
        }
        return monitor.publish();
    }
}
