package io.legwatch.app.live;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.AppAlarm;
import io.legwatch.app.AutoFlattenControl;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.LegwatchSession;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.flatten.DeadManSwitches;
import io.legwatch.journal.IncidentLog;
import io.legwatch.metrics.PipelineLatency;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A session whose commands are its {@link FlattenWiring}'s and whose data comes from one
 * {@link HedgeMonitor}: every mode (demo, wire demo, live, load test) answers flatten, kill, cancel,
 * arming, alarms and dead-man states, feeds its connectors' events to the engine, and starts and
 * closes exactly once the same way, so that is written once here. A mode builds its parts in its
 * constructor, attaching {@link #latency()} to its monitor, and says how they start and stop in
 * {@link #startParts()} and {@link #closeParts()}.
 */
public abstract class WiredSession implements LegwatchSession {
    private static final Logger LOG = LoggerFactory.getLogger(WiredSession.class);
    /** How many one-second intervals the latency figures in the status bar cover. */
    private static final int LATENCY_WINDOW_INTERVALS = 5;

    private final TimeSource clock;
    private final PipelineLatency latency;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    /**
     * @param clock stamps each event's parse and times the latency figures (live mode's injected
     *              clock; the system clock elsewhere)
     */
    protected WiredSession(TimeSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.latency = new PipelineLatency(clock, LATENCY_WINDOW_INTERVALS);
    }

    /** The kill switch, policy and dead-man switches behind this session. */
    public abstract FlattenWiring safety();

    /** The engine every connector of this session feeds. */
    protected abstract HedgeMonitor monitor();

    /** Starts the engine, the safety wiring and the producers; called once, under the lifecycle lock. */
    protected abstract void startParts();

    /**
     * Stops everything the session runs; called once, after {@link #closeRequested()} and outside the
     * lifecycle lock (stopping waits for threads that may call back into the session).
     */
    protected abstract void closeParts();

    /** Called under the lifecycle lock when close begins: nothing starts after it. Default: nothing. */
    protected void closeRequested() {
    }

    /** Starts once; after {@link #close()} it does nothing. */
    @Override
    public final void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                return;
            }
            started = true;
            startParts();
        }
    }

    /** Closes once, whether or not the session was started. */
    @Override
    public final void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            closeRequested();
        }
        closeParts();
    }

    /** Every connector's sink: stamp the parse for the latency figures, then hand it to the engine. */
    protected final void submit(VenueEvent event) {
        latency.onParsed(event, clock.nanos());
        monitor().submit(event);
    }

    @Override
    public final MonitorSnapshot snapshot() {
        return monitor().snapshot();
    }

    /** Not yet attached at construction: the mode attaches it to its monitor when it builds one. */
    @Override
    public final PipelineLatency latency() {
        return latency;
    }

    @Override
    public FlattenPreview preview(FlattenTarget target) {
        return safety().preview(target);
    }

    @Override
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        return safety().execute(preview);
    }

    @Override
    public CompletableFuture<ActionReceipt> killAll() {
        return safety().killAll();
    }

    @Override
    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        return safety().cancelAll(venue);
    }

    @Override
    public AutoFlattenControl autoFlatten() {
        return safety().autoFlatten();
    }

    @Override
    public List<AppAlarm> alarms() {
        return safety().alarms();
    }

    @Override
    public List<IncidentLog.Incident> incidents() {
        return safety().incidents();
    }

    @Override
    public List<DeadManSwitches.State> deadManSwitches() {
        return safety().deadManSwitches().states();
    }

    /** Stops every connector; one that fails to stop is logged and the rest still stop. */
    protected static void stopAll(List<? extends VenueConnector> connectors) {
        for (VenueConnector c : connectors) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed", c.venue(), e);
            }
        }
    }
}
