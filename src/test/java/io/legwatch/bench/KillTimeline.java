package io.legwatch.bench;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueId;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The venue calls of one kill, as {@link TimedConnector} saw them, folded into per-step figures: when
 * the last cancel went out and was answered, when every leg had its fresh read back, when the last
 * first order went out, when the last order's answer (the fill) was seen, and click -> verified.
 * Also the latency of each kind of call per venue, over all measured kills.
 */
final class KillTimeline {
    enum Call { INSTRUMENTS, CANCEL, POSITIONS, OPEN_ORDERS, PLACE }

    private record Event(Call call, VenueId venue, InstrumentKey instrument, long start, long end) {
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final Map<String, Histogram> steps = new HashMap<>();
    private final List<String> stepOrder = new ArrayList<>();
    private final Map<String, Histogram> calls = new TreeMap<>();
    private final Map<String, Histogram> counts = new TreeMap<>();
    private volatile boolean recording;

    <T> CompletableFuture<T> track(Call call, VenueId venue, InstrumentKey instrument, long start,
                                   CompletableFuture<T> f) {
        if (recording) {
            f.whenComplete((v, e) -> events.add(new Event(call, venue, instrument, start, System.nanoTime())));
        }
        return f;
    }

    /** Starts collecting the calls of the next kill (everything before is dropped). */
    void begin() {
        events.clear();
        recording = true;
    }

    /**
     * Ends the kill clicked at {@code t0} and verified at {@code verified}; when {@code keep} the
     * figures go into the histograms (warm-up kills are dropped).
     */
    Map<String, Long> end(long t0, long verified, boolean keep) {
        recording = false;
        List<Event> all = new ArrayList<>(events);
        long instrumentsLoaded = t0;
        long cancelsOut = 0;
        long cancelsAnswered = 0;
        Map<InstrumentKey, Long> cancelEnd = new HashMap<>();
        Map<InstrumentKey, Long> firstPlaceStart = new HashMap<>();
        Map<InstrumentKey, Long> lastPlaceEnd = new HashMap<>();
        Map<String, Integer> perKill = new TreeMap<>();
        for (Event e : all) {
            perKill.merge(e.call().name().toLowerCase(Locale.ROOT) + " calls per kill", 1, Integer::sum);
            if (keep) {
                calls.computeIfAbsent(e.call() + " " + e.venue(), k -> histogram()).recordValue(e.end() - e.start());
            }
            switch (e.call()) {
                case CANCEL -> {
                    cancelsOut = Math.max(cancelsOut, e.start());
                    cancelsAnswered = Math.max(cancelsAnswered, e.end());
                    cancelEnd.merge(e.instrument(), e.end(), Math::max);
                }
                case INSTRUMENTS -> instrumentsLoaded = Math.max(instrumentsLoaded, e.end());
                case PLACE -> {
                    firstPlaceStart.merge(e.instrument(), e.start(), Math::min);
                    lastPlaceEnd.merge(e.instrument(), e.end(), Math::max);
                }
                default -> {
                }
            }
        }
        // A leg's fresh read: the first positions read on its venue that started after its cancel was answered.
        long readsBack = 0;
        for (Map.Entry<InstrumentKey, Long> c : cancelEnd.entrySet()) {
            long back = Long.MAX_VALUE;
            for (Event e : all) {
                if (e.call() == Call.POSITIONS && e.venue().equals(c.getKey().venue()) && e.start() >= c.getValue()) {
                    back = Math.min(back, e.end());
                }
            }
            if (back != Long.MAX_VALUE) {
                readsBack = Math.max(readsBack, back);
            }
        }
        long ordersOut = firstPlaceStart.values().stream().mapToLong(Long::longValue).max().orElse(t0);
        long fillsSeen = lastPlaceEnd.values().stream().mapToLong(Long::longValue).max().orElse(t0);
        Map<String, Long> split = new LinkedHashMap<>();
        split.put("click -> instrument lists loaded (first kill only)", instrumentsLoaded - t0);
        split.put("click -> last cancel sent", cancelsOut - t0);
        split.put("click -> last cancel answered", cancelsAnswered - t0);
        split.put("click -> every leg's fresh read back", readsBack - t0);
        split.put("click -> last first flatten order sent", ordersOut - t0);
        split.put("click -> last order answered (fill seen)", fillsSeen - t0);
        split.put("click -> verified FLAT (verifying reads, fsync)", verified - t0);
        if (keep) {
            split.forEach(this::step);
            perKill.forEach((what, n) -> counts.computeIfAbsent(what, k -> new Histogram(3)).recordValue(n));
        }
        return split;
    }

    private void step(String what, long nanos) {
        if (!steps.containsKey(what)) {
            stepOrder.add(what);
        }
        steps.computeIfAbsent(what, k -> histogram()).recordValue(Math.max(0, nanos));
    }

    void report(PrintWriter out) {
        out.println("  per step (each line: the step finished for every leg, from the click)");
        for (String s : stepOrder) {
            KillWireHarness.line(out, s, steps.get(s));
        }
        out.println("  latency of one venue call (issued -> answered), all measured kills");
        calls.forEach((what, h) -> KillWireHarness.line(out, what.toLowerCase(Locale.ROOT)
                + " (n=" + h.getTotalCount() + ")", h));
        out.println("  venue calls per kill");
        counts.forEach((what, h) -> out.printf(Locale.ROOT, "    %-46s p50 %4d  max %4d%n", what,
                h.getValueAtPercentile(50), h.getMaxValue()));
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    }
}
