package io.legwatch.ui;

import io.legwatch.engine.MonitorSnapshot;
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
 */
public final class SnapshotPump {
    private final Supplier<MonitorSnapshot> source;
    private final List<Consumer<MonitorSnapshot>> views = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pump();
        }
    };
    private long shownVersion = Long.MIN_VALUE;
    private long appliedCount;

    public SnapshotPump(Supplier<MonitorSnapshot> source) {
        this.source = source;
    }

    public void subscribe(Consumer<MonitorSnapshot> view) {
        views.add(view);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** One pulse: apply the latest snapshot if it is new. Returns true when views were updated. */
    public boolean pump() {
        MonitorSnapshot snapshot = source.get();
        if (snapshot == null || snapshot.version() == shownVersion) {
            return false;
        }
        shownVersion = snapshot.version();
        appliedCount++;
        for (Consumer<MonitorSnapshot> v : views) {
            v.accept(snapshot);
        }
        return true;
    }

    /** How many snapshots were applied so far (for tests and diagnostics). */
    public long appliedCount() {
        return appliedCount;
    }
}
