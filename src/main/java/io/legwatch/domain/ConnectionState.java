package io.legwatch.domain;

/** What Legwatch knows about its link to one venue account. */
public enum ConnectionState {
    /** Not yet connected, or reconnecting; positions not known. */
    CONNECTING,
    /** Stream up, snapshot loaded, data fresh. */
    CONNECTED,
    /** Stream down, positions polled over REST: usable but slower. */
    DEGRADED,
    /** Connected but nothing heard within the staleness limit. */
    STALE,
    /** Disconnected. */
    DOWN;

    /** True when positions on this venue can be trusted. */
    public boolean trusted() {
        return this == CONNECTED || this == DEGRADED;
    }
}
