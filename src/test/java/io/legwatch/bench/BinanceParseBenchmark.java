package io.legwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.venue.binance.BinanceUserEvent;
import io.legwatch.venue.binance.BinanceUserStreamParser;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Binance user-stream parse cost against a raw Jackson streaming pass over the same text (the floor any
 * parser pays: tokenising). Payloads: the documented ACCOUNT_UPDATE and ORDER_TRADE_UPDATE samples.
 * Run: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=BinanceParseBenchmark}
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BinanceParseBenchmark {
    @Param({"ws-account-update.json", "ws-order-trade-update.json"})
    public String sample;

    private final JsonFactory factory = new JsonFactory();
    private final BinanceUserStreamParser parser = new BinanceUserStreamParser(factory);
    private String text;

    @Setup
    public void load() throws IOException {
        try (InputStream in = BinanceParseBenchmark.class.getResourceAsStream("/venues/binance/" + sample)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public BinanceUserEvent connectorParser() {
        return parser.parse(text);
    }

    /** Every token read, strings and numbers materialised as the parser does, nothing built. */
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
