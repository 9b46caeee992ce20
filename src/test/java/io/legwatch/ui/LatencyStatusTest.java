package io.legwatch.ui;

import io.legwatch.domain.TimeSource;
import io.legwatch.engine.MonitorSnapshot;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The venue strip's latency line, in the real window on a manual clock: it shows the data age of
 * the snapshot on screen and turns amber once that data is older than the threshold.
 */
@ExtendWith(ApplicationExtension.class)
class LatencyStatusTest {
    private static final long BASE_NANOS = TimeUnit.SECONDS.toNanos(1_000);
    private static final PseudoClass BEHIND = PseudoClass.getPseudoClass("behind");

    private final AtomicLong nanos = new AtomicLong(BASE_NANOS);
    private final TimeSource manual = new TimeSource() {
        @Override
        public long millis() {
            return 1_700_000_000_000L + TimeUnit.NANOSECONDS.toMillis(nanos.get());
        }

        @Override
        public long nanos() {
            return nanos.get();
        }
    };
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session.snapshot.set(received(1, BASE_NANOS - TimeUnit.MILLISECONDS.toNanos(5)));
        window = TestWindow.open(stage, session, manual);
        stage.show();
    }

    /** A snapshot whose newest venue message arrived at {@code recvNanos}. */
    private static MonitorSnapshot received(long version, long recvNanos) {
        MonitorSnapshot s = TestSnapshots.snapshot(version, List.of(), List.of());
        return new MonitorSnapshot(s.version(), s.asOfMs(), s.strategies(), s.unassigned(), s.byUnderlying(),
                s.venues(), recvNanos);
    }

    @Test
    void showsTheDataAgeAndTurnsAmberWhenTheScreenFallsBehind(FxRobot robot) throws Exception {
        Label line = robot.lookup("#latency-status").queryAs(Label.class);
        assertThat(line.getParent()).isSameAs(robot.lookup("#venue-strip").query());
        // Stop the timers so only this test drives the pump and the once-a-second refresh.
        WaitForAsyncUtils.asyncFx(window::stop).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> {
            window.pump().pump();
            window.latencyStatus().refresh();
        }).get(5, TimeUnit.SECONDS);
        assertThat(line.getText()).contains("data age 5.0 ms");
        assertThat(window.latencyStatus().isBehind()).isFalse();
        assertThat(line.getPseudoClassStates()).doesNotContain(BEHIND);

        // No new snapshot for 3 s: the numbers on screen are old, and the line says so.
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(3));
        WaitForAsyncUtils.asyncFx(() -> {
            window.pump().pump();
            window.latencyStatus().refresh();
        }).get(5, TimeUnit.SECONDS);
        assertThat(line.getText()).contains("data age 3005 ms");
        assertThat(window.latencyStatus().isBehind()).isTrue();
        assertThat(line.getPseudoClassStates()).contains(BEHIND);

        // Fresh data again: back to normal.
        session.snapshot.set(received(2, nanos.get() - TimeUnit.MILLISECONDS.toNanos(1)));
        WaitForAsyncUtils.asyncFx(() -> {
            window.pump().pump();
            window.latencyStatus().refresh();
        }).get(5, TimeUnit.SECONDS);
        assertThat(line.getText()).contains("data age 1.0 ms");
        assertThat(line.getPseudoClassStates()).doesNotContain(BEHIND);
    }

    @ParameterizedTest(name = "age {0} ns, p99 {1} ns -> behind {2}")
    @CsvSource({
            "-1, -1, false",                    // nothing measured yet
            "2000000000, 100000000, false",     // exactly at both thresholds
            "2000000001, 100000000, true",      // data older than 2 s
            "18000000, 100000001, true",        // p99 above 100 ms
            "18000000, 4200000, false",
    })
    void behindWhenEitherFigureIsPastItsThreshold(long ageNanos, long p99Nanos, boolean behind) {
        assertThat(LatencyStatus.behind(ageNanos, p99Nanos)).isEqualTo(behind);
    }
}
