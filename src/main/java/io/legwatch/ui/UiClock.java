package io.legwatch.ui;

import io.legwatch.domain.TimeSource;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The one clock behind every "age" and "naked for" cell: ticks a few times a second and hands
 * the current wall time to its listeners, instead of a timer per cell. Runs only while started
 * (the window is showing). FX thread only.
 */
public final class UiClock {
    private final TimeSource time;
    private final List<LongConsumer> listeners = new ArrayList<>();
    private final Timeline timeline;

    public UiClock(TimeSource time, Duration period) {
        this.time = time;
        this.timeline = new Timeline(new KeyFrame(period, e -> tick()));
        timeline.setCycleCount(Timeline.INDEFINITE);
    }

    public long nowMs() {
        return time.millis();
    }

    public void onTick(LongConsumer listener) {
        listeners.add(listener);
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    /** Runs one tick now (also what the timeline calls). */
    public void tick() {
        long now = time.millis();
        for (LongConsumer l : listeners) {
            l.accept(now);
        }
    }
}
