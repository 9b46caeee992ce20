package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.legwatch.flatten.SimWorld.PERP;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The late-fill watch of a scope spanning venues asks every venue with a suspect, not only the
 * first one: a late fill confirmed on one venue re-opens the flatten even while another venue
 * with a suspect position cannot be read.
 */
class LateFillOnEveryVenueSimTest extends SimWorldTest {
    /** The real connector, whose position reads fail while {@code failReads} is set (a REST outage, stream up). */
    static final class ReadsDown implements VenueConnector {
        final VenueConnector real;
        volatile boolean failReads;

        ReadsDown(VenueConnector real) {
            this.real = real;
        }

        @Override
        public VenueId venue() {
            return real.venue();
        }

        @Override
        public void start(Consumer<VenueEvent> sink) {
            real.start(sink);
        }

        @Override
        public void stop() {
            real.stop();
        }

        @Override
        public CompletableFuture<List<Instrument>> instruments() {
            return real.instruments();
        }

        @Override
        public CompletableFuture<List<Position>> fetchPositions() {
            return failReads ? CompletableFuture.failedFuture(new VenueException(new VenueError(venue(),
                    VenueError.Kind.NETWORK, null, "positions endpoint down (test)"))) : real.fetchPositions();
        }

        @Override
        public CompletableFuture<List<Order>> fetchOpenOrders() {
            return real.fetchOpenOrders();
        }

        @Override
        public Optional<OrderGateway> orders() {
            return real.orders();
        }
    }

    @ParameterizedTest(name = "reads of {0} are down")
    @ValueSource(strings = {"spot", "perp"})
    void aLateFillConfirmedOnOneVenueReopensWhileTheOtherCannotBeRead(String unreadable) throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        InstrumentKey down = unreadable.equals("spot") ? SPOT : PERP;
        InstrumentKey up = down == SPOT ? PERP : SPOT;
        world.killSwitch.close();
        java.util.Map<VenueId, ReadsDown> wrapped = new java.util.concurrent.ConcurrentHashMap<>();
        world.killSwitch = world.newKillSwitch(FlattenLadderSimTest.FAST, c -> {
            ReadsDown r = new ReadsDown(c);
            wrapped.put(c.venue(), r);
            return r;
        });
        // A hedged basis on two venues, killed globally and verified flat on both.
        world.trade(SPOT, Side.BUY, 1.0);
        world.trade(PERP, Side.SELL, 1.0);
        await(() -> world.qtyInSnapshot(SPOT) == 1.0 && world.qtyInSnapshot(PERP) == -1.0, "engine sees both legs");
        KillResult r1 = world.killSwitch.execute(world.killSwitch.plan(KillScope.global()), "user:test")
                .result().get(30, TimeUnit.SECONDS);
        assertThat(r1.outcome()).as(r1.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(r1.receipts()).hasSize(2);
        await(() -> world.killSwitch.watchedScopes().contains(KillScope.global()), "global scope watched");

        // One venue's reads go down, then late fills land on both venues: the engine shows both.
        wrapped.get(down.venue()).failReads = true;
        world.trade(down, Side.BUY, 0.4);
        await(() -> world.qtyInSnapshot(down) == 0.4, "engine sees the late fill on the unreadable venue");
        world.trade(up, Side.BUY, 0.3);

        await(() -> world.killSwitch.handles().size() == 2, "flatten re-opened on the readable venue's confirmation");
        KillHandle reopened = world.killSwitch.handles().get(0);
        assertThat(reopened.firedBy()).isEqualTo("reopen:" + r1.plan().flattenId());
        assertThat(world.journalHasLine("\"action\":\"reopen\"", up.toString())).isTrue();

        wrapped.get(down.venue()).failReads = false; // the venue answers again: the re-opened flatten finishes
        KillResult r2 = reopened.result().get(30, TimeUnit.SECONDS);
        assertThat(r2.outcome()).as(r2.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(world.venueQty(PERP)).isZero();
    }
}
