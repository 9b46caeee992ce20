package io.legwatch.sim.protocol.deribit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults that only exist on the wire, on top of the simulator core's own ({@link io.legwatch.sim.SimFaults}:
 * disconnect = sockets dropped and refused, silence = nothing written while TCP stays open).
 * Thread-safe; each counter is consumed by the next matching frames.
 */
public final class DeribitWireFaults {
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger duplicated = new AtomicInteger();
    private final AtomicInteger reordered = new AtomicInteger();
    private final Runnable dropper;
    private volatile boolean refuseWebSockets;

    DeribitWireFaults(Runnable dropper) {
        this.dropper = dropper;
    }

    /** The next {@code n} requests (WebSocket or REST) answer 10028 too_many_requests (REST: HTTP 429). */
    public void rateLimitNext(int n) {
        rateLimited.set(n);
    }

    /** The next {@code n} notifications are sent as truncated, unparseable JSON instead. */
    public void malformNext(int n) {
        malformed.set(n);
    }

    /** The next {@code n} notifications are sent twice. */
    public void duplicateNext(int n) {
        duplicated.set(n);
    }

    /** The next {@code n} notifications are each held back and sent after the one that follows them. */
    public void reorderNext(int n) {
        reordered.set(n);
    }

    /**
     * While true, WebSocket upgrades are answered HTTP 503 (and open sockets dropped) but REST keeps
     * working: a stream-gateway outage, the case REST polling (DEGRADED) exists for.
     */
    public void refuseWebSockets(boolean refuse) {
        refuseWebSockets = refuse;
        if (refuse) {
            dropper.run();
        }
    }

    boolean refusingWebSockets() {
        return refuseWebSockets;
    }

    /** Closes every open WebSocket abruptly (no close frame); new connections are accepted. */
    public void dropConnections() {
        dropper.run();
    }

    boolean takeRateLimit() {
        return take(rateLimited);
    }

    boolean takeMalformed() {
        return take(malformed);
    }

    boolean takeDuplicate() {
        return take(duplicated);
    }

    boolean takeReorder() {
        return take(reordered);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
