package io.legwatch.venue;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The port every venue adapter implements: one venue account, streamed into {@link VenueEvent}s.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start} connects and, on connect and after every reconnect, emits a
 *       {@link VenueEvent.Snapshot} fetched from the venue before any stream update, so a reconnect
 *       resynchronises and never assumes.</li>
 *   <li>Connection changes are emitted as {@link VenueEvent.StatusChange}; a venue silent past its
 *       staleness limit is reported {@link ConnectionState#STALE}.</li>
 *   <li>The sink is called from the connector's own threads; it must not block.</li>
 *   <li>Order entry lives in {@link #orders()}: a monitor-only (read-only) connector returns empty,
 *       so there is no code path from it that can send an order.</li>
 * </ul>
 */
public interface VenueConnector extends AutoCloseable {
    VenueId venue();

    /** Connects and starts streaming into {@code sink}. Returns at once; progress arrives as events. */
    void start(Consumer<VenueEvent> sink);

    /** Disconnects; no events are emitted after this returns. */
    void stop();

    /** Instruments known on this account, loaded from the venue's metadata. */
    CompletableFuture<List<Instrument>> instruments();

    /** Positions fetched now from the venue (not from the stream). Fails rather than answer "flat". */
    CompletableFuture<List<Position>> fetchPositions();

    /** Open orders, including stop/conditional ones, fetched now from the venue. */
    CompletableFuture<List<Order>> fetchOpenOrders();

    /** The order path, or empty for a monitor-only setup. */
    Optional<OrderGateway> orders();

    @Override
    default void close() {
        stop();
    }
}
