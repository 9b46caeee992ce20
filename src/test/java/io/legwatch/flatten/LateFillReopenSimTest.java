package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

/** Latching: a hedge fill that lands after the flatten was verified re-opens it. */
class LateFillReopenSimTest extends SimWorldTest {
    @Test
    void lateFillAfterVerifiedFlatReopensTheFlatten() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        // The trader's bot had an order in flight (slow ack) when the kill fired.
        world.sim.faults(SIM_A).delayAcks(Duration.ofMillis(500));
        world.sim.place(OrderRequest.market(SPOT, Side.BUY, 0.4, false, "bot-late"));
        world.sim.faults(SIM_A).delayAcks(Duration.ZERO);

        KillHandle first = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        KillResult r1 = first.result().get(30, TimeUnit.SECONDS);
        assertThat(r1.outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();

        world.sim.advance(Duration.ofMillis(600)); // the late fill lands: 0.4 BTC long again
        assertThat(world.venueQty(SPOT)).isEqualTo(0.4);

        await(() -> world.killSwitch.handles().size() == 2, "flatten re-opened");
        KillHandle second = world.killSwitch.handles().get(0);
        assertThat(second.firedBy()).isEqualTo("reopen:" + r1.plan().flattenId());
        assertThat(second.plan().scope()).isEqualTo(KillScope.strategy(BASIS));
        KillResult r2 = second.result().get(30, TimeUnit.SECONDS);
        assertThat(r2.outcome()).as(r2.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        world.awaitStatus(HedgeStatus.FLAT);
        await(() -> world.killSwitch.watchedScopes().contains(KillScope.strategy(BASIS)), "watched again");
    }

    @Test
    void releasingTheHaltMeansTheTraderTradesAgainOnPurposeSoTheWatchEnds() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test")
                .result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        await(() -> world.killSwitch.watchedScopes().contains(KillScope.strategy(BASIS)), "watched");

        assertThat(world.killSwitch.release(KillScope.strategy(BASIS), "user:test")).isEqualTo(1);

        assertThat(world.killSwitch.watchedScopes()).isEmpty();
    }
}
