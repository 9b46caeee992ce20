package io.legwatch.sim;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

/**
 * What one simulated venue pushes to a subscriber, as domain values stamped with the venue's time
 * (epoch ms of the simulator clock).
 *
 * <p>Threading: callbacks run on the thread that drove the change (a {@code place} caller or the
 * thread stepping time), <em>while the exchange lock is held</em>, in the order the venue produced
 * them. Implementations must return quickly and must not block on another thread that may call the
 * exchange (hand work off to a queue instead). Calling back into the exchange from the same thread
 * is allowed but discouraged; never place orders from inside a callback.
 *
 * <p>While the venue's link is {@link SimLink#DOWN} or {@link SimLink#SILENT} no data callbacks are
 * made (those events are lost, as on a real dropped stream); {@link #onLink} is always delivered.
 * After a fill the order is: {@link #onFill} (one per book level hit), {@link #onOrder}, {@link #onPosition}.
 */
public interface SimListener {
    /**
     * Called once by {@link SimExchange#subscribe}, under the exchange lock, with the snapshot taken
     * atomically with the registration and before any other callback: a client can publish the
     * snapshot here and be sure no update overtakes it.
     */
    default void onSubscribed(VenueSnapshot snapshot) {
    }

    /** A position changed (fill), or the periodic (1 s) push of every non-flat position. Zero qty means flat. */
    default void onPosition(Position position, long venueTimeMs) {
    }

    /** An order was accepted, filled, cancelled, expired or triggered. */
    default void onOrder(Order order, long venueTimeMs) {
    }

    /** One execution. */
    default void onFill(Fill fill, long venueTimeMs) {
    }

    /**
     * Mark and index price of one instrument, every price tick (100 ms of sim time). For an OPTION
     * {@code markPrice} is the option premium in USD per contract and {@code indexPrice} the
     * underlying's index; for everything else both are USD per base unit.
     */
    default void onPrice(InstrumentKey instrument, double markPrice, double indexPrice, long venueTimeMs) {
    }

    /**
     * The venue refused an order (injected fault, reduce-only, duplicate client id, bad quantity):
     * the same code as the order's failed future, with the order's client id and instrument in the
     * text, pushed so a monitor sees the rejection of an order it did not send itself.
     */
    default void onRejection(VenueError error, long venueTimeMs) {
    }

    /** The venue is alive; once per second of sim time. */
    default void onHeartbeat(VenueId venue, long venueTimeMs) {
    }

    /** Fault injection changed the link (control plane, delivered even when DOWN or SILENT). */
    default void onLink(VenueId venue, SimLink link, String detail, long venueTimeMs) {
    }
}
