package io.legwatch.sim;

/**
 * The state of the (simulated) transport between a venue and its clients. This is control-plane
 * information a real venue would never send; front ends and the in-process connector use it to
 * drop sockets (DOWN), stop writing (SILENT) and accept clients again (UP).
 */
public enum SimLink {
    /** Connected and sending. */
    UP,
    /** Disconnected: streams dropped, requests fail with a NETWORK error. */
    DOWN,
    /** Half-open: still "connected" but nothing is sent, not even heartbeats or order acks. */
    SILENT
}
