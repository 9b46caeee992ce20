package io.legwatch.ui;

import io.legwatch.domain.TimeSource;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.metrics.PipelineLatency;
import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The single crossing from the engine to the FX thread: once per pulse it reads the latest
 * published snapshot (a volatile read) and, only when its version changed, hands it to the views,
 * which diff it against what they show. A burst of venue messages therefore costs the FX thread
 * at most one diff per frame, and there is no {@code Platform.runLater} per message.
 *
 * <p>It also stamps the FX side of the {@link PipelineLatency}: the snapshot applied, and (through
 * {@link #onRendered}, called from the scene's post-layout pulse listener) the frame rendered and the
 * time the pulse took. Nothing here allocates per pulse.
 */
public final class SnapshotPump {
    private final Supplier<MonitorSnapshot> source;
    private final PipelineLatency latency;
    private final TimeSource time;
    private final List<Consumer<MonitorSnapshot>> views = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStartNanos = time.nanos();
            pump();
        }
    };
    /** When this pulse's timer ran; 0 while stopped (then a rendered frame is not ours to time). */
    private long pulseStartNanos;
    private long shownVersion = Long.MIN_VALUE;
    private long appliedCount;
    /** This pulse's time in the views (snapshot diff and row updates); the rest of the pulse is CSS and layout. */
    private long applyNanos;
    private long lastPulseNanos = -1;
    private long lastApplyNanos;

    /**
     * @param latency where the FX-side stamps go
     * @param time    the clock the connectors stamp receive times with (so data age is comparable)
     */
    public SnapshotPump(Supplier<MonitorSnapshot> source, PipelineLatency latency, TimeSource time) {
        this.source = source;
        this.latency = latency;
        this.time = time;
    }

    public void subscribe(Consumer<MonitorSnapshot> view) {
        views.add(view);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
        pulseStartNanos = 0;
    }

    /** The frame was laid out: call from the scene's post-layout pulse listener. */
    public void onRendered() {
        if (pulseStartNanos == 0) {
            return;
        }
        long t = time.nanos();
        latency.onRendered(t);
        lastPulseNanos = t - pulseStartNanos;
        lastApplyNanos = applyNanos;
        latency.onPulse(lastPulseNanos);
        pulseStartNanos = 0;
        applyNanos = 0;
    }

    /** One pulse: apply the latest snapshot if it is new. Returns true when views were updated. */
    public boolean pump() {
        MonitorSnapshot snapshot = source.get();
        if (snapshot == null || snapshot.version() == shownVersion) {
            return false;
        }
        shownVersion = snapshot.version();
        appliedCount++;
        long start = time.nanos();
        for (Consumer<MonitorSnapshot> v : views) {
            v.accept(snapshot);
        }
        long end = time.nanos();
        applyNanos = end - start;
        latency.onSnapshotApplied(snapshot, end);
        return true;
    }

    /**
     * FX time of the last timed pulse, from this pump's timer to after CSS and layout; -1 before the
     * first. With {@link #lastApplyNanos()} it splits a pulse into "views" and "CSS + layout" (diagnostics).
     */
    public long lastPulseNanos() {
        return lastPulseNanos;
    }

    /** Of {@link #lastPulseNanos()}, the time the views took to take the snapshot (0 when it was not new). */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** How many snapshots were applied so far (for tests and diagnostics). */
    public long appliedCount() {
        return appliedCount;
    }
}
