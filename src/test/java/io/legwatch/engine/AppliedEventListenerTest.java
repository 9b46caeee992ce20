package io.legwatch.engine;

import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The latency/accounting hook: every applied event, in order, also ones the engine rejects. */
class AppliedEventListenerTest {
    private static final VenueId V = VenueId.of("v");

    @Test
    void seesEveryEventInOrderAfterItWasApplied() {
        ManualTime time = new ManualTime(1_000);
        HedgeMonitor monitor = new HedgeMonitor(List.of(), MonitorSettings.defaults(), time);
        List<VenueEvent> seen = new ArrayList<>();
        List<Long> versionsSeen = new ArrayList<>();
        monitor.addAppliedEventListener(event -> {
            throw new IllegalStateException("a broken listener must not stop the others or the engine");
        });
        monitor.addAppliedEventListener(event -> {
            seen.add(event);
            versionsSeen.add(monitor.snapshot().version());
        });
        VenueEvent heartbeat = new VenueEvent.Heartbeat(V, 0, 11);
        VenueEvent bad = new VenueEvent.PositionUpdate(
                new Position(new io.legwatch.domain.InstrumentKey(V, "X"), Double.NaN, Double.NaN, Double.NaN), 0, 12);
        VenueEvent later = new VenueEvent.Heartbeat(V, 0, 13);
        monitor.submit(heartbeat);
        monitor.submit(bad);
        monitor.submit(later);
        long before = monitor.snapshot().version();
        monitor.runOnce();

        assertThat(seen).containsExactly(heartbeat, bad, later);
        assertThat(versionsSeen).containsOnly(before); // told before the publish that contains them
        assertThat(monitor.snapshot().venues().get(V).errorCount()).isEqualTo(1); // the bad one was still reported
    }
}
