package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;

/**
 * Folds venue events and control commands into the {@link MonitorState}, in arrival order, and has
 * the touched strategies re-decided. Bad input becomes an error on the venue's view, never a silent drop.
 */
final class EventFolder {
    private final MonitorState state;

    EventFolder(MonitorState state) {
        this.state = state;
    }

    void apply(VenueEvent event, long nowMs) {
        VenueState venue = state.venue(event.venue());
        state.heard(venue, nowMs);
        state.lastEventRecvNanos = event.recvNanos();
        // Ordered by expected frequency.
        if (event instanceof VenueEvent.PositionUpdate update) {
            position(venue, update.position(), nowMs);
        } else if (event instanceof VenueEvent.OrderUpdate update) {
            checkQuantities(venue, update.order());
            InstrumentState instrument = state.instrument(update.order().instrument());
            instrument.orders.upsert(update.order());
            instrument.lastUpdateMs = nowMs;
            state.instrumentChanged(instrument, nowMs);
        } else if (event instanceof VenueEvent.PriceUpdate price) {
            price(venue, price, nowMs);
        } else if (event instanceof VenueEvent.Heartbeat) {
            // heard() above is all a heartbeat means
        } else if (event instanceof VenueEvent.FillEvent fill) {
            InstrumentState instrument = state.instrument(fill.fill().instrument());
            instrument.recordFill(fill.fill());
            instrument.lastUpdateMs = nowMs;
            state.instrumentViewChanged(instrument);
        } else if (event instanceof VenueEvent.StatusChange change) {
            status(venue, change, nowMs);
        } else if (event instanceof VenueEvent.Snapshot snapshot) {
            snapshot(venue, snapshot, nowMs);
        } else if (event instanceof VenueEvent.ErrorReport report) {
            error(venue, report.error());
        }
    }

    void apply(ControlCommand command, long nowMs) {
        StrategyState strategy = state.strategiesById.get(command.strategyId());
        if (strategy == null) {
            throw new IllegalArgumentException("no strategy '" + command.strategyId() + "'");
        }
        if (command instanceof ControlCommand.FlattenStarted) {
            strategy.flatten = StrategyState.Flatten.WORKING;
            strategy.flattenDetail = "";
        } else if (command instanceof ControlCommand.FlattenFinished finished) {
            strategy.flatten = finished.verifiedFlat() ? StrategyState.Flatten.NONE : StrategyState.Flatten.FAILED;
            strategy.flattenDetail = finished.detail() == null ? "" : finished.detail();
        } else if (command instanceof ControlCommand.ClearFailure) {
            if (strategy.flatten == StrategyState.Flatten.FAILED) {
                strategy.flatten = StrategyState.Flatten.NONE;
                strategy.flattenDetail = "";
            }
        }
        state.evaluate(strategy, nowMs);
    }

    /** An error the engine itself found in venue input: shown on the venue like a venue error. */
    void reject(VenueState venue, String message) {
        error(venue, new VenueError(venue.id, VenueError.Kind.MALFORMED, null, message));
    }

    /**
     * An order with a non-finite quantity is still kept (it may be in doubt, and dropping it would count
     * it as harmless); the strategy evaluator treats its unbounded delta as unknown. The trader is told.
     */
    private void checkQuantities(VenueState venue, Order order) {
        if (!Double.isFinite(order.qty()) || !Double.isFinite(order.filledQty())) {
            reject(venue, "order " + order.key() + " on " + order.instrument() + " has quantity " + order.qty()
                    + ", filled " + order.filledQty() + "; what it could fill is unknown");
        }
    }

    private void position(VenueState venue, Position position, long nowMs) {
        if (!Double.isFinite(position.qty())) {
            reject(venue, "position update for " + position.instrument() + " ignored: quantity is " + position.qty());
            return;
        }
        InstrumentState instrument = state.instrument(position.instrument());
        setPosition(venue, instrument, position, nowMs);
        state.instrumentChanged(instrument, nowMs);
    }

    /**
     * An infinite mark or delta is refused (shown on the venue) and treated as not reported: with one
     * infinite leg, net and gross are both infinite and the tolerance test would pass, showing HEDGED.
     */
    private void setPosition(VenueState venue, InstrumentState instrument, Position position, long nowMs) {
        instrument.qty = position.qty();
        double delta = position.venueDelta();
        if (Double.isInfinite(delta)) {
            reject(venue, "venue delta of " + position.instrument() + " ignored: it is " + delta);
            delta = Double.NaN;
        }
        instrument.venueDelta = delta;
        double mark = position.markPrice();
        if (Double.isInfinite(mark)) {
            reject(venue, "mark price of " + position.instrument() + " ignored: it is " + mark);
        } else if (mark > 0) {
            instrument.mark = mark;
        }
        instrument.lastUpdateMs = nowMs;
    }

    private void price(VenueState venue, VenueEvent.PriceUpdate price, long nowMs) {
        if (!(price.markPrice() > 0) || Double.isInfinite(price.markPrice())) {
            reject(venue, "price update for " + price.instrument() + " ignored: mark price is " + price.markPrice());
            return;
        }
        InstrumentState instrument = state.instrument(price.instrument());
        instrument.mark = price.markPrice();
        instrument.lastUpdateMs = nowMs;
        state.instrumentChanged(instrument, nowMs);
    }

    private void status(VenueState venue, VenueEvent.StatusChange change, long nowMs) {
        venue.reported = change.state();
        venue.detail = change.detail();
        if (change.state() == ConnectionState.DOWN || change.state() == ConnectionState.CONNECTING) {
            // Updates may be lost while the link is down: only a fresh snapshot makes positions known again.
            venue.synced = false;
        }
        state.venueChanged(venue, nowMs);
    }

    /** Replaces everything known about the venue: an absent symbol is flat, an absent order is gone. */
    private void snapshot(VenueState venue, VenueEvent.Snapshot snapshot, long nowMs) {
        for (Position position : snapshot.positions()) {
            if (!Double.isFinite(position.qty())) {
                reject(venue, "snapshot ignored: position of " + position.instrument() + " has quantity "
                        + position.qty() + "; positions on " + venue.id + " unknown until the next snapshot");
                venue.synced = false;
                state.venueChanged(venue, nowMs);
                return;
            }
        }
        for (Instrument instrument : snapshot.instruments()) {
            if (!instrument.venue().equals(venue.id)) {
                reject(venue, "snapshot of " + venue.id + " describes " + instrument.key() + " of another venue; ignored");
                continue;
            }
            state.describe(state.instrument(instrument.key()), instrument);
        }
        for (int i = 0; i < venue.instruments.size(); i++) {
            InstrumentState instrument = venue.instruments.get(i);
            instrument.qty = 0;
            instrument.venueDelta = Double.NaN;
            instrument.orders.clear();
            instrument.lastUpdateMs = nowMs;
        }
        for (Position position : snapshot.positions()) {
            if (!position.instrument().venue().equals(venue.id)) {
                reject(venue, "snapshot of " + venue.id + " holds a position of " + position.instrument() + "; ignored");
            } else {
                setPosition(venue, state.instrument(position.instrument()), position, nowMs);
            }
        }
        for (Order order : snapshot.openOrders()) {
            if (!order.instrument().venue().equals(venue.id)) {
                reject(venue, "snapshot of " + venue.id + " holds an order on " + order.instrument() + "; ignored");
            } else {
                checkQuantities(venue, order);
                state.instrument(order.instrument()).orders.upsert(order);
            }
        }
        venue.synced = true;
        state.venueChanged(venue, nowMs);
    }

    private void error(VenueState venue, VenueError error) {
        venue.lastError = error;
        venue.errorCount++;
        venue.viewDirty = true;
        state.venuesDirty = true;
        state.changed = true;
    }
}
