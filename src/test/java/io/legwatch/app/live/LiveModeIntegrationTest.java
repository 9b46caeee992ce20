package io.legwatch.app.live;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.config.AppConfig;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Position;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.LegView;
import io.legwatch.engine.StrategyView;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import io.legwatch.sim.demo.DemoTrader;
import io.legwatch.sim.main.SimConfigWriter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Protocol;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over loopback: the protocol simulator with its demo trader, a config generated for it
 * and loaded through ConfigLoader, LiveMode with the production connectors, then a flatten through
 * the session API verified against the simulator.
 */
class LiveModeIntegrationTest {
    private ProtocolSimulator sim;
    private LiveMode live;

    @TempDir
    Path dir;

    static Stream<Map<Protocol, VenueId>> assignments() {
        return Stream.of(
                // Every demo strategy visible: OKX sim-a, Bybit sim-b, Deribit sim-c.
                ProtocolSimulator.DEFAULT_ASSIGNMENT,
                // Binance carries sim-b's ETHUSDT (eth-funding's long leg); OKX carries sim-c (its short leg).
                Map.of(Protocol.BINANCE, SimExchange.SIM_B, Protocol.OKX, SimExchange.SIM_C));
    }

    @AfterEach
    void tearDown() {
        if (live != null) {
            live.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest
    @MethodSource("assignments")
    void showsTheSimulatorsPositionsAndFlattensAStrategyThroughTheSession(Map<Protocol, VenueId> assignment)
            throws Exception {
        sim = ProtocolSimulator.start(new ProtocolSimulator.Options(11, true, 0, assignment), TimeSource.SYSTEM);
        DemoTrader trader = sim.trader().orElseThrow();
        List<Strategy> mapped = sim.mappedStrategies();
        assertThat(mapped).extracting(Strategy::id).contains(DemoScenario.ETH_FUNDING);
        // Let the trader open and hedge everything, then freeze it so positions hold still.
        await(() -> trader.states().stream().allMatch(s -> s.opened() && !s.hedgePending() && s.ordersInFlight() == 0),
                () -> "demo trader opened its strategies: " + trader.states());
        trader.haltAll();

        Path file = dir.resolve("sim-config.json");
        Files.writeString(file, SimConfigWriter.write(sim.served(), mapped));
        AppConfig config = ConfigLoader.load(file);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        live = new LiveMode(config, file.toString(), new CredentialResolver(Served.credentialEnvironment(sim.served())::get),
                dir.resolve("journal"), TimeSource.SYSTEM);
        live.start();

        for (Strategy s : mapped) {
            for (Leg leg : s.legs()) {
                InstrumentKey simKey = simKey(leg.instrument());
                await(() -> legShows(s.id(), leg, sim.exchange().position(simKey)),
                        () -> leg.instrument() + " shows the simulator's " + sim.exchange().position(simKey)
                                + "; snapshot: " + legView(s.id(), leg.instrument()));
            }
        }
        for (Strategy s : mapped) {
            // A leg's status is its strategy's once every leg's exposure is known.
            for (Leg leg : s.legs()) {
                assertThat(legView(s.id(), leg.instrument()).status()).as(leg.instrument().toString())
                        .isNotEqualTo(HedgeStatus.UNKNOWN);
            }
            await(() -> strategy(s.id()).status() == HedgeStatus.HEDGED,
                    () -> s.id() + " hedged: " + strategy(s.id()));
        }

        FlattenPreview preview = live.preview(new FlattenTarget.Strategy(DemoScenario.ETH_FUNDING, "ETH funding"));
        assertThat(preview.lines()).hasSize(2).allMatch(l -> l.sendsOrder() && l.reduceOnly());
        ActionReceipt receipt = live.execute(preview).get(30, TimeUnit.SECONDS);

        assertThat(receipt.verified()).as(receipt.detail()).isTrue();
        assertThat(receipt.venues()).hasSize(2).allMatch(v -> Boolean.TRUE.equals(v.positionsZero()));
        for (Leg leg : strategyConfig(mapped, DemoScenario.ETH_FUNDING).legs()) {
            assertThat(sim.exchange().position(simKey(leg.instrument())).qty()).as(leg.instrument().toString()).isZero();
        }
        await(() -> strategy(DemoScenario.ETH_FUNDING).status() == HedgeStatus.FLAT,
                () -> "engine shows eth-funding FLAT: " + strategy(DemoScenario.ETH_FUNDING));

        live.close();
        sim.close(); // its server threads started after "before" too
        await(() -> startedSince(before).isEmpty(), () -> "every thread started since LiveMode was built ended: "
                + startedSince(before));
    }

    /**
     * Threads started since {@code before} and still running, except the JVM-wide singletons of the
     * libraries (OkHttp's shared task runner and Okio's watchdog, idle daemons that outlive any one client,
     * and the JDK's CompletableFuture delayer).
     */
    private static List<String> startedSince(Set<Thread> before) {
        Set<String> singletons = Set.of("OkHttp TaskRunner", "Okio Watchdog", "CompletableFutureDelayScheduler");
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !singletons.contains(t.getName()))
                .map(Thread::getName).sorted().toList();
    }


    /** The simulator account and symbol behind a config venue id. */
    private InstrumentKey simKey(InstrumentKey configured) {
        Served fe = sim.served().stream().filter(s -> s.venueId().equals(configured.venue())).findFirst().orElseThrow();
        return new InstrumentKey(fe.account(), configured.symbol());
    }

    /**
     * The engine shows the venue's position: known, and the same base delta as the simulator's within
     * 2 % (the inverse perp's delta moves with the price between the two reads).
     */
    private boolean legShows(String strategyId, Leg leg, Position atSim) {
        LegView v = legView(strategyId, leg.instrument());
        if (v == null || !v.positionKnown() || Double.isNaN(v.exposure().baseDelta()) || atSim.qty() == 0) {
            return false;
        }
        double want = atSim.venueDelta();
        return Math.abs(v.exposure().baseDelta() - want) <= 0.02 * Math.abs(want);
    }

    private LegView legView(String strategyId, InstrumentKey key) {
        return strategy(strategyId).legs().stream().filter(l -> l.instrument().equals(key)).findFirst().orElse(null);
    }

    private StrategyView strategy(String id) {
        return live.snapshot().strategies().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Strategy strategyConfig(List<Strategy> mapped, String id) {
        return mapped.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
