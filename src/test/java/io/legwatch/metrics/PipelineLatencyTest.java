package io.legwatch.metrics;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stage arithmetic with hand-set stamps (HdrHistogram keeps 2 significant digits: within 1 %). */
class PipelineLatencyTest {
    private static final VenueId V = VenueId.of("v");

    private final Clock clock = new Clock();
    private final PipelineLatency latency = new PipelineLatency(clock, 2);

    private static final class Clock implements TimeSource {
        long nanos;

        @Override
        public long millis() {
            return nanos / 1_000_000L;
        }

        @Override
        public long nanos() {
            return nanos;
        }
    }

    private static MonitorSnapshot snapshot(long version, long lastRecv) {
        return new MonitorSnapshot(version, 0, List.of(), List.of(), List.of(), Map.of(), lastRecv);
    }

    private void applied(long recv, long at) {
        clock.nanos = at;
        latency.onApplied(new VenueEvent.Heartbeat(V, 0, recv));
    }

    private void published(long version, long lastRecv, long at) {
        clock.nanos = at;
        latency.onSnapshot(snapshot(version, lastRecv));
    }

    private long p50(LatencyStage stage) {
        StageSummary s = latency.total(stage);
        assertThat(s.count()).as(stage + " count").isEqualTo(1);
        return s.p50();
    }

    @Test
    void followsOneMessageThroughEveryStage() {
        latency.onParsed(new VenueEvent.Heartbeat(V, 0, 100_000), 130_000);
        applied(100_000, 1_000_000);
        published(1, 100_000, 1_500_000);
        latency.onSnapshotApplied(snapshot(1, 100_000), 2_500_000);
        latency.onRendered(4_000_000);
        latency.onPulse(2_000_000);
        latency.roll();

        assertThat(p50(LatencyStage.VENUE_TO_PARSED)).isCloseTo(30_000, within(300L));
        assertThat(p50(LatencyStage.VENUE_TO_APPLIED)).isCloseTo(900_000, within(9_000L));
        assertThat(p50(LatencyStage.APPLIED_TO_PUBLISHED)).isCloseTo(500_000, within(5_000L));
        assertThat(p50(LatencyStage.VENUE_TO_PUBLISHED)).isCloseTo(1_400_000, within(14_000L));
        assertThat(p50(LatencyStage.PUBLISHED_TO_TABLE)).isCloseTo(1_000_000, within(10_000L));
        assertThat(p50(LatencyStage.TABLE_TO_RENDERED)).isCloseTo(1_500_000, within(15_000L));
        assertThat(p50(LatencyStage.VENUE_TO_SCREEN)).isCloseTo(3_900_000, within(39_000L));
        assertThat(p50(LatencyStage.FX_PULSE)).isCloseTo(2_000_000, within(20_000L));
        assertThat(latency.dataAgeNanos(5_000_000)).isEqualTo(4_900_000);
    }

    @Test
    void aFrameThatSkippedSnapshotsIsChargedForTheOldestMessageItShowsFirst() {
        applied(100_000, 200_000);
        published(1, 100_000, 300_000);
        applied(900_000, 1_000_000);
        published(2, 900_000, 1_100_000);
        latency.onSnapshotApplied(snapshot(2, 900_000), 2_000_000); // the table never showed version 1
        latency.onRendered(3_000_000);
        latency.roll();

        assertThat(p50(LatencyStage.VENUE_TO_SCREEN)).isCloseTo(2_900_000, within(29_000L));
        assertThat(latency.dataAgeNanos(3_000_000)).isEqualTo(2_100_000);
    }

    @Test
    void pulsesWithoutNewDataRecordNothingButPulseTime() {
        applied(100_000, 200_000);
        published(1, 100_000, 300_000);
        latency.onSnapshotApplied(snapshot(1, 100_000), 400_000);
        latency.onRendered(500_000);
        latency.onSnapshotApplied(snapshot(1, 100_000), 600_000); // same version again
        latency.onRendered(700_000);
        latency.onPulse(50_000);
        latency.onPulse(60_000);
        latency.roll();

        assertThat(latency.total(LatencyStage.PUBLISHED_TO_TABLE).count()).isEqualTo(1);
        assertThat(latency.total(LatencyStage.VENUE_TO_SCREEN).count()).isEqualTo(1);
        assertThat(latency.total(LatencyStage.FX_PULSE).count()).isEqualTo(2);
    }

    @Test
    void rollingFiguresForgetOldIntervalsWhileTotalsKeepThem() {
        assertThat(latency.rollingP99VenueToScreenNanos()).isEqualTo(-1);
        assertThat(latency.dataAgeNanos(1)).isEqualTo(-1);
        assertThat(latency.statusLine(1)).isEqualTo("venue→screen p99 – · data age –");

        applied(1_000_000, 2_000_000);
        published(1, 1_000_000, 3_000_000);
        latency.onSnapshotApplied(snapshot(1, 1_000_000), 4_000_000);
        latency.onRendered(5_000_000);
        latency.roll();
        assertThat(latency.rollingP99VenueToScreenNanos()).isCloseTo(4_000_000, within(40_000L));
        assertThat(latency.statusLine(13_000_000)).isEqualTo("venue→screen p99 4.0 ms · data age 12 ms");

        latency.roll();
        latency.roll(); // the window holds 2 intervals: the one with the sample is gone
        assertThat(latency.rollingP99VenueToScreenNanos()).isEqualTo(-1);
        assertThat(latency.total(LatencyStage.VENUE_TO_SCREEN).count()).isEqualTo(1);
        assertThat(latency.rollingReport()).extracting(StageSummary::count).containsOnly(0L);
    }

    @Test
    void aSnapshotTakenBeforeItsPublishStampIsCountedAsAMissNotAsAWrongFigure() {
        latency.onSnapshotApplied(snapshot(7, 0), 1_000);
        latency.roll();
        assertThat(latency.total(LatencyStage.PUBLISHED_TO_TABLE).count()).isZero();
        assertThat(latency.publishStampMisses()).isEqualTo(1);
    }
}
