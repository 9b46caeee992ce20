package io.legwatch.flatten;

import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.testing.StubVenue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link VenueAccess} shares fresh reads: never older than the question, coalesced while one is
 * out, and gathered behind the venue's outstanding cancels and orders (whose legs ask next).
 */
class VenueAccessReadTest {
    private final Venue venue = new Venue();
    private final VenueAccess access = new VenueAccess(venue, Duration.ofSeconds(30), TimeSource.SYSTEM);

    @Test
    void aReadAskedWithNothingOutStartsAtOnce() {
        CompletableFuture<VenueRead> r = access.freshRead();

        assertThat(venue.reads).hasSize(1);
        venue.answer(0);
        assertThat(r).isCompleted();
    }

    @Test
    void aReadAskedWhileAReadIsOutGetsTheNextOneNotTheRunningOne() {
        CompletableFuture<VenueRead> first = access.freshRead();
        CompletableFuture<VenueRead> second = access.freshRead();
        CompletableFuture<VenueRead> third = access.freshRead();
        assertThat(venue.reads).hasSize(1);

        venue.answer(0);

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(venue.reads).as("one more read serves both later callers").hasSize(2);
        venue.answer(1);
        assertThat(second).isCompleted();
        assertThat(third).isCompleted();
        assertThat(second.join().startedNanos()).isEqualTo(third.join().startedNanos());
    }

    @Test
    void aReadWaitsForTheVenuesOutstandingCallsAndThenServesEveryLegOnce() {
        CompletableFuture<Integer> cancelA = new CompletableFuture<>();
        CompletableFuture<Integer> cancelB = new CompletableFuture<>();
        List<CompletableFuture<VenueRead>> reads = new ArrayList<>();
        // Each leg holds the venue's reads, and handles its cancel's answer by asking for one (cancel -> read).
        access.hold();
        access.hold();
        access.call(() -> cancelA).thenRun(() -> reads.add(access.freshRead(true)));
        access.call(() -> cancelB).thenRun(() -> reads.add(access.freshRead(true)));

        cancelA.complete(0);
        assertThat(reads).hasSize(1);
        assertThat(venue.reads).as("leg B's cancel is still out: its leg asks for a read next").isEmpty();

        cancelB.complete(0);
        assertThat(venue.reads).as("one read for both legs").hasSize(1);
        venue.answer(0);
        assertThat(reads).hasSize(2).allSatisfy(r -> assertThat(r).isCompleted());
    }

    @Test
    void aLegThatDoesNotReadAfterItsAnswerReleasesTheReadsWaitingForIt() {
        CompletableFuture<Integer> cancel = new CompletableFuture<>();
        access.hold();
        CompletableFuture<Integer> out = access.call(() -> cancel);
        CompletableFuture<VenueRead> r = access.freshRead();
        assertThat(venue.reads).isEmpty();

        cancel.completeExceptionally(new IllegalStateException("venue refused"));
        assertThat(out).isCompletedExceptionally();
        assertThat(venue.reads).as("not before the leg has handled the answer").isEmpty();
        access.settle(); // the leg backs off instead of reading

        assertThat(venue.reads).hasSize(1);
        venue.answer(0);
        assertThat(r).isCompleted();
    }

    @Test
    void aReadStopsWaitingForACallThatIsNotAnsweredAfterTheGatheringTime() throws Exception {
        CompletableFuture<Integer> never = new CompletableFuture<>();
        access.hold();
        access.call(() -> never);

        CompletableFuture<VenueRead> r = access.freshRead();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (venue.readCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(venue.readCount()).as("the read started although the call is still out").isEqualTo(1);
        assertThat(never).isNotDone();
        venue.answer(0);
        assertThat(r).isCompleted();
    }

    /** Reads answered by the test; no orders (the gateway calls above are plain futures). */
    private static final class Venue extends StubVenue {
        final List<CompletableFuture<List<Position>>> reads = new ArrayList<>();

        Venue() {
            super(VenueId.of("test"));
        }

        synchronized int readCount() {
            return reads.size();
        }

        void answer(int read) {
            CompletableFuture<List<Position>> f;
            synchronized (this) {
                f = reads.get(read);
            }
            f.complete(List.of());
        }

        @Override
        public synchronized CompletableFuture<List<Position>> fetchPositions() {
            CompletableFuture<List<Position>> f = new CompletableFuture<>();
            reads.add(f);
            return f;
        }
    }
}
