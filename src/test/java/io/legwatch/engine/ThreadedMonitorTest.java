package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.legwatch.engine.EngineFixture.A;
import static io.legwatch.engine.EngineFixture.B;
import static io.legwatch.engine.EngineFixture.PRICE;
import static io.legwatch.engine.EngineFixture.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine thread: inputs from several producer threads, increasing versions, the right final state. */
class ThreadedMonitorTest {
    static final int STRATEGIES = 20;
    static final int PRODUCERS = 4;
    static final int UPDATES_PER_STRATEGY = 500;

    @Test
    void producersOnManyThreadsEndInTheRightState() throws Exception {
        List<Strategy> strategies = new ArrayList<>();
        List<Instrument> spots = new ArrayList<>();
        List<Instrument> perps = new ArrayList<>();
        for (int i = 0; i < STRATEGIES; i++) {
            Instrument spot = new Instrument(A, "S" + i, "BTC", InstrumentKind.SPOT, 1, 0.0001);
            Instrument perp = new Instrument(B, "P" + i, "BTC", InstrumentKind.LINEAR, 0.001, 1);
            spots.add(spot);
            perps.add(perp);
            strategies.add(new Strategy("s" + i, "s" + i, List.of(new Leg("spot", spot.key(), Side.BUY, 1),
                    new Leg("perp", perp.key(), Side.SELL, 1)), TOLERANCE));
        }
        ManualTime time = new ManualTime(1_000_000);
        HedgeMonitor monitor = new HedgeMonitor(strategies, MonitorSettings.defaults().withMaxBatch(64), time);
        List<Long> versions = Collections.synchronizedList(new ArrayList<>());
        monitor.addSnapshotListener(s -> versions.add(s.version()));
        monitor.start();
        try {
            monitor.submit(new VenueEvent.StatusChange(A, ConnectionState.CONNECTED, "", 0, 0));
            monitor.submit(new VenueEvent.StatusChange(B, ConnectionState.CONNECTED, "", 0, 0));
            monitor.submit(new VenueEvent.Snapshot(A, spots, List.of(), List.of(), 0, 0));
            monitor.submit(new VenueEvent.Snapshot(B, perps, List.of(), List.of(), 0, 0));

            CountDownLatch go = new CountDownLatch(1);
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int first = p;
                Thread producer = new Thread(() -> {
                    await(go);
                    for (int n = 0; n < UPDATES_PER_STRATEGY; n++) {
                        for (int i = first; i < STRATEGIES; i += PRODUCERS) {
                            boolean last = n == UPDATES_PER_STRATEGY - 1;
                            // Final state: even strategies hedged, odd ones missing their perp.
                            double spotQty = last ? 1 : n % 3;
                            double perpQty = last ? (i % 2 == 0 ? -1000 : 0) : -n;
                            monitor.submit(new VenueEvent.PositionUpdate(
                                    new Position(spots.get(i).key(), spotQty, PRICE, Double.NaN), 0, System.nanoTime()));
                            monitor.submit(new VenueEvent.PositionUpdate(
                                    new Position(perps.get(i).key(), perpQty, PRICE, Double.NaN), 0, System.nanoTime()));
                        }
                    }
                }, "producer-" + p);
                producers.add(producer);
                producer.start();
            }
            go.countDown();
            for (Thread producer : producers) {
                producer.join(TimeUnit.SECONDS.toMillis(30));
            }
            monitor.flattenStarted("s0");

            waitUntil(() -> {
                MonitorSnapshot s = monitor.snapshot();
                return s.strategies().get(0).status() == HedgeStatus.FLATTENING
                        && s.strategies().stream().allMatch(v -> v.legs().get(0).qty() == 1
                        && v.legs().get(1).qty() == (Integer.parseInt(v.id().substring(1)) % 2 == 0 ? -1000 : 0));
            });
            MonitorSnapshot last = monitor.snapshot();
            for (int i = 1; i < STRATEGIES; i++) {
                assertThat(last.strategies().get(i).status()).as("s" + i)
                        .isEqualTo(i % 2 == 0 ? HedgeStatus.HEDGED : HedgeStatus.LEGGING);
            }

            // No more input: the engine's own tick must turn the legging strategies NAKED once grace expires.
            time.advance(3_000);
            waitUntil(() -> monitor.snapshot().strategies().get(1).status() == HedgeStatus.NAKED);
            MonitorSnapshot afterGrace = monitor.snapshot();
            for (int i = 1; i < STRATEGIES; i++) {
                assertThat(afterGrace.strategies().get(i).status()).as("s" + i)
                        .isEqualTo(i % 2 == 0 ? HedgeStatus.HEDGED : HedgeStatus.NAKED);
            }
        } finally {
            monitor.close();
        }
        List<Long> seen = new ArrayList<>(versions);
        assertThat(seen).isNotEmpty().isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(monitor.snapshot().version());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
