package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small world for engine tests: strategy {@code s1} holds long BTC spot on venue A and short a
 * linear BTC perp (0.001 BTC per contract) on venue B, BTC at 50,000 USD, tolerance 1,000 USD or 2 %
 * of gross, grace 3 s. The monitor is driven synchronously with a manual clock.
 */
final class EngineFixture {
    static final VenueId A = VenueId.of("sim-a");
    static final VenueId B = VenueId.of("sim-b");
    static final double PRICE = 50_000;
    static final long GRACE_MS = 3_000;

    static final Instrument SPOT = new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1, 0.0001);
    static final Instrument PERP = new Instrument(B, "BTC-PERP", "BTC", InstrumentKind.LINEAR, 0.001, 1);
    static final Instrument OTHER = new Instrument(A, "ETH-USD", "ETH", InstrumentKind.SPOT, 1, 0.001);
    static final Tolerance TOLERANCE = new Tolerance(1_000, 2.0, Duration.ofMillis(GRACE_MS));
    static final Strategy S1 = new Strategy("s1", "BTC basis", List.of(
            new Leg("spot", SPOT.key(), Side.BUY, 1),
            new Leg("perp", PERP.key(), Side.SELL, 1)), TOLERANCE);

    final ManualTime time = new ManualTime(1_700_000_000_000L);
    final HedgeMonitor monitor;
    final List<StatusTransition> transitions = new ArrayList<>();

    EngineFixture() {
        this(List.of(S1), MonitorSettings.defaults());
    }

    EngineFixture(List<Strategy> strategies, MonitorSettings settings) {
        monitor = new HedgeMonitor(strategies, settings, time);
        monitor.addTransitionListener(transitions::add);
    }

    /** Both venues connected, with snapshots holding {@code spotQty} BTC and {@code perpContracts} contracts. */
    EngineFixture connected(double spotQty, double perpContracts) {
        status(A, ConnectionState.CONNECTED);
        status(B, ConnectionState.CONNECTED);
        snapshot(A, List.of(SPOT, OTHER), positions(SPOT, spotQty));
        snapshot(B, List.of(PERP), positions(PERP, perpContracts));
        price(SPOT, PRICE);
        price(PERP, PRICE);
        return this;
    }

    private static List<Position> positions(Instrument instrument, double qty) {
        return qty == 0 ? List.of() : List.of(new Position(instrument.key(), qty, PRICE, Double.NaN));
    }

    void status(VenueId venue, ConnectionState state) {
        send(new VenueEvent.StatusChange(venue, state, state + " by test", 0, 0));
    }

    void snapshot(VenueId venue, List<Instrument> instruments, List<Position> positions) {
        snapshot(venue, instruments, positions, List.of());
    }

    void snapshot(VenueId venue, List<Instrument> instruments, List<Position> positions, List<Order> orders) {
        send(new VenueEvent.Snapshot(venue, instruments, positions, orders, 0, 0));
    }

    void price(Instrument instrument, double mark) {
        send(new VenueEvent.PriceUpdate(instrument.key(), mark, mark, 0, 0));
    }

    void position(Instrument instrument, double qty) {
        send(new VenueEvent.PositionUpdate(new Position(instrument.key(), qty, PRICE, Double.NaN), 0, 0));
    }

    void order(InstrumentKey instrument, String orderId, String clientId, Side side, double qty, OrderState state) {
        send(new VenueEvent.OrderUpdate(new Order(instrument, orderId, clientId, side, OrderType.MARKET, qty, 0,
                Double.NaN, false, false, state, null), 0, 0));
    }

    void fill(InstrumentKey instrument, Side side, double qty) {
        send(new VenueEvent.FillEvent(new Fill(instrument, "t" + time.millis(), "o1", null, side, qty, PRICE), 0, 0));
    }

    void heartbeat(VenueId venue) {
        send(new VenueEvent.Heartbeat(venue, 0, 0));
    }

    void send(VenueEvent event) {
        monitor.submit(event);
        monitor.runOnce();
    }

    /** Runs one engine turn at the current clock (applies queued controls, ticks, publishes). */
    MonitorSnapshot turn() {
        return monitor.runOnce();
    }

    void advance(long ms) {
        time.advance(ms);
        monitor.runOnce();
    }

    StrategyView strategy(String id) {
        return monitor.snapshot().strategies().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    StrategyView s1() {
        return strategy("s1");
    }
}
