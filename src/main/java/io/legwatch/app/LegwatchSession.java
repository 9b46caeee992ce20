package io.legwatch.app;

import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.flatten.DeadManSwitches;
import io.legwatch.metrics.PipelineLatency;

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

    /**
     * The flatten plan for {@code target} from the current snapshot, for the confirm dialog.
     *
     * @throws IllegalArgumentException when the target names a strategy or leg the snapshot does not have
     */
    FlattenPreview preview(FlattenTarget target);

    /**
     * Executes exactly the previewed plan: cancel, then reduce-only orders until each venue reports
     * zero. In demo mode the demo trader stops trading the strategies in scope first. Executing the
     * same preview twice fires once.
     */
    CompletableFuture<ActionReceipt> execute(FlattenPreview preview);

    /** The global kill switch without a confirm step (the hold-to-fire button): plans and executes at once. */
    CompletableFuture<ActionReceipt> killAll();

    /** Cancels every open order on {@code venue}, including stop/conditional ones. */
    CompletableFuture<ActionReceipt> cancelAll(VenueId venue);

    AutoFlattenControl autoFlatten();

    /** Alarms raised since start, oldest first (a cheap copy; the UI polls it once per frame). */
    java.util.List<AppAlarm> alarms();

    /**
     * Leg-failure incidents from the journal's incident log: the open ones first, then the closed
     * ones newest first (a cheap copy; read when the trader opens the incident view).
     */
    java.util.List<io.legwatch.journal.IncidentLog.Incident> incidents();

    /**
     * The venue-to-screen latency recorder, attached to this session's engine and fed by its
     * connectors; the UI stamps the FX side (snapshot applied, frame rendered) and reads the
     * status line from it.
     */
    PipelineLatency latency();

    /**
     * Each venue's exchange-side dead-man switch and its time to fire, for the panel that must also
     * show {@link DeadManSwitches#WARNING} (they cancel orders, they do not close positions).
     */
    java.util.List<DeadManSwitches.State> deadManSwitches();

    /** Present only in demo mode. */
    Optional<FaultControl> faults();

    /** Stops everything started; no thread of ours is left running after it returns. */
    @Override
    void close();
}
