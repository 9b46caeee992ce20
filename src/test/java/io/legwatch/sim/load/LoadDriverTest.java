package io.legwatch.sim.load;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;
import io.legwatch.sim.SimExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadDriverTest {
    static final long T0 = 1_767_225_600_000L;
    static final LoadProfile SMALL = new LoadProfile(6, 4, 2_000, Duration.ofSeconds(10), 1.0, Duration.ofSeconds(1),
            Duration.ofSeconds(1), 7);

    private record World(SimExchange exchange, LoadUniverse universe, VenueMessageCounter counter, LoadDriver driver,
                         ManualClock clock) {
    }

    private static World world(LoadProfile profile) {
        SimExchange exchange = new SimExchange(profile.seed(), T0);
        LoadUniverse universe = LoadUniverse.of(profile, exchange);
        universe.install(exchange);
        VenueMessageCounter counter = VenueMessageCounter.attach(exchange);
        ManualClock clock = new ManualClock(T0);
        return new World(exchange, universe, counter, new LoadDriver(exchange, universe, clock), clock);
    }

    private static void runAll(World w, long stepNanos) {
        long end = w.driver.durationNanos();
        for (long t = stepNanos; t <= end; t += stepNanos) {
            w.clock.set(t);
            w.driver.step(t);
        }
    }

    private static double netQty(SimExchange exchange, Strategy strategy) {
        double net = 0;
        for (Leg leg : strategy.legs()) {
            net += exchange.position(leg.instrument()).qty();
        }
        return net;
    }

    @Test
    void universeGivesEveryLegItsOwnInstrumentSpreadOverTheVenues() {
        World w = world(SMALL);
        List<InstrumentKey> keys = w.universe.strategies().stream().flatMap(s -> s.legs().stream())
                .map(Leg::instrument).toList();
        assertThat(keys).hasSize(24).doesNotHaveDuplicates();
        assertThat(keys).extracting(InstrumentKey::venue).containsOnly(SimExchange.SIM_A, SimExchange.SIM_B,
                SimExchange.SIM_C);
        for (Strategy s : w.universe.strategies()) {
            assertThat(netQty(w.exchange, s)).isEqualTo(0.0);
            assertThat(s.tolerance().grace()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aLinearOnlyUniverseHasOnlyPerpsAndStillStartsHedged() {
        SimExchange exchange = new SimExchange(1, T0);
        LoadUniverse universe = LoadUniverse.linearOnly(SMALL, exchange);
        universe.install(exchange);
        assertThat(universe.instruments()).extracting(i -> i.kind()).containsOnly(InstrumentKind.LINEAR);
        for (Strategy s : universe.strategies()) {
            assertThat(netQty(exchange, s)).isEqualTo(0.0);
        }
    }

    @Test
    void pushesTheProfilesTotalRateAndStopsAtTheEnd() {
        World w = world(SMALL);
        runAll(w, 10_000_000L);
        // 2,000 msg/s for 10 s, counted where a connector receives them
        assertThat(w.counter.total()).isBetween(19_600L, 20_400L);
        assertThat(w.driver.step(w.driver.durationNanos() + 1_000_000_000L)).isFalse();
        long after = w.counter.total();
        w.driver.step(Long.MAX_VALUE / 2);
        assertThat(w.counter.total()).isEqualTo(after); // nothing past the duration
        assertThat(w.driver.stats().droppedMessages()).isZero();
    }

    @Test
    void injectsFailuresAtTheKnownRateRecordsThemAndRepairsThemWithinTheRun() {
        World w = world(SMALL);
        // first failure due at 1 s: the moved leg is pushed, its partner is not
        w.clock.set(1_000_000_000L);
        w.driver.step(1_000_000_000L);
        InjectedFailure first = w.driver.failures().get(0);
        Strategy failed = w.universe.strategies().stream().filter(s -> s.id().equals(first.strategyId())).findFirst()
                .orElseThrow();
        assertThat(Math.abs(netQty(w.exchange, failed))).isEqualTo(Math.abs(first.movedQty()));
        assertThat(first.injectedNanos()).isEqualTo(1_000_000_000L);
        assertThat(first.missingLeg()).isNotEqualTo(first.movedLeg());

        runAll(w, 10_000_000L);
        List<InjectedFailure> failures = w.driver.failures();
        // one per second, none in the last grace + hold + 0.5 s so each is repaired in the run: 1 s ... 7 s
        assertThat(failures).hasSize(7);
        assertThat(failures).extracting(InjectedFailure::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        for (InjectedFailure f : failures) {
            assertThat(f.repaired()).isTrue();
            assertThat(f.repairedNanos() - f.injectedNanos()).isEqualTo(2_000_000_000L); // grace + hold
        }
        for (Strategy s : w.universe.strategies()) {
            assertThat(Math.abs(netQty(w.exchange, s))).isLessThan(1e-9); // hedged again
        }
    }

    @Test
    void sameSeedSameRun() {
        World a = world(SMALL);
        World b = world(SMALL);
        runAll(a, 10_000_000L);
        runAll(b, 10_000_000L);
        assertThat(b.driver.failures()).isEqualTo(a.driver.failures());
        assertThat(b.driver.stats()).isEqualTo(a.driver.stats());
        assertThat(b.counter.total()).isEqualTo(a.counter.total());
    }

    @Test
    void fallingBehindDropsScheduleInsteadOfBursting() {
        World w = world(SMALL.withFailuresPerSecond(0));
        w.driver.step(5_000_000_000L);
        LoadStats stats = w.driver.stats();
        double movesPerSecond = SMALL.messagesPerSecond() - w.driver.baseMessagesPerSecond();
        // at most 100 ms of schedule made up in one go
        assertThat(stats.generatorMessages()).isBetween((long) (movesPerSecond * 0.1) - 2, (long) (movesPerSecond * 0.1) + 2);
        assertThat(stats.droppedMessages()).isGreaterThan((long) (movesPerSecond * 4.8));
    }

    @Test
    void refusesARateBelowWhatTheSimulatorPushesByItself() {
        SimExchange exchange = new SimExchange(1, T0);
        LoadUniverse universe = LoadUniverse.of(SMALL.withMessagesPerSecond(100), exchange);
        assertThatThrownBy(() -> new LoadDriver(exchange, universe, new ManualClock(T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too low for 24 legs");
    }
}
