package io.legwatch.sim.demo;

import io.legwatch.domain.Exposure;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Position;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legwatch.sim.demo.DemoScenario.BTC_BASIS;
import static io.legwatch.sim.demo.DemoScenario.BTC_OPTION_HEDGE;
import static io.legwatch.sim.demo.DemoScenario.ETH_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;

class DemoWorldTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final TimeSource FIXED = new TimeSource() {
        @Override
        public long millis() {
            return T0;
        }

        @Override
        public long nanos() {
            return 0;
        }
    };

    private final DemoWorld world = DemoWorld.create(2024, FIXED);
    private final SimExchange sim = world.exchange();

    /** Net and gross USD delta of a strategy, computed the way the design defines exposure. */
    private double[] netAndGross(String strategyId) {
        Strategy s = world.scenario().plan(strategyId).orElseThrow().strategy();
        double net = 0;
        double gross = 0;
        for (Leg leg : s.legs()) {
            Instrument i = sim.instrument(leg.instrument()).orElseThrow();
            Position p = sim.position(leg.instrument());
            Exposure e = Exposure.of(i, p.qty(), p.markPrice(), p.venueDelta());
            net += e.usd();
            gross += Math.abs(e.usd());
        }
        return new double[] {net, gross};
    }

    private boolean hedged(String strategyId) {
        double[] ng = netAndGross(strategyId);
        return DemoScenario.TOLERANCE.within(ng[0], ng[1]);
    }

    @Test
    void openingLeavesEveryStrategyHedgedWithNotionalInTheDemoRange() {
        world.advance(Duration.ofMillis(100));
        for (String id : List.of(BTC_BASIS, ETH_FUNDING, BTC_OPTION_HEDGE)) {
            double[] ng = netAndGross(id);
            assertThat(hedged(id)).as("%s net %.0f gross %.0f", id, ng[0], ng[1]).isTrue();
            assertThat(ng[1] / 2).as(id + " per-leg notional").isBetween(100_000.0, 1_000_000.0);
            for (Leg leg : world.scenario().plan(id).orElseThrow().strategy().legs()) {
                assertThat(Math.signum(sim.position(leg.instrument()).qty())).isEqualTo(leg.intendedSide().sign());
            }
        }
    }

    @Test
    void rebalancesLegBrieflyAndReturnToHedged() {
        world.advance(Duration.ofMillis(100));
        List<Integer> outRuns = new ArrayList<>();
        int run = 0;
        for (int i = 0; i < 600; i++) { // 60 s of sim time
            world.advance(Duration.ofMillis(100));
            if (!hedged(BTC_BASIS) || !hedged(ETH_FUNDING) || !hedged(BTC_OPTION_HEDGE)) {
                run++;
            } else if (run > 0) {
                outRuns.add(run);
                run = 0;
            }
        }
        assertThat(outRuns).as("LEGGING episodes").hasSizeGreaterThan(5);
        assertThat(outRuns).as("every episode shorter than the 3 s grace (30 ticks)").allMatch(r -> r < 30);
        assertThat(world.trader().states()).allMatch(s -> s.lastError() == null);
    }

    @Test
    void aRejectedHedgeDuringARebalanceLeavesTheStrategyNakedUntilTheNextRebalance() {
        world.trader().halt(ETH_FUNDING); // keep sim-b's other strategy from taking the injected rejection
        world.advance(Duration.ofMillis(100));
        while (!world.trader().state(BTC_BASIS).orElseThrow().hedgePending()) {
            world.advance(Duration.ofMillis(100));
        }
        var hedgeLeg = world.scenario().plan(BTC_BASIS).orElseThrow().hedge().instrument();
        double hedgeBefore = sim.position(hedgeLeg).qty();
        sim.faults(SimExchange.SIM_B).rejectNext(1, "10009", "not_enough_funds");
        while (world.trader().state(BTC_BASIS).orElseThrow().hedgePending()) {
            world.advance(Duration.ofMillis(100));
        }
        assertThat(world.trader().state(BTC_BASIS).orElseThrow().lastError()).contains("10009", "not_enough_funds");
        assertThat(hedged(BTC_BASIS)).isFalse();
        assertThat(sim.position(hedgeLeg).qty()).isEqualTo(hedgeBefore);

        // no immediate retry: still naked past the grace period
        world.advance(Duration.ofSeconds(3));
        assertThat(hedged(BTC_BASIS)).isFalse();
        assertThat(sim.position(hedgeLeg).qty()).isEqualTo(hedgeBefore);

        // the next rebalance, on a healthy venue, hedges again
        long next = world.trader().state(BTC_BASIS).orElseThrow().nextRebalanceMs();
        world.advance(Duration.ofMillis(next - sim.nowMs() + 1_500));
        assertThat(hedged(BTC_BASIS)).isTrue();
    }

    @Test
    void noRebalanceWhileALegVenueIsDownThenRepairAfterHeal() {
        world.advance(Duration.ofMillis(100));
        sim.faults(SimExchange.SIM_C).disconnect();
        var callLeg = world.scenario().plan(BTC_OPTION_HEDGE).orElseThrow().primary().instrument();
        double calls = sim.position(callLeg).qty();
        world.advance(Duration.ofSeconds(20));
        assertThat(sim.position(callLeg).qty()).isEqualTo(calls);
        sim.faults(SimExchange.SIM_C).heal();
        world.advance(Duration.ofSeconds(12));
        assertThat(hedged(BTC_OPTION_HEDGE)).isTrue();
        assertThat(hedged(ETH_FUNDING)).isTrue();
    }

    @Test
    void haltedStrategyIsNotTradedAnyMore() {
        world.advance(Duration.ofMillis(100));
        assertThat(world.trader().halt(BTC_BASIS)).isTrue();
        assertThat(world.trader().halt("not-a-demo-strategy")).isFalse();
        var legs = world.scenario().plan(BTC_BASIS).orElseThrow().strategy().legs();
        double a = sim.position(legs.get(0).instrument()).qty();
        double b = sim.position(legs.get(1).instrument()).qty();
        world.advance(Duration.ofSeconds(30));
        assertThat(sim.position(legs.get(0).instrument()).qty()).isEqualTo(a);
        assertThat(sim.position(legs.get(1).instrument()).qty()).isEqualTo(b);
        world.trader().haltAll();
        assertThat(world.trader().states()).allMatch(DemoTrader.StrategyState::halted);
    }

    @Test
    void sameSeedSameTrading() {
        DemoWorld twin = DemoWorld.create(2024, FIXED);
        world.advance(Duration.ofSeconds(30));
        twin.advance(Duration.ofSeconds(30));
        for (var v : sim.venues()) {
            assertThat(twin.exchange().positions(v)).isEqualTo(sim.positions(v));
        }
    }

    @Test
    void runsInRealTimeOnItsClockThread() throws Exception {
        try (DemoWorld live = DemoWorld.create(5)) {
            live.start();
            assertThat(live.running()).isTrue();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (live.exchange().positions(SimExchange.SIM_A).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(live.exchange().positions(SimExchange.SIM_A)).isNotEmpty();
            live.stop();
            assertThat(live.running()).isFalse();
        }
    }
}
