package io.legwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.venue.deribit.DeribitDecoderProbe;
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

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Deribit notification decode cost (one streaming pass over envelope and data into primitive rows, mapped to VenueEvents) against a
 * raw Jackson streaming pass over the same text. Payloads: the documented user.changes and raw
 * user.orders samples, wrapped in the documented subscription envelope.
 * Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=DeribitParseBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeribitParseBenchmark {
    @Param({"notif-user-changes.json|user.changes.future.BTC.raw", "notif-user-orders-raw.json|user.orders.future.BTC.raw"})
    public String sample;

    private final JsonFactory factory = new JsonFactory();
    private DeribitDecoderProbe decoder;
    private String text;

    @Setup
    public void load() throws IOException {
        String[] parts = sample.split("\\|");
        text = DeribitDecoderProbe.notification(parts[0], parts[1]);
        decoder = new DeribitDecoderProbe();
    }

    @Benchmark
    public long connectorDecoder() {
        return decoder.decode(text);
    }

    /** Every token read, strings and numbers materialised, nothing built: the floor any parser pays. */
    @Benchmark
    public long rawStreamingPass() throws IOException {
        long h = 0;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    h += p.getText().length();
                } else if (t.isNumeric()) {
                    h += p.getLongValue();
                }
            }
        }
        return h;
    }
}
