package io.legwatch.flatten;

import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.sim.InProcessConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static io.legwatch.sim.SimExchange.SIM_B;
import static io.legwatch.sim.SimExchange.SIM_C;
import static org.assertj.core.api.Assertions.assertThat;

class DeadManSwitchesSimTest extends SimWorldTest {
    DeadManSwitches switches;

    @AfterEach
    void close() {
        switches.close();
    }

    private DeadManSwitches.State state(VenueId v) {
        return switches.states().stream().filter(s -> s.venue().equals(v)).findFirst().orElseThrow();
    }

    @Test
    void armedAndRefreshedWhileConnectedCancelOrdersNotPositionsWhenLegwatchGoesSilent() {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        List<InProcessConnector> venues = new ArrayList<>(world.connectors.values());
        venues.set(2, new InProcessConnector(world.sim, SIM_C, true)); // monitor-only: nothing to arm
        switches = new DeadManSwitches(venues, world.clock, Duration.ofSeconds(10), Duration.ofSeconds(3));
        assertThat(DeadManSwitches.WARNING).contains("do NOT close positions");
        assertThat(state(SIM_A).status()).isEqualTo(DeadManSwitches.Status.DISARMED);

        await(() -> world.monitor.snapshot().venues().size() == 3, "engine sees the venues");
        switches.onSnapshot(world.monitor.snapshot());
        await(() -> state(SIM_A).status() == DeadManSwitches.Status.ARMED, "armed");
        assertThat(state(SIM_A).firesInMs()).isEqualTo(10_000);
        assertThat(state(SIM_B).status()).isEqualTo(DeadManSwitches.Status.ARMED);
        assertThat(state(SIM_C).status()).isEqualTo(DeadManSwitches.Status.MONITOR_ONLY);

        world.clock.advance(2_000);
        switches.tick();
        assertThat(state(SIM_A).firesInMs()).isEqualTo(8_000);      // not due yet: no refresh
        world.clock.advance(1_000);
        switches.tick();
        await(() -> state(SIM_A).firesInMs() == 10_000, "refreshed");

        // Legwatch goes silent (no more refreshes): the venue cancels our open orders, not the position.
        world.trade(SPOT, Side.BUY, 1.0);
        world.sim.place(new OrderRequest(SPOT, Side.BUY, 0.5, OrderType.LIMIT, 30_000, false, "bot-rest")).join();
        assertThat(world.sim.openOrders(SIM_A)).hasSize(1);
        world.sim.advance(Duration.ofSeconds(11));
        assertThat(world.sim.openOrders(SIM_A)).isEmpty();
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);

        world.sim.faults(SIM_B).disconnect();
        await(() -> !world.monitor.snapshot().venues().get(SIM_B).state().trusted(), "engine sees sim-b down");
        switches.onSnapshot(world.monitor.snapshot());
        assertThat(state(SIM_B).status()).isEqualTo(DeadManSwitches.Status.VENUE_DOWN);
        world.clock.advance(4_000);
        // last refreshed 4 s ago: the exchange's timer runs out on its own
        assertThat(state(SIM_B).firesInMs()).isEqualTo(6_000);

        world.sim.faults(SIM_B).heal();
        await(() -> world.monitor.snapshot().venues().get(SIM_B).state().trusted(), "engine sees sim-b back");
        switches.onSnapshot(world.monitor.snapshot());
        await(() -> state(SIM_B).status() == DeadManSwitches.Status.ARMED, "re-armed on reconnect");
        assertThat(state(SIM_B).firesInMs()).isEqualTo(10_000);
    }
}
