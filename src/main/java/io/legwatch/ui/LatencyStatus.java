package io.legwatch.ui;

import io.legwatch.domain.TimeSource;
import io.legwatch.metrics.PipelineLatency;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.concurrent.TimeUnit;

/**
 * The status-bar line "venue→screen p99 … · data age …", refreshed once a second (which also rolls
 * the latency window). It turns amber when the screen falls behind, so the monitor says it is showing
 * old numbers instead of showing them quietly: the newest message on screen is older than
 * {@link #MAX_DATA_AGE_NANOS}, or the rolling p99 from venue to screen is above {@link #MAX_P99_NANOS}.
 * FX thread only.
 */
public final class LatencyStatus {
    static final long MAX_DATA_AGE_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long MAX_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final PseudoClass BEHIND = PseudoClass.getPseudoClass("behind");

    private final PipelineLatency latency;
    private final TimeSource time;
    private final Label label = new Label();
    private final Timeline timeline;
    private boolean behind;

    public LatencyStatus(PipelineLatency latency, TimeSource time) {
        this.latency = latency;
        this.time = time;
        label.getStyleClass().add("latency-status");
        label.setId("latency-status");
        label.setTooltip(new Tooltip("p99 time from a venue message arriving to the frame that shows it (last 5 s), "
                + "and the age of the newest message on screen.\nAmber: data older than 2 s or p99 above 100 ms "
                + "- the numbers on screen may be behind the venues."));
        this.timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        refresh();
    }

    public Label view() {
        return label;
    }

    public void start() {
        timeline.play();
    }

    public void stop() {
        timeline.stop();
    }

    /** Closes the latency interval and shows the line (what the timeline runs once a second). */
    public void refresh() {
        latency.roll();
        long now = time.nanos();
        label.setText(latency.statusLine(now));
        behind = behind(latency.dataAgeNanos(now), latency.rollingP99VenueToScreenNanos());
        label.pseudoClassStateChanged(BEHIND, behind);
    }

    /** True when either figure says the screen is behind the venues; -1 (nothing measured yet) is not behind. */
    static boolean behind(long dataAgeNanos, long p99Nanos) {
        return dataAgeNanos > MAX_DATA_AGE_NANOS || p99Nanos > MAX_P99_NANOS;
    }

    /** Whether the line is amber now. */
    public boolean isBehind() {
        return behind;
    }
}
