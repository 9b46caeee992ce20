package io.legwatch.sim.load;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts every data message the simulated venues push (what a subscriber such as a connector
 * receives), so a load run can prove that every generated message reached the engine.
 * Link changes are control plane, not venue messages, and are not counted.
 */
public final class VenueMessageCounter implements SimListener, AutoCloseable {
    // Callbacks run under the exchange lock, one at a time: single writer, volatile for readers.
    private volatile long positions;
    private volatile long prices;
    private volatile long orders;
    private volatile long fills;
    private volatile long rejections;
    private volatile long heartbeats;
    private final List<SimSubscription> subscriptions = new ArrayList<>();

    /** Subscribes a counter to every venue of the exchange. */
    public static VenueMessageCounter attach(SimExchange exchange) {
        VenueMessageCounter counter = new VenueMessageCounter();
        for (VenueId venue : exchange.venues()) {
            counter.subscriptions.add(exchange.subscribe(venue, counter));
        }
        return counter;
    }

    public long total() {
        return positions + prices + orders + fills + rejections + heartbeats;
    }

    public long positions() {
        return positions;
    }

    public long prices() {
        return prices;
    }

    public long heartbeats() {
        return heartbeats;
    }

    @Override
    public void onPosition(Position position, long venueTimeMs) {
        positions++;
    }

    @Override
    public void onOrder(Order order, long venueTimeMs) {
        orders++;
    }

    @Override
    public void onFill(Fill fill, long venueTimeMs) {
        fills++;
    }

    @Override
    public void onPrice(InstrumentKey instrument, double markPrice, double indexPrice, long venueTimeMs) {
        prices++;
    }

    @Override
    public void onRejection(VenueError error, long venueTimeMs) {
        rejections++;
    }

    @Override
    public void onHeartbeat(VenueId venue, long venueTimeMs) {
        heartbeats++;
    }

    @Override
    public void close() {
        subscriptions.forEach(SimSubscription::close);
    }
}
