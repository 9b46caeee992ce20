package io.legwatch.app.live;

import io.legwatch.app.FaultControl;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Start once, close once, in any order: the guards every mode shares (WiredSession). */
class WiredSessionLifecycleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "start,                     start",
            "start start,               start",
            "close,                     close-requested close",
            "close close,               close-requested close",
            "start close,               start close-requested close",
            "close start,               close-requested close",
            "start close start close,   start close-requested close",
            "start start close close,   start close-requested close",
    })
    void hooksRunOnceInOrder(String operations, String expectedHooks) {
        RecordingSession session = new RecordingSession();
        for (String op : operations.split(" ")) {
            switch (op) {
                case "start" -> session.start();
                case "close" -> session.close();
                default -> throw new IllegalArgumentException(op);
            }
        }
        assertThat(session.hooks).containsExactly(expectedHooks.split(" "));
    }

    /** Records which lifecycle hooks ran; its engine is never started (no threads). */
    private static final class RecordingSession extends WiredSession {
        final List<String> hooks = new ArrayList<>();
        private final HedgeMonitor monitor;

        RecordingSession() {
            this(new ManualTime(1_000));
        }

        private RecordingSession(ManualTime time) {
            super(time);
            monitor = new HedgeMonitor(List.of(), MonitorSettings.defaults(), time);
            latency().attach(monitor);
        }

        @Override
        protected void startParts() {
            hooks.add("start");
        }

        @Override
        protected void closeRequested() {
            hooks.add("close-requested");
        }

        @Override
        protected void closeParts() {
            hooks.add("close");
        }

        @Override
        protected HedgeMonitor monitor() {
            return monitor;
        }

        @Override
        public FlattenWiring safety() {
            throw new UnsupportedOperationException("not used by the lifecycle");
        }

        @Override
        public String label() {
            return "lifecycle test";
        }

        @Override
        public Optional<FaultControl> faults() {
            return Optional.empty();
        }
    }
}
