package io.legwatch.flatten;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After close nothing hangs: a new kill fails at once, an unfinished one completes saying so. */
class KillSwitchCloseSimTest extends SimWorldTest {
    @Test
    void executeAfterCloseFailsAtOnceAndRegistersNothing() {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS));
        world.killSwitch.close();

        assertThatThrownBy(() -> world.killSwitch.execute(plan, "user:test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kill switch is closed")
                .hasMessageContaining(plan.flattenId());
        // A second try is not handed a dead handle left behind by the first.
        assertThatThrownBy(() -> world.killSwitch.execute(plan, "user:test")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> world.killSwitch.flatten(KillScope.strategy(BASIS), "auto:test"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(world.killSwitch.handles()).isEmpty();
        assertThat(world.venueQty(SimWorld.SPOT)).isEqualTo(1.0);
    }

    @Test
    void closeCompletesAnUnfinishedFlattenSoNobodyWaitsForever() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).disconnect(); // the flatten queues for the venue and cannot finish
        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        await(() -> h.progress().legs().stream().anyMatch(l -> l.phase() == LegPhase.WAITING_FOR_VENUE),
                "the spot leg waits for its venue");

        world.killSwitch.close();

        assertThat(h.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> h.result().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                .cause().hasMessageContaining("kill switch closed before the flatten finished: check the venues");
        assertThatThrownBy(() -> h.result().join()).isInstanceOf(CompletionException.class);
        assertThat(h.progress().done()).isFalse(); // progress still answers, showing what was left
    }
}
