package io.legwatch.venue.net;

import io.legwatch.venue.net.StalenessWatchdog.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StalenessWatchdogTest {
    /** One step: move the clock, optionally receive a message, then check. */
    private record Step(long advanceMs, boolean message, Verdict expected, boolean staleAfter) {
    }

    @Test
    void transitionsAreReportedExactlyOnce() {
        ManualTime time = new ManualTime();
        StalenessWatchdog w = new StalenessWatchdog(time, Duration.ofSeconds(10), Duration.ofSeconds(30));
        List<Step> steps = List.of(
                new Step(5_000, false, Verdict.NO_CHANGE, false),
                new Step(4_999, false, Verdict.NO_CHANGE, false),
                new Step(1, false, Verdict.BECAME_STALE, true),       // 10 s silent
                new Step(5_000, false, Verdict.NO_CHANGE, true),      // still stale, not re-reported
                new Step(0, true, Verdict.RECOVERED, false),          // data again
                new Step(1_000, true, Verdict.NO_CHANGE, false),
                new Step(10_000, false, Verdict.BECAME_STALE, true),
                new Step(20_000, false, Verdict.DEAD, true),          // 30 s silent
                new Step(60_000, false, Verdict.NO_CHANGE, true),     // DEAD reported once
                new Step(0, true, Verdict.RECOVERED, false));
        int i = 0;
        for (Step s : steps) {
            time.advance(Duration.ofMillis(s.advanceMs()));
            if (s.message()) {
                w.touch();
            }
            assertThat(w.check()).as("step %d", i).isEqualTo(s.expected());
            assertThat(w.isStale()).as("stale after step %d", i).isEqualTo(s.staleAfter());
            i++;
        }
    }

    @Test
    void resetRestartsTheSilenceCount() {
        ManualTime time = new ManualTime();
        StalenessWatchdog w = new StalenessWatchdog(time, Duration.ofSeconds(1), Duration.ofSeconds(2));
        time.advance(Duration.ofSeconds(5));
        assertThat(w.check()).isEqualTo(Verdict.DEAD);
        w.reset();
        assertThat(w.isStale()).isFalse();
        assertThat(w.check()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(w.silentFor()).isZero();
    }
}
