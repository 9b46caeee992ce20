package io.legwatch.app;

import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A running Legwatch as the UI sees it: the latest snapshot to read and the commands it may give.
 * Implemented by the composition root ({@link AppWiring}); no JavaFX here.
 *
 * <p>{@link #snapshot()} is cheap (a volatile read) and may be called every frame. Commands return
 * at once; their futures complete on a background thread.
 */
public interface LegwatchSession extends AutoCloseable {
    /** A short label for the window title, e.g. "demo, simulated venues". */
    String label();

    /** Starts venues, engine and helpers. Called once, after the window is shown. */
    void start();

    MonitorSnapshot snapshot();

    /** The flatten plan for {@code target} against the current snapshot, for the confirm dialog. */
    FlattenPreview preview(FlattenTarget target);

    /** Flattens {@code target} (cancel, then reduce-only orders to zero, verified against the venue). */
    CompletableFuture<ActionReceipt> flatten(FlattenTarget target);

    /** Cancels every open order on {@code venue}, including stop/conditional ones. */
    CompletableFuture<ActionReceipt> cancelAll(VenueId venue);

    AutoFlattenControl autoFlatten();

    /** Present only in demo mode. */
    Optional<FaultControl> faults();

    /** Stops everything started; no thread of ours is left running after it returns. */
    @Override
    void close();
}
