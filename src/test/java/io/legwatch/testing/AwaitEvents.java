package io.legwatch.testing;

import io.legwatch.domain.VenueEvent;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waiting for a connector under test to emit an event, in a list its sink appends to. */
public final class AwaitEvents {
    private AwaitEvents() {
    }

    /** The first event of {@code type} matching {@code match}, polled every 10 ms for up to 15 s. */
    public static <T extends VenueEvent> T first(List<VenueEvent> events, Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (VenueEvent e : List.copyOf(events)) {
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            Await.sleep(10);
        }
        throw new AssertionError("timed out waiting for a " + type.getSimpleName() + "; saw " + events);
    }
}
