package io.legwatch.sim.load;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.StatusTransition;
import io.legwatch.engine.StrategyView;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.metrics.PipelineLatency;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.sim.InProcessConnector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load path of benchmark 1, driven by hand: load driver -> in-process connectors -> HedgeMonitor
 * on the test thread with a manual clock. Every venue message is applied, in order; every injected
 * failure turns its strategy NAKED exactly when its grace expires, and no other strategy goes NAKED.
 */
class LoadEndToEndTest {
    private static final long STEP = 10_000_000L;

    @Test
    void everyMessageIsAppliedInOrderAndEveryFailureIsShownNaked() {
        LoadProfile profile = LoadDriverTest.SMALL;
        SimExchange exchange = new SimExchange(profile.seed(), LoadDriverTest.T0);
        LoadUniverse universe = LoadUniverse.of(profile, exchange);
        universe.install(exchange);
        VenueMessageCounter counter = VenueMessageCounter.attach(exchange);
        ManualClock clock = new ManualClock(LoadDriverTest.T0);
        HedgeMonitor monitor = new HedgeMonitor(universe.strategies(), MonitorSettings.defaults(), clock);
        PipelineLatency latency = new PipelineLatency().attach(monitor);

        List<VenueEvent> submitted = new ArrayList<>();
        List<VenueEvent> applied = new ArrayList<>();
        monitor.addAppliedEventListener(applied::add);
        List<StatusTransition> naked = new ArrayList<>();
        List<Long> nakedSince = new ArrayList<>();
        monitor.addTransitionListener(t -> {
            if (t.to() == HedgeStatus.NAKED) {
                naked.add(t);
                nakedSince.add(view(monitor, t.strategyId()).nakedSinceMs());
            }
        });
        for (VenueId venue : exchange.venues()) {
            new InProcessConnector(exchange, venue, true).start(event -> {
                submitted.add(event);
                monitor.submit(event);
            });
        }
        monitor.runOnce();
        assertThat(monitor.snapshot().strategies()).extracting(StrategyView::status).containsOnly(HedgeStatus.HEDGED);

        LoadDriver driver = new LoadDriver(exchange, universe, clock);
        for (long t = STEP; t <= driver.durationNanos(); t += STEP) {
            clock.set(t);
            driver.step(t);
            monitor.runOnce();
        }

        long connectorOwn = submitted.stream()
                .filter(e -> e instanceof VenueEvent.Snapshot || e instanceof VenueEvent.StatusChange).count();
        assertThat(submitted.size() - connectorOwn).isEqualTo(counter.total()); // every venue push reached the engine
        assertThat(applied).containsExactlyElementsOf(submitted); // all of them applied, in order

        List<InjectedFailure> failures = driver.failures();
        assertThat(failures).hasSize(7);
        assertThat(naked).extracting(StatusTransition::strategyId)
                .containsExactlyElementsOf(failures.stream().map(InjectedFailure::strategyId).toList());
        long graceMs = profile.grace().toMillis();
        for (int i = 0; i < failures.size(); i++) {
            InjectedFailure f = failures.get(i);
            long injectedMs = LoadDriverTest.T0 + f.injectedNanos() / 1_000_000L;
            assertThat(nakedSince.get(i)).isEqualTo(injectedMs); // out of tolerance from the unhedged push
            // NAKED on the first engine turn at or after grace expiry (the test steps 10 ms)
            assertThat(naked.get(i).atMs()).isBetween(injectedMs + graceMs, injectedMs + graceMs + 10);
            assertThat(naked.get(i).atMs()).isLessThan(LoadDriverTest.T0 + f.repairedNanos() / 1_000_000L);
        }
        assertThat(monitor.snapshot().strategies()).extracting(StrategyView::status).containsOnly(HedgeStatus.HEDGED);

        latency.roll();
        long stamped = applied.stream().filter(e -> e.recvNanos() != 0).count();
        assertThat(latency.total(LatencyStage.VENUE_TO_APPLIED).count()).isEqualTo(stamped);
        assertThat(latency.total(LatencyStage.VENUE_TO_PUBLISHED).count()).isEqualTo(stamped);
    }

    private static StrategyView view(HedgeMonitor monitor, String id) {
        return monitor.snapshot().strategies().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
