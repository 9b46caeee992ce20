package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh venue read whose position quantity is not a finite number is no answer: the ladder must read
 * again, never size or side an order from it (Side.toReduce(NaN) is BUY, which on a long adds risk
 * wherever the venue does not enforce reduce-only). The first two position reads of sim-a here come
 * back with the quantity replaced; later reads are the venue's own.
 */
class NonFiniteVenueReadSimTest extends SimWorldTest {
    @ParameterizedTest(name = "venue read quantity {0}")
    @ValueSource(doubles = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void aNonFiniteReadIsReadAgainNotTradedOn(double badQty) throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        List<VenueConnector> venues = new ArrayList<>(world.connectors.values());
        venues.set(0, new BadReads(world.connectors.get(SIM_A), badQty, 2));
        world.killSwitch.close();
        world.killSwitch = KillSwitch.builder().venues(venues).snapshots(world.monitor::snapshot)
                .journal(world.journal).settings(FlattenLadderSimTest.FAST).alarms(world.alarms::add)
                .listener(FlattenListener.of(world.monitor)).build();

        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test")
                .result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        LegOutcome spot = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow()
                .legs().get(0);
        assertThat(spot.orders()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.request().side()).as(o.toString()).isEqualTo(Side.SELL));
    }

    /** sim-a, except that its first {@code bad} position reads report {@code qty} for every position. */
    private static final class BadReads implements VenueConnector {
        private final InProcessConnector real;
        private final double qty;
        private final AtomicInteger bad;

        BadReads(InProcessConnector real, double qty, int bad) {
            this.real = real;
            this.qty = qty;
            this.bad = new AtomicInteger(bad);
        }

        @Override
        public VenueId venue() {
            return real.venue();
        }

        @Override
        public void start(Consumer<VenueEvent> sink) {
            throw new UnsupportedOperationException("already started by the world");
        }

        @Override
        public void stop() {
        }

        @Override
        public CompletableFuture<List<Instrument>> instruments() {
            return real.instruments();
        }

        @Override
        public CompletableFuture<List<Position>> fetchPositions() {
            if (bad.getAndDecrement() <= 0) {
                return real.fetchPositions();
            }
            return real.fetchPositions().thenApply(list -> list.stream()
                    .map(p -> new Position(p.instrument(), qty, p.markPrice(), p.venueDelta())).toList());
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
}
