package io.legwatch.engine;

/** Told of every published snapshot, on the engine thread: must return quickly and never block. */
@FunctionalInterface
public interface SnapshotListener {
    void onSnapshot(MonitorSnapshot snapshot);
}
