package io.legwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.domain.VenueEvent;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2, parse cost per venue: each venue's documented position and order pushes
 * ({@link ParseSamples#PUSHES}) turned into engine events by the venue's production decoder,
 * next to {@code floor}: a raw Jackson streaming pass over the same text (every token read, every
 * string decoded, nothing built). Time is per message (the mean over the venue's samples). Target:
 * each venue's parse <= 1.5 x its floor.
 *
 * <p>Adding a venue: its name in {@link Samples#venue}, its files in {@link ParseSamples#PUSHES}, and one
 * case in {@link ParseDecoders#forVenue} that builds its decoder. Only the venues whose connectors are
 * on main are listed; the Deribit case is written (by class name) and is switched on by adding its name
 * to {@link Samples#venue} when {@code venue.deribit} arrives.
 *
 * <pre>
 * ./mvnw -Pbench -DskipTests test-compile exec:exec -Dbench=ParseBenchmark
 * # allocation profile: add -prof gc through JMH's own arguments, e.g. run the class path by hand:
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ParseBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    private static final JsonFactory JSON = new JsonFactory();

    /** One venue's samples and decoder. */
    @State(Scope.Thread)
    public static class Samples {
        @Param({"binance", "bybit", "okx"})
        public String venue;
        List<String> texts;
        ParseDecoders.FrameDecoder decoder;
        int next;

        /** Loads the samples and proves the decoder turns every one into engine events, not errors. */
        @Setup
        public void load() throws Throwable {
            texts = ParseSamples.pushes(venue);
            decoder = ParseDecoders.forVenue(venue);
            for (String text : texts) {
                List<VenueEvent> events = decoder.decode(text, 1);
                if (events.isEmpty() || events.stream().anyMatch(e -> e instanceof VenueEvent.ErrorReport)) {
                    throw new IllegalStateException(venue + " decoder did not turn a documented sample into "
                            + "engine events: " + events);
                }
            }
        }

        String nextText() {
            String t = texts.get(next);
            next = next + 1 == texts.size() ? 0 : next + 1;
            return t;
        }
    }

    /** Every token read and every string decoded, nothing built: the cost any Jackson-based parser pays. */
    @Benchmark
    public int floor(Samples samples) throws IOException {
        return tokens(samples.nextText());
    }

    /** The venue's production decoder: text frame -> the engine events its connector would submit. */
    @Benchmark
    public List<VenueEvent> parse(Samples samples) throws Throwable {
        return samples.decoder.decode(samples.nextText(), 1);
    }

    static int tokens(String text) throws IOException {
        int sum = 0;
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> sum += p.currentName().length();
                    case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> sum += p.getTextLength();
                    default -> sum++;
                }
            }
        }
        return sum;
    }
}
