package io.legwatch.flatten;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Exchange-side dead-man switches (Deribit cancel-on-disconnect, Binance countdownCancelAll, Bybit
 * DCP, OKX cancel-all-after): armed and refreshed on each venue while it is connected, so if
 * Legwatch dies or loses the link the venue cancels our open orders by itself.
 * Driven by {@link #onSnapshot} (connection states) and {@link #tick} (refresh), with an injected
 * clock; {@link #start} runs the tick on a scheduler.
 */
public final class DeadManSwitches implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadManSwitches.class);

    /** What the UI panel must say next to the switches. */
    public static final String WARNING = "Dead-man switches make the exchange cancel your OPEN ORDERS if Legwatch "
            + "goes silent. They do NOT close positions: a naked leg stays naked.";

    public enum Status {
        /** Not armed yet (venue not connected since start). */
        DISARMED,
        /** Armed; the venue cancels our orders if not refreshed within the timeout. */
        ARMED,
        /** The venue is down; the exchange's timer (if armed) runs out on its own. */
        VENUE_DOWN,
        /** The venue or connector has no dead-man switch. */
        UNSUPPORTED,
        /** Monitor-only connector: no order path, nothing to arm. */
        MONITOR_ONLY,
        /** The last arm/refresh failed; retried at the next tick. */
        ERROR
    }

    /**
     * One venue's switch, for the UI panel.
     *
     * @param firesInMs time until the venue would cancel our orders if no refresh arrives; -1 when not armed
     */
    public record State(VenueId venue, Status status, Duration timeout, long lastArmedMs, long firesInMs,
                        String lastError) {
    }

    private static final class Switch {
        final VenueId venue;
        final OrderGateway gateway;
        Status status;
        boolean connected;
        boolean inFlight;
        /** When the call in flight was sent: its answer is matched by it, a superseded call's is ignored. */
        long inFlightSinceMs;
        long lastArmedMs;
        String lastError;

        Switch(VenueId venue, OrderGateway gateway) {
            this.venue = venue;
            this.gateway = gateway;
            this.status = gateway == null ? Status.MONITOR_ONLY : Status.DISARMED;
        }
    }

    private final TimeSource time;
    private final Duration timeout;
    private final Duration refreshEvery;
    private final Map<VenueId, Switch> switches = new TreeMap<>();
    private ScheduledFuture<?> ticker;

    /**
     * @param timeout      what the venue is told: cancel our orders after this much silence
     * @param refreshEvery how often to refresh while connected (well inside {@code timeout})
     */
    public DeadManSwitches(Collection<? extends VenueConnector> venues, TimeSource time, Duration timeout,
                           Duration refreshEvery) {
        this.time = Objects.requireNonNull(time, "time");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.refreshEvery = Objects.requireNonNull(refreshEvery, "refreshEvery");
        if (timeout.isZero() || timeout.isNegative() || refreshEvery.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("dead-man refresh (" + refreshEvery + ") must be shorter than its timeout ("
                    + timeout + ")");
        }
        for (VenueConnector c : venues) {
            Optional<OrderGateway> g = c.orders();
            switches.put(c.venue(), new Switch(c.venue(), g.orElse(null)));
        }
    }

    /** Follows connection states: a venue that comes back is armed at once. */
    public void onSnapshot(MonitorSnapshot snapshot) {
        synchronized (this) {
            for (VenueView v : snapshot.venues().values()) {
                Switch s = switches.get(v.venue());
                if (s != null) {
                    s.connected = v.state().trusted();
                    if (!s.connected && s.status == Status.ARMED) {
                        s.status = Status.VENUE_DOWN;
                    }
                }
            }
        }
        tick();
    }

    /** Arms or refreshes every connected venue whose refresh is due. */
    public void tick() {
        long now = time.millis();
        List<Switch> due = new ArrayList<>();
        synchronized (this) {
            for (Switch s : switches.values()) {
                if (s.inFlight && now - s.inFlightSinceMs >= refreshEvery.toMillis()) {
                    // Unanswered for a whole refresh period: the venue's timer may be running out. Say so, send again.
                    s.inFlight = false;
                    s.status = Status.ERROR;
                    s.lastError = "no answer to arm/refresh within " + refreshEvery.toMillis() + " ms";
                    LOG.warn("dead-man switch on {}: {}", s.venue, s.lastError);
                }
                if (s.gateway == null || s.status == Status.UNSUPPORTED || !s.connected || s.inFlight) {
                    continue;
                }
                boolean needs = s.status != Status.ARMED || now - s.lastArmedMs >= refreshEvery.toMillis();
                if (needs) {
                    s.inFlight = true;
                    s.inFlightSinceMs = now;
                    due.add(s);
                }
            }
        }
        due.forEach(s -> arm(s, now));
    }

    private void arm(Switch s, long sentAt) {
        try {
            s.gateway.armDeadMan(timeout).whenComplete((v, e) -> done(s, sentAt, e));
        } catch (RuntimeException e) {
            done(s, sentAt, e);
        }
    }

    private synchronized void done(Switch s, long sentAt, Throwable e) {
        if (!s.inFlight || s.inFlightSinceMs != sentAt) {
            return; // the answer to a call already given up on; the newer call decides
        }
        s.inFlight = false;
        if (e == null) {
            s.status = Status.ARMED;
            s.lastArmedMs = sentAt; // the venue's timer started no later than our request
            s.lastError = null;
            return;
        }
        Throwable cause = LegLadder.unwrap(e);
        if (cause instanceof VenueException ve && ve.error().kind() == VenueError.Kind.UNSUPPORTED) {
            s.status = Status.UNSUPPORTED;
        } else {
            s.status = Status.ERROR;
        }
        s.lastError = LegLadder.message(cause);
        LOG.warn("dead-man switch on {}: {}", s.venue, s.lastError);
    }

    public synchronized List<State> states() {
        long now = time.millis();
        List<State> out = new ArrayList<>();
        for (Switch s : switches.values()) {
            boolean timerRunning = s.lastArmedMs != 0 && (s.status == Status.ARMED || s.status == Status.VENUE_DOWN
                    || s.status == Status.ERROR);
            long firesIn = timerRunning ? Math.max(0, s.lastArmedMs + timeout.toMillis() - now) : -1;
            out.add(new State(s.venue, s.status, timeout, s.lastArmedMs, firesIn, s.lastError));
        }
        return out;
    }

    /** Ticks every {@code period} on {@code scheduler} until {@link #close()}. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        if (ticker == null) {
            ticker = scheduler.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops refreshing and disarms every armed switch (a clean shutdown must not leave timers running). */
    @Override
    public void close() {
        List<Switch> armed = new ArrayList<>();
        synchronized (this) {
            if (ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
            for (Switch s : switches.values()) {
                if (s.status == Status.ARMED) {
                    armed.add(s);
                    s.status = Status.DISARMED;
                }
            }
        }
        for (Switch s : armed) {
            try {
                s.gateway.armDeadMan(Duration.ZERO).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("could not disarm dead-man switch on {}: {}", s.venue, e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
