package io.legwatch.ui.alerts;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.ui.TestSnapshots;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.legwatch.domain.HedgeStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

class StatusAlarmsTest {
    private static MonitorSnapshot snap(long v, HedgeStatus a, HedgeStatus b) {
        return TestSnapshots.snapshot(v, List.of(
                TestSnapshots.strategy("a", a, 0, 0),
                TestSnapshots.strategy("b", b, 0, 0)), List.of());
    }

    private static List<String> entered(StatusAlarms alarms, HedgeStatus a, HedgeStatus b) {
        return alarms.update(snap(1, a, b)).stream().map(e -> e.strategyId() + ":" + e.status()).toList();
    }

    @Test
    void firesOncePerTransitionIntoNakedOrFlattenFailed() {
        StatusAlarms alarms = new StatusAlarms();
        // Each row: statuses of a and b in the next snapshot, then what must fire.
        Object[][] table = {
                {HEDGED, HEDGED, List.of()},
                {LEGGING, HEDGED, List.of()},
                {NAKED, HEDGED, List.of("a:NAKED")},
                {NAKED, HEDGED, List.of()},
                {FLATTENING, NAKED, List.of("b:NAKED")},
                {FLATTEN_FAILED, NAKED, List.of("a:FLATTEN_FAILED")},
                {FLATTEN_FAILED, FLATTEN_FAILED, List.of("b:FLATTEN_FAILED")},
                {FLAT, HEDGED, List.of()},
                {NAKED, UNKNOWN, List.of("a:NAKED")},
        };
        for (Object[] row : table) {
            assertThat(entered(alarms, (HedgeStatus) row[0], (HedgeStatus) row[1]))
                    .as("a=%s b=%s", row[0], row[1]).isEqualTo(row[2]);
        }
    }

    @Test
    void aStrategyAlreadyNakedAtStartIsReported() {
        assertThat(entered(new StatusAlarms(), NAKED, HEDGED)).containsExactly("a:NAKED");
    }

    @Test
    void soundPlaysOnTransitionsUnlessMuted() {
        AtomicInteger played = new AtomicInteger();
        AlarmSound sound = new AlarmSound(played::incrementAndGet);
        StatusAlarms alarms = new StatusAlarms();
        sound.onEntered(alarms.update(snap(1, HEDGED, HEDGED)));
        assertThat(played).hasValue(0);
        sound.onEntered(alarms.update(snap(2, NAKED, HEDGED)));
        assertThat(played).hasValue(1);
        sound.onEntered(alarms.update(snap(3, NAKED, HEDGED)));
        assertThat(played).hasValue(1);
        sound.mutedProperty().set(true);
        sound.onEntered(alarms.update(snap(4, NAKED, FLATTEN_FAILED)));
        assertThat(played).hasValue(1);
    }

    @Test
    void toneIsTwoTonesOfSixteenBitSamples() {
        byte[] pcm = ToneAlarmPlayer.twoTone(880, 660, 100, 2);
        assertThat(pcm).hasSize((int) (44_100 * 0.1) * 2 * 2 * 2);
        assertThat(pcm).as("not silence").matches(b -> { for (byte x : b) { if (x != 0) { return true; } } return false; });
    }

    @Test
    void playerWithoutAudioDeviceNeverThrows() {
        try (ToneAlarmPlayer player = new ToneAlarmPlayer()) {
            player.play();
            player.play();
        }
    }
}
