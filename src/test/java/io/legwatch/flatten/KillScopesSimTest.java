package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.sim.InProcessConnector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.PERP;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static io.legwatch.sim.SimExchange.SIM_B;
import static io.legwatch.sim.SimExchange.SIM_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scopes and modes: HALT gates, CANCEL leaves positions, venue/global take unassigned positions too. */
class KillScopesSimTest extends SimWorldTest {
    static final InstrumentKey ETH_C = new InstrumentKey(SIM_C, SimExchange.ETH_LINEAR);
    static final InstrumentKey INVERSE_A = new InstrumentKey(SIM_A, SimExchange.BTC_INVERSE);

    @Test
    void globalKillFlattensEveryVenueInParallelIncludingUnassignedPositions() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        world.trade(PERP, Side.SELL, 0.5);
        world.trade(ETH_C, Side.SELL, 3.0);       // unassigned, third venue
        world.trade(INVERSE_A, Side.BUY, 1000);   // unassigned inverse contracts
        await(() -> world.monitor.snapshot().unassigned().size() == 2, "engine sees the unassigned positions");

        FlattenPlan plan = world.killSwitch.plan(KillScope.global());
        assertThat(plan.legs()).extracting(PlanLeg::instrument).containsExactlyInAnyOrder(SPOT, PERP, ETH_C, INVERSE_A);
        assertThat(plan.venues()).containsExactly(SIM_A, SIM_B, SIM_C);
        assertThat(plan.lines().get(0)).startsWith("FLATTEN global - 4 instrument(s) on 3 venue(s)");

        KillResult r = world.killSwitch.execute(plan, "user:hotkey").result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        for (InstrumentKey k : List.of(SPOT, PERP, ETH_C, INVERSE_A)) {
            assertThat(world.venueQty(k)).as(k.toString()).isZero();
        }
        assertThat(r.receipts()).extracting(KillReceipt::venue).containsExactly(SIM_A, SIM_B, SIM_C);
        assertThat(r.receipts()).allSatisfy(k -> {
            assertThat(k.positionsZero()).isTrue();
            assertThat(k.openOrdersZero()).isTrue();
            assertThat(k.summary()).contains("position zero: yes (fetched)");
        });
    }

    @Test
    void venueScopeTouchesOnlyThatVenue() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        world.trade(PERP, Side.SELL, 1.0);
        await(() -> world.qtyInSnapshot(PERP) == -1.0, "engine sees both legs");
        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.venue(SIM_B)), "user:test")
                .result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(PERP)).isZero();
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);
    }

    @Test
    void cancelModeCancelsEverythingInScopeAndLeavesPositions() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        world.sim.place(new OrderRequest(SPOT, Side.BUY, 0.2, OrderType.LIMIT, 30_000, false, "bot-rest")).join();
        world.sim.placeStop(OrderRequest.market(SPOT, Side.SELL, 0.2, false, "bot-stop"), 20_000).join();
        await(() -> world.strategy().legs().get(0).openOrders() == 2, "engine sees the orders");

        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS), KillMode.CANCEL);
        assertThat(plan.legs()).allSatisfy(l -> assertThat(l.firstOrderType()).isNull());
        KillResult r = world.killSwitch.execute(plan, "user:test").result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.CANCELLED);
        assertThat(world.sim.openOrders(SIM_A)).isEmpty();
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);
        assertThat(r.receipts().get(0).ordersCancelled()).isEqualTo(2);
        assertThat(r.receipts().get(0).openOrdersZero()).isTrue();
        assertThat(r.receipts().get(0).positionsZero()).isNull();
        assertThat(world.journaledSends()).isEmpty();
    }

    @Test
    void haltBlocksRiskIncreasingOrdersUntilReleasedButLetsReduceOnlyThrough() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        await(() -> world.qtyInSnapshot(SPOT) == 1.0, "engine sees the position");
        TradingHalt halt = world.killSwitch.halt();
        OrderGateway gated = halt.gate(world.connectors.get(SIM_A));

        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS), KillMode.HALT),
                "user:test").result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.HALTED);
        assertThat(halt.blocks(SPOT)).isTrue();
        assertThat(halt.blocks(new InstrumentKey(SIM_A, SimExchange.ETH_SPOT))).isFalse();

        assertThatThrownBy(() -> gated.place(OrderRequest.market(SPOT, Side.BUY, 0.1, false, "lw-test-1")).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(VenueException.class)
                .satisfies(e -> {
                    VenueError err = ((VenueException) e).error();
                    assertThat(err.kind()).isEqualTo(VenueError.Kind.REJECTED);
                    assertThat(err.message()).contains("HALT");
                });
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);
        gated.place(OrderRequest.market(SPOT, Side.SELL, 0.1, true, "lw-test-2")).join();
        assertThat(world.venueQty(SPOT)).isEqualTo(0.9);

        assertThat(world.killSwitch.release(KillScope.strategy(BASIS), "user:test")).isEqualTo(1);
        // The release is journaled (and fsynced) on a flatten thread, not the caller's: wait for the line.
        await(() -> world.journalHasLine("\"action\":\"halt.release\"", "\"firedBy\":\"user:test\""),
                "halt release journaled with who fired it");
        gated.place(OrderRequest.market(SPOT, Side.BUY, 0.1, false, "lw-test-3")).join();
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);
    }

    @Test
    void monitorOnlyVenueFailsLoudlyWithoutSendingAnything() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        await(() -> world.qtyInSnapshot(SPOT) == 1.0, "engine sees the position");
        world.killSwitch.close();
        world.journal.close();
        world.connectors.put(SIM_A, new InProcessConnector(world.sim, SIM_A, true));
        world.killSwitch = world.newKillSwitch(FlattenLadderSimTest.FAST);

        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test")
                .result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.FAILED);
        assertThat(r.detail()).contains("monitor-only");
        assertThat(world.alarms).anySatisfy(a -> assertThat(a.kind()).isEqualTo(FlattenAlarm.Kind.FLATTEN_FAILED));
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);
        assertThat(world.journaledSends()).isEmpty();
    }

    @Test
    void unknownStrategyIsAClearErrorAtPlanTime() {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        assertThatThrownBy(() -> world.killSwitch.plan(KillScope.strategy("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no strategy nope");
        assertThatThrownBy(() -> world.killSwitch.plan(KillScope.leg(BASIS, "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no leg nope");
    }

    @Test
    void executingTheSamePlanTwiceFiresOnce() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.trade(SPOT, Side.BUY, 1.0);
        await(() -> world.qtyInSnapshot(SPOT) == 1.0, "engine sees the position");
        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS));
        KillHandle first = world.killSwitch.execute(plan, "user:test");
        KillHandle second = world.killSwitch.execute(plan, "user:test");
        assertThat(second).isSameAs(first);
        assertThat(first.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.journaledSends()).hasSize(1);
    }
}
