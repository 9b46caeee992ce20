package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.PERP;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_B;
import static org.assertj.core.api.Assertions.assertThat;

/** Automatic policies on the real engine's snapshots, acting on the simulator through the kill switch. */
class AutoFlattenSimTest extends SimWorldTest {
    AutoFlattenPolicy policy;
    final List<String> alerts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        AutoActions real = AutoActions.of(world.killSwitch, a -> alerts.add(a.message()), world.clock);
        policy = new AutoFlattenPolicy(world.clock, real, VenueDownRule.OFF, world.journal);
        policy.setRule(BASIS, new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 3,
                Duration.ofMinutes(10)));
        policy.armGlobally(true, "user:test");
        world.monitor.addSnapshotListener(policy::onSnapshot);
    }

    @AfterEach
    void close() {
        policy.close();
    }

    @Test
    void firesAfterTheGracePeriodButNotOnAOneTickBlip() throws Exception {
        // Blip: naked for one moment, hedged again before the 5 s are up.
        world.nakedLong(1.0);
        world.trade(PERP, Side.SELL, 1.0);
        world.awaitStatus(HedgeStatus.HEDGED);
        world.clock.advance(10_000);
        policy.tick();
        assertThat(world.killSwitch.handles()).isEmpty();
        assertThat(policy.state().strategies().get(0).firesInMs()).isEqualTo(-1);

        // Sustained: the perp leg is lost and stays lost.
        world.trade(PERP, Side.BUY, 1.0);
        world.awaitStatus(HedgeStatus.LEGGING);
        world.clock.advance(1_500);
        world.awaitStatus(HedgeStatus.NAKED);
        await(() -> policy.state().strategies().get(0).firesInMs() >= 0, "policy sees the naked strategy");
        world.clock.advance(2_000);
        policy.tick();
        assertThat(world.killSwitch.handles()).isEmpty();
        assertThat(policy.state().strategies().get(0).firesInMs()).isPositive();

        world.clock.advance(3_500);
        policy.tick();
        await(() -> !world.killSwitch.handles().isEmpty(), "auto flatten fired");
        KillHandle h = world.killSwitch.handles().get(0);
        assertThat(h.firedBy()).startsWith("auto:");
        assertThat(h.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(world.killSwitch.handles()).hasSize(1);
        assertThat(policy.state().strategies().get(0).attemptsInWindow()).isEqualTo(1);
    }

    @Test
    void venueDownFlattensTheStrategyLegsOnTheSurvivingVenues() throws Exception {
        policy.setVenueDownRule(new VenueDownRule(true, Duration.ofSeconds(10)));
        world.trade(SPOT, Side.BUY, 1.0);
        world.trade(PERP, Side.SELL, 1.0);
        await(() -> world.qtyInSnapshot(PERP) == -1.0, "engine sees both legs");
        world.awaitStatus(HedgeStatus.HEDGED);

        world.sim.faults(SIM_B).disconnect();
        world.awaitStatus(HedgeStatus.UNKNOWN);
        await(() -> policy.state().venues().stream().anyMatch(v -> v.venue().equals(SIM_B) && v.down()),
                "policy sees sim-b down");
        world.clock.advance(5_000);
        policy.tick();
        assertThat(world.killSwitch.handles()).isEmpty();

        world.clock.advance(6_000);
        policy.tick();
        await(() -> !world.killSwitch.handles().isEmpty(), "venue-down flatten fired");
        KillHandle h = world.killSwitch.handles().get(0);
        assertThat(h.plan().scope()).isEqualTo(KillScope.leg(BASIS, "spot"));
        assertThat(h.firedBy()).startsWith("auto:venue " + SIM_B + " down");
        assertThat(h.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(world.venueQty(PERP)).isEqualTo(-1.0); // untouched: its venue is unreachable
        policy.tick();
        assertThat(world.killSwitch.handles()).hasSize(1); // once per outage
    }
}
