package io.legwatch.sim;

/**
 * Error codes the simulator puts into {@link io.legwatch.domain.VenueError#code()} for its own
 * (non-injected) rejections. Protocol front ends map them onto each venue's own codes.
 */
public final class SimErrorCodes {
    /** A client order id already seen on this account. */
    public static final String DUPLICATE_CLIENT_ID = "duplicate_client_order_id";
    /** A reduce-only order with nothing to reduce (it would open or increase a position). */
    public static final String REDUCE_ONLY = "reduce_only_rejected";
    /** Quantity not a positive multiple of the lot size. */
    public static final String INVALID_QUANTITY = "invalid_quantity";
    /** Symbol not listed on this account. */
    public static final String UNKNOWN_INSTRUMENT = "unknown_instrument";
    /** The order or cancel never reached the venue (disconnect fault). */
    public static final String DISCONNECTED = "disconnected";
    /** The venue went away before acknowledging: the outcome is unknown. */
    public static final String ACK_LOST = "ack_lost";
    /** Code of {@link SimFaults#rateLimitNext(int)} refusals (kind RATE_LIMITED). */
    public static final String RATE_LIMITED = "too_many_requests";
    /** Default code used by {@link SimFaults#rejectNext(int)}. */
    public static final String INJECTED = "injected_reject";

    private SimErrorCodes() {
    }
}
