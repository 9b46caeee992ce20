package io.legwatch.sim;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

import java.time.Duration;

/**
 * Fault injection for one simulated venue; obtained from {@link SimExchange#faults(VenueId)}.
 * Thread-safe. Faults combine (e.g. delayed acks and partial fills); {@link #heal()} clears all.
 */
public final class SimFaults {
    private final SimExchange exchange;
    private final VenueId venue;

    SimFaults(SimExchange exchange, VenueId venue) {
        this.exchange = exchange;
        this.venue = venue;
    }

    public VenueId venue() {
        return venue;
    }

    /** Rejects the next {@code n} orders that reach the venue (kind REJECTED) with this venue error code and text. */
    public void rejectNext(int n, String code, String text) {
        refuseNext(n, VenueError.Kind.REJECTED, code, text);
    }

    /**
     * Refuses the next {@code n} orders with a RATE_LIMITED error (code {@code too_many_requests}):
     * the order is not executed; front ends answer it as the venue's rate-limit response.
     */
    public void rateLimitNext(int n) {
        refuseNext(n, VenueError.Kind.RATE_LIMITED, SimErrorCodes.RATE_LIMITED,
                "too many requests to " + venue + " (injected fault)");
    }

    private void refuseNext(int n, VenueError.Kind kind, String code, String text) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        exchange.mutate(venue, v -> {
            v.rejectsPending = n;
            v.rejectKind = kind;
            v.rejectCode = code;
            v.rejectText = text;
        });
    }

    /** Rejects the next {@code n} orders with {@link SimErrorCodes#INJECTED} and a generic text. */
    public void rejectNext(int n) {
        rejectNext(n, SimErrorCodes.INJECTED, "order rejected by " + venue + " (injected fault)");
    }

    /** Drops the venue: streams stop, listeners get {@link SimLink#DOWN}, requests fail with NETWORK. */
    public void disconnect() {
        exchange.setLink(venue, SimLink.DOWN, venue + " disconnected (injected fault)");
    }

    /** Brings a disconnected or silent venue back: listeners get {@link SimLink#UP} and should resync. */
    public void reconnect() {
        exchange.setLink(venue, SimLink.UP, venue + " reachable again");
    }

    /**
     * Half-open link: the venue stays "connected" but sends nothing (no data, heartbeats or acks);
     * orders still reach it and execute. Clients must notice by staleness.
     */
    public void goSilent() {
        exchange.setLink(venue, SimLink.SILENT, venue + " went silent (injected fault)");
    }

    /** Ends a silence (same as {@link #reconnect()}): withheld acks are released. */
    public void endSilence() {
        reconnect();
    }

    /** Every order reaches the matching engine only {@code delay} later (sim time, 100 ms resolution). */
    public void delayAcks(Duration delay) {
        exchange.mutate(venue, v -> v.ackDelayMs = Math.max(0, delay.toMillis()));
    }

    /** Each new order fills at most {@code fraction} (0..1] of its quantity; the rest expires or rests. */
    public void partialFills(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        exchange.mutate(venue, v -> v.fillFraction = fraction);
    }

    /**
     * Thin liquidity: every level of this venue's books offers at most {@code fraction} (0..1] of its
     * normal size, so orders walk deeper, slip more and run out sooner.
     */
    public void thinBook(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        exchange.mutate(venue, v -> v.depthFraction = fraction);
    }

    /** Freezes (true) or releases (false) this venue's marks; price updates keep coming, unchanged. */
    public void stalePrices(boolean stale) {
        exchange.mutate(venue, v -> v.pricesStale = stale);
    }

    /** Clears every fault: link UP, no rejects, no delay, full fills, live prices, full depth. */
    public void heal() {
        exchange.mutate(venue, v -> {
            v.rejectsPending = 0;
            v.rejectCode = null;
            v.rejectText = null;
            v.ackDelayMs = 0;
            v.fillFraction = 1.0;
            v.pricesStale = false;
            v.depthFraction = 1.0;
        });
        exchange.setLink(venue, SimLink.UP, venue + " healed");
    }

    /** Everything injected right now. */
    public FaultState state() {
        return exchange.withVenue(venue, SimVenue::faultState);
    }

    public SimLink link() {
        return state().link();
    }

    public boolean isDisconnected() {
        return link() == SimLink.DOWN;
    }

    public boolean isSilent() {
        return link() == SimLink.SILENT;
    }

    /** How many of the next orders will be rejected. */
    public int pendingRejects() {
        return state().rejectsPending();
    }
}
