package io.legwatch.app.live;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.AppAlarm;
import io.legwatch.app.AutoFlattenControl;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.LegwatchSession;
import io.legwatch.domain.VenueId;
import io.legwatch.flatten.DeadManSwitches;
import io.legwatch.journal.IncidentLog;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A session whose commands are its {@link FlattenWiring}'s: every mode (demo, live, load test) answers
 * flatten, kill, cancel, arming, alarms and dead-man states the same way, so it is written once here.
 */
public abstract class WiredSession implements LegwatchSession {
    private static final Logger LOG = LoggerFactory.getLogger(WiredSession.class);

    /** The kill switch, policy and dead-man switches behind this session. */
    public abstract FlattenWiring safety();

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
