package io.legwatch.bench;

import io.legwatch.domain.TimeSource;
import io.legwatch.journal.Journal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one journal record costs the thread that writes it (serialization, the line, the write
 * syscall into the page cache; no fsync): a flatten writes one per order sent and per answer, and
 * the incident log one per status transition. The record is the shape of the flatten's
 * {@code order.sent} (a nested order map). Allocation with {@code -prof gc}:
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench="JournalAppendBenchmark -prof gc"}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalAppendBenchmark {
    private Path dir;
    private Journal journal;
    private Map<String, Object> record;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        journal = new Journal(dir, TimeSource.SYSTEM);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("venue", "okx-main");
        order.put("symbol", "BTC-USDT-SWAP");
        order.put("side", "SELL");
        order.put("type", "LIMIT");
        order.put("qty", 0.125);
        order.put("price", 97_123.5);
        order.put("reduceOnly", true);
        order.put("timeInForce", "IOC");
        record = new LinkedHashMap<>();
        record.put("flattenId", "f-20261125-000042");
        record.put("leg", 1);
        record.put("attempt", 2);
        record.put("send", 1);
        record.put("clientOrderId", "lwf42l1a2s1");
        record.put("order", order);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public void appendOrderSent() {
        journal.append("order.sent", record);
    }
}
