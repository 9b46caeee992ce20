package io.legwatch.bench;

import io.legwatch.domain.VenueEvent;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 2 for a shared machine: the same work as {@link ParseBenchmark} (each venue's production
 * decoder vs the raw Jackson floor over its documented position and order pushes), timed in the
 * measuring thread's own CPU time ({@code ThreadMXBean}), so other processes taking the CPU do not
 * inflate it the way they inflate JMH's wall-clock figures. Median over rounds, ns per message.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.ParseCpuHarness -Dexec.args="binance bybit okx"
 * </pre>
 */
public final class ParseCpuHarness {
    private static final int ROUNDS = 9;
    private static final int WARMUP_ROUNDS = 6;
    private static final long MESSAGES_PER_ROUND = 50_000;

    private ParseCpuHarness() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> venues = args.length > 0 ? List.of(args) : List.of("binance", "bybit", "okx");
        System.out.println("venue     floor ns/msg   parse ns/msg   parse/floor   (CPU time, median of " + ROUNDS
                + " rounds of " + MESSAGES_PER_ROUND + " messages)");
        for (String venue : venues) {
            List<String> texts = ParseSamples.pushes(venue);
            ParseDecoders.FrameDecoder decoder = ParseDecoders.forVenue(venue);
            for (String text : texts) {
                List<VenueEvent> events = decoder.decode(text, 1);
                if (events.isEmpty() || events.stream().anyMatch(e -> e instanceof VenueEvent.ErrorReport)) {
                    throw new IllegalStateException(venue + ": a documented sample did not decode: " + events);
                }
            }
            double floor = median(texts, t -> ParseBenchmark.tokens(t));
            double parse = median(texts, t -> decoder.decode(t, 1).size());
            System.out.printf(Locale.ROOT, "%-9s %12.0f   %12.0f   %10.2fx%n", venue, floor, parse, parse / floor);
        }
    }

    private interface Work {
        int run(String text) throws Throwable;
    }

    private static double median(List<String> texts, Work work) throws Throwable {
        var threads = ManagementFactory.getThreadMXBean();
        double[] perMessage = new double[ROUNDS];
        long sink = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (long i = 0; i < MESSAGES_PER_ROUND; i++) {
                sink += work.run(texts.get((int) (i % texts.size())));
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            if (round >= 0) {
                perMessage[round] = (double) cpu / MESSAGES_PER_ROUND;
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        Arrays.sort(perMessage);
        return perMessage[ROUNDS / 2];
    }
}
