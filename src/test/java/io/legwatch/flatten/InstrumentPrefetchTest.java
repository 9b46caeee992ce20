package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import io.legwatch.journal.Journal;
import io.legwatch.testing.StubVenue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch loads a venue's instrument list as soon as the engine shows the venue trusted, once,
 * so the first kill does not wait for it before its first cancel.
 */
class InstrumentPrefetchTest {
    private static final VenueId VENUE = VenueId.of("test");

    @TempDir
    Path dir;

    @Test
    void aTrustedVenuesInstrumentsAreLoadedOnceBeforeAnyKill() throws Exception {
        Venue venue = new Venue();
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(venue)).snapshots(() -> snapshot(
                     ConnectionState.CONNECTED)).journal(journal).build()) {
            ks.onSnapshot(snapshot(ConnectionState.DOWN));
            assertThat(venue.loads.get()).as("not while the venue is down").isZero();

            venue.answer = new CompletableFuture<>();
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            waitFor(() -> venue.loads.get() == 1);
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED)); // still loading: not asked again
            venue.answer.complete(List.of(new Instrument(VENUE, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1, 0.001)));
            for (int i = 0; i < 3; i++) {
                ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            }
            ks.plan(KillScope.global()); // a round trip through the kill switch's executor
            Thread.sleep(50); // a second load, if any, would have been queued by now
            assertThat(venue.loads.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailedLoadIsTriedAgainOnALaterSnapshot() throws Exception {
        Venue venue = new Venue();
        venue.answer = CompletableFuture.failedFuture(new IllegalStateException("venue busy"));
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(venue)).snapshots(() -> snapshot(
                     ConnectionState.CONNECTED)).journal(journal).build()) {
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            waitFor(() -> venue.loads.get() == 1);
            venue.answer = CompletableFuture.completedFuture(List.of());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (venue.loads.get() < 2 && System.nanoTime() < deadline) {
                ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
                Thread.sleep(5);
            }
            assertThat(venue.loads.get()).isEqualTo(2);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ok.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(ok.getAsBoolean()).isTrue();
    }

    private static MonitorSnapshot snapshot(ConnectionState state) {
        return new MonitorSnapshot(1, 0, List.of(), List.of(), List.of(),
                Map.of(VENUE, new VenueView(VENUE, state, "", 0, null, 0)), 0);
    }

    private static final class Venue extends StubVenue {
        final AtomicInteger loads = new AtomicInteger();
        volatile CompletableFuture<List<Instrument>> answer = CompletableFuture.completedFuture(List.of());

        Venue() {
            super(VENUE);
        }

        @Override
        public CompletableFuture<List<Instrument>> instruments() {
            loads.incrementAndGet();
            return answer;
        }
    }
}
