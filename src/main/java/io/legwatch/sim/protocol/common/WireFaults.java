package io.legwatch.sim.protocol.common;

import io.legwatch.sim.SimLink;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a front end applies on the wire: the simulator's link state (DOWN, SILENT) as last
 * reported, plus wire-only faults (duplicated or reordered pushes, rate-limit answers, refused
 * streams). Thread-safe.
 */
public final class WireFaults {
    private final AtomicInteger rateLimits = new AtomicInteger();
    private final AtomicInteger reorders = new AtomicInteger();
    private volatile boolean duplicating;
    private volatile boolean refuseStreams;
    private volatile SimLink link = SimLink.UP;

    public void link(SimLink newLink) {
        link = newLink;
    }

    public boolean down() {
        return link == SimLink.DOWN;
    }

    public boolean silent() {
        return link == SimLink.SILENT;
    }

    public void duplicatePushes(boolean on) {
        duplicating = on;
    }

    public boolean duplicating() {
        return duplicating;
    }

    /** The next {@code pairs} pairs of pushes go out in swapped order. */
    public void reorderNextPushes(int pairs) {
        reorders.set(2 * pairs);
    }

    /** True (and counts one down) while pushes are to be reordered. */
    public boolean takeReorder() {
        return reorders.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** The next {@code n} REST requests answer the venue's rate-limit error. */
    public void rateLimitNext(int n) {
        rateLimits.set(n);
    }

    /** True (and counts one down) while REST requests are to be refused as rate limited. */
    public boolean takeRateLimit() {
        return rateLimits.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    public void refuseStreams(boolean on) {
        refuseStreams = on;
    }

    /** True when a new stream connection must be refused (link down or streams refused). */
    public boolean refusesStreams() {
        return down() || refuseStreams;
    }
}
