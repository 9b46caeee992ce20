package io.legwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.bybit.BybitDecoding;
import io.legwatch.venue.okx.OkxDecoding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Cost of turning one documented Bybit / OKX private-stream frame into domain events (the
 * connectors' hot path: {@code BybitStreamDecoder}, {@code OkxStreamDecoder}), against a raw Jackson
 * streaming pass over the same text (every token read, nothing built). Target: decode <= 1.5x raw.
 * Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=BybitOkxParseBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BybitOkxParseBenchmark {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Param({"bybit/ws-position.json", "bybit/ws-order.json", "bybit/ws-execution.json",
            "okx/ws-positions.json", "okx/ws-orders.json"})
    public String sample;

    private String frame;
    private BybitDecoding bybit;
    private OkxDecoding okx;

    @Setup
    public void load() throws IOException {
        try (InputStream in = BybitOkxParseBenchmark.class.getResourceAsStream("/venues/" + sample)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + sample);
            }
            frame = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        bybit = new BybitDecoding(VenueId.of("bybit-bench"));
        okx = new OkxDecoding(VenueId.of("okx-bench"));
    }

    @Benchmark
    public void rawJacksonPass(Blackhole bh) throws IOException {
        try (JsonParser p = FACTORY.createParser(frame)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                bh.consume(t);
            }
        }
    }

    @Benchmark
    public Object decode() {
        return sample.startsWith("bybit/") ? bybit.decode(frame, 1L) : okx.decode(frame, 1L);
    }
}
