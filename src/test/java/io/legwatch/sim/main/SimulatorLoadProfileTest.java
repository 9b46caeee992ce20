package io.legwatch.sim.main;

import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.load.VenueMessageCounter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone simulator's load profile: its command line, and what it serves. */
class SimulatorLoadProfileTest {

    @Test
    void theLoadFlagsBecomeAProfileOnTheLoadAssignment() {
        SimulatorMain.Args args = SimulatorMain.Args.parse(new String[]{"--load", "12x3", "--rate", "4000",
                "--failures", "0.5", "--duration", "90s", "--seed", "9", "--report", "2s"});
        LoadProfile p = args.options().load();
        assertThat(p.strategies()).isEqualTo(12);
        assertThat(p.legsPerStrategy()).isEqualTo(3);
        assertThat(p.messagesPerSecond()).isEqualTo(4000);
        assertThat(p.failuresPerSecond()).isEqualTo(0.5);
        assertThat(p.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(p.seed()).isEqualTo(9);
        assertThat(args.report()).isEqualTo(Duration.ofSeconds(2));
        assertThat(args.options().assignment()).isEqualTo(ProtocolSimulator.LOAD_ASSIGNMENT);
        assertThat(args.options().demoTrader()).isFalse();
    }

    @Test
    void withoutLoadTheDemoAssignmentAndNoProfile() {
        SimulatorMain.Args args = SimulatorMain.Args.parse(new String[]{"--demo-trader"});
        assertThat(args.options().load()).isNull();
        assertThat(args.options().assignment()).isEqualTo(ProtocolSimulator.DEFAULT_ASSIGNMENT);
    }

    @Test
    void badLoadArgumentsSayWhatIsExpected() {
        assertThatThrownBy(() -> SimulatorMain.Args.parse(new String[]{"--load", "500"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STRATEGIESxLEGS");
        assertThatThrownBy(() -> SimulatorMain.Args.parse(new String[]{"--load", "5x4", "--duration", "10 minutes"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10m");
        assertThatThrownBy(() -> SimulatorMain.Args.parse(new String[]{"--load", "5x4", "--demo-trader"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo trader");
    }

    @Test
    void underLoadEveryStrategyIsServedOnTheFrontEndsAndTheVenuesPush() throws Exception {
        LoadProfile profile = LoadProfile.defaults().withStrategies(6).withLegsPerStrategy(4)
                .withMessagesPerSecond(2_000).withDuration(Duration.ofMinutes(1));
        ProtocolSimulator.Options options = new ProtocolSimulator.Options(5, false, 0, ProtocolSimulator.LOAD_ASSIGNMENT,
                profile);
        try (ProtocolSimulator sim = ProtocolSimulator.start(options, TimeSource.SYSTEM);
             VenueMessageCounter counter = VenueMessageCounter.attach(sim.exchange())) {
            Set<String> served = sim.served().stream().map(s -> s.venueId().value()).collect(Collectors.toSet());
            assertThat(served).containsExactlyInAnyOrder("bybit-sim", "binance-sim", "okx-sim");
            List<Strategy> strategies = sim.mappedStrategies();
            assertThat(strategies).hasSize(6);
            for (Strategy s : strategies) {
                assertThat(s.legs()).hasSize(4);
                for (Leg leg : s.legs()) {
                    assertThat(served).contains(leg.instrument().venue().value());
                }
            }
            // Binance serves perps only, so every leg is a linear perp on the simulator's accounts
            assertThat(sim.exchange().venues()).hasSize(3);
            assertThat(sim.exchange().venues()).allSatisfy(v -> assertThat(sim.exchange().instruments(v))
                    .allMatch(i -> !i.symbol().startsWith("LD-") || i.kind() == InstrumentKind.LINEAR));
            assertThat(sim.load()).hasValueSatisfying(l -> assertThat(l.running()).isTrue());
            assertThat(sim.streamTraffic().written()).isZero(); // no client yet
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (counter.total() < 500 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(counter.total()).as("venue messages pushed by the load").isGreaterThanOrEqualTo(500);
            assertThat(SimulatorMain.describe(sim.served(), strategies, options))
                    .anyMatch(l -> l.contains("the load generator moves them"))
                    .noneMatch(l -> l.contains("positions stay as they are"));
            assertThat(sim.served()).extracting(Served::restUrl).allMatch(u -> u.startsWith("http://127.0.0.1:"));
        }
    }
}
