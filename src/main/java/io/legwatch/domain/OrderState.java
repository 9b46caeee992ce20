package io.legwatch.domain;

public enum OrderState {
    /** Sent, no answer yet; counts as possibly filled. */
    PENDING,
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    EXPIRED,
    /** Timed out or lost in a disconnect: counts as possibly filled until the venue answers. */
    UNKNOWN;

    public boolean terminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    /** The order may still fill, or may have filled without us knowing. */
    public boolean live() {
        return !terminal();
    }
}
