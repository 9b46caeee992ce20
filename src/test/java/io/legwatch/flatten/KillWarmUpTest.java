package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import io.legwatch.journal.Journal;
import io.legwatch.testing.StubVenue;
import io.legwatch.venue.OrderGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the engine shows a venue trusted the kill switch warms the kill path up: it reads (instruments,
 * positions, open orders), has the gateway build and sign a sample order without sending it, and runs
 * one dry kill against an in-memory stand-in. The real venue's gateway is never asked to place, cancel
 * or arm anything.
 */
class KillWarmUpTest {
    private static final VenueId VENUE = VenueId.of("warm");
    private static final Instrument PERP = new Instrument(VENUE, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1, 0.001);

    @TempDir
    Path dir;

    @Test
    void aTrustedVenueIsWarmedUpWithReadsAndADryRunOnlyNeverAWrite() throws Exception {
        Venue venue = new Venue();
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(venue)).snapshots(() -> snapshot(
                     ConnectionState.CONNECTED)).journal(journal).build()) {
            ks.onSnapshot(snapshot(ConnectionState.DOWN));
            ks.plan(KillScope.global()); // a round trip: nothing is queued for a venue that is down
            assertThat(venue.reads.get()).isZero();

            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            ks.warmedUp().get(10, TimeUnit.SECONDS);

            assertThat(venue.writes).as("orders, cancels or dead-man arms sent to the real venue").isEmpty();
            assertThat(venue.warmedWith).containsExactly(PERP.key()); // the venue's position's instrument
            assertThat(venue.reads.get()).isGreaterThanOrEqualTo(2 * VenueAccess.WARM_CONNECTIONS);
            assertThat(venue.instrumentLoads.get()).isEqualTo(1);
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            ks.plan(KillScope.global());
            assertThat(venue.warmedWith).as("once per venue").hasSize(1);
        }
    }

    @Test
    void aWarmedUpTrustedVenueGetsAKeepWarmReadEveryPeriodAndNoWrite() throws Exception {
        Venue venue = new Venue();
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(venue)).snapshots(() -> snapshot(
                     ConnectionState.CONNECTED)).journal(journal).keepWarm(Duration.ofMillis(20)).build()) {
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            ks.warmedUp().get(10, TimeUnit.SECONDS);
            int afterWarmUp = venue.reads.get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (venue.reads.get() < afterWarmUp + 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(venue.reads.get()).as("three keep-warm reads (orders + positions each)")
                    .isGreaterThanOrEqualTo(afterWarmUp + 6);
            assertThat(venue.writes).isEmpty();
        }
    }

    @Test
    void withTheWarmUpOffNothingButTheInstrumentListIsRead() throws Exception {
        Venue venue = new Venue();
        try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(venue)).snapshots(() -> snapshot(
                     ConnectionState.CONNECTED)).journal(journal).warmUp(false).build()) {
            ks.onSnapshot(snapshot(ConnectionState.CONNECTED));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (venue.instrumentLoads.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            ks.plan(KillScope.global());
            assertThat(venue.instrumentLoads.get()).isEqualTo(1);
            assertThat(venue.reads.get()).isZero();
            assertThat(venue.warmedWith).isEmpty();
            assertThat(venue.writes).isEmpty();
        }
    }

    private static MonitorSnapshot snapshot(ConnectionState state) {
        return new MonitorSnapshot(1, 0, List.of(), List.of(), List.of(),
                Map.of(VENUE, new VenueView(VENUE, state, "", 0, null, 0)), 0);
    }

    /** A venue holding one position that records every call; its gateway records what would be a write. */
    private static final class Venue extends StubVenue implements OrderGateway {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger instrumentLoads = new AtomicInteger();
        final Queue<String> writes = new ConcurrentLinkedQueue<>();
        final Queue<InstrumentKey> warmedWith = new ConcurrentLinkedQueue<>();

        Venue() {
            super(VENUE);
        }

        @Override
        public CompletableFuture<List<Instrument>> instruments() {
            instrumentLoads.incrementAndGet();
            return CompletableFuture.completedFuture(List.of(
                    new Instrument(VENUE, "ETHUSDT", "ETH", InstrumentKind.LINEAR, 1, 0.01), PERP));
        }

        @Override
        public CompletableFuture<List<Position>> fetchPositions() {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(List.of(new Position(PERP.key(), 0.5, 60_000, Double.NaN)));
        }

        @Override
        public CompletableFuture<List<Order>> fetchOpenOrders() {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public Optional<OrderGateway> orders() {
            return Optional.of(this);
        }

        @Override
        public CompletableFuture<Order> place(OrderRequest request) {
            writes.add("place " + request);
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
            writes.add("cancel " + instrument);
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> armDeadMan(Duration timeout) {
            writes.add("arm " + timeout);
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<Void> warmUp(InstrumentKey instrument) {
            warmedWith.add(instrument);
            return CompletableFuture.completedFuture(null);
        }
    }
}
