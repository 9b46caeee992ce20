package io.legwatch.venue.binance;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.VenueEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Collects a connector's events; waits for one by polling with a generous timeout (never by sleeping). */
final class EventLog implements Consumer<VenueEvent> {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(VenueEvent event) {
        events.add(event);
    }

    List<VenueEvent> all() {
        return List.copyOf(events);
    }

    int size() {
        return events.size();
    }

    /** The first event at or after {@code from} matching {@code type} and {@code test}. */
    <T extends VenueEvent> T await(int from, Class<T> type, Predicate<T> test, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = from; i < events.size(); i++) {
                VenueEvent e = events.get(i);
                if (type.isInstance(e) && test.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what + "; events: " + describe(from));
    }

    VenueEvent.StatusChange awaitState(int from, ConnectionState state) {
        return await(from, VenueEvent.StatusChange.class, s -> s.state() == state, "status " + state);
    }

    private String describe(int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(from, events.size() - 30); i < events.size(); i++) {
            sb.append("\n  ").append(events.get(i));
        }
        return sb.toString();
    }
}
