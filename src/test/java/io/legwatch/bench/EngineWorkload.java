package io.legwatch.bench;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The engine benchmark's world: 500 strategies x 4 legs across 4 venues (spot, linear perp, inverse
 * perp, linear future; 10 underlyings), every venue connected with a snapshot, and a seeded stream of
 * mixed events: 50 % position updates (mostly small, sometimes a leg lost and restored), 25 % order
 * updates (new/ack/cancel, some pending = in doubt), 25 % price updates.
 */
final class EngineWorkload {
    static final int STRATEGIES = 500;
    static final int VENUES = 4;
    static final int UNDERLYINGS = 10;
    static final double PRICE = 50_000;

    final List<Strategy> strategies = new ArrayList<>();
    final List<VenueEvent> setup = new ArrayList<>();
    final VenueEvent[] events;
    private final Instrument[][] legs = new Instrument[STRATEGIES][VENUES];
    private final double[] baseQty = new double[VENUES];

    EngineWorkload(int eventCount, long seed, TimeSource time) {
        VenueId[] venues = new VenueId[VENUES];
        List<List<Instrument>> instruments = new ArrayList<>();
        List<List<Position>> positions = new ArrayList<>();
        for (int v = 0; v < VENUES; v++) {
            venues[v] = VenueId.of("bench-" + v);
            instruments.add(new ArrayList<>());
            positions.add(new ArrayList<>());
        }
        // +1 BTC spot, -0.5 BTC linear, -0.25 BTC inverse (USD contracts), -0.25 BTC linear future: net 0.
        baseQty[0] = 1;
        baseQty[1] = -500;
        baseQty[2] = -1250;
        baseQty[3] = -250;
        for (int s = 0; s < STRATEGIES; s++) {
            String underlying = "U" + (s % UNDERLYINGS);
            legs[s][0] = new Instrument(venues[0], underlying + "-SPOT-" + s, underlying, InstrumentKind.SPOT, 1, 0.0001);
            legs[s][1] = new Instrument(venues[1], underlying + "-PERP-" + s, underlying, InstrumentKind.LINEAR, 0.001, 1);
            legs[s][2] = new Instrument(venues[2], underlying + "-INV-" + s, underlying, InstrumentKind.INVERSE, 10, 1);
            legs[s][3] = new Instrument(venues[3], underlying + "-FUT-" + s, underlying, InstrumentKind.LINEAR, 0.001, 1);
            List<Leg> strategyLegs = new ArrayList<>();
            for (int v = 0; v < VENUES; v++) {
                strategyLegs.add(new Leg("l" + v, legs[s][v].key(), v == 0 ? Side.BUY : Side.SELL, 1));
                instruments.get(v).add(legs[s][v]);
                positions.get(v).add(new Position(legs[s][v].key(), baseQty[v], PRICE, Double.NaN));
            }
            strategies.add(new Strategy("s" + s, "strategy " + s, strategyLegs,
                    new Tolerance(1_000, 2.0, Duration.ofSeconds(3))));
        }
        for (int v = 0; v < VENUES; v++) {
            setup.add(new VenueEvent.StatusChange(venues[v], ConnectionState.CONNECTED, "bench", 0, 0));
            setup.add(new VenueEvent.Snapshot(venues[v], instruments.get(v), positions.get(v), List.of(), 0, 0));
        }
        events = generate(eventCount, seed);
    }

    private VenueEvent[] generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        VenueEvent[] out = new VenueEvent[count];
        for (int i = 0; i < count; i++) {
            int s = random.nextInt(STRATEGIES);
            int v = random.nextInt(VENUES);
            Instrument instrument = legs[s][v];
            int kind = random.nextInt(4);
            if (kind < 2) {
                // Mostly a small wobble; one in 20 a lost leg (out of tolerance until the next update).
                double qty = random.nextInt(20) == 0 ? 0 : baseQty[v] * (1 + (random.nextDouble() - 0.5) * 0.01);
                out[i] = new VenueEvent.PositionUpdate(new Position(instrument.key(), qty, PRICE, Double.NaN), 0, 0);
            } else if (kind == 2) {
                int n = random.nextInt(8);
                OrderState state = switch (random.nextInt(4)) {
                    case 0 -> OrderState.PENDING;
                    case 1 -> OrderState.NEW;
                    default -> OrderState.CANCELED;
                };
                String orderId = state == OrderState.PENDING ? null : "o" + n;
                out[i] = new VenueEvent.OrderUpdate(new Order(instrument.key(), orderId, "c" + n, Side.BUY,
                        OrderType.LIMIT, 1, 0, PRICE, false, false, state, null), 0, 0);
            } else {
                double mark = PRICE * (1 + (random.nextDouble() - 0.5) * 0.002);
                out[i] = new VenueEvent.PriceUpdate(instrument.key(), mark, mark, 0, 0);
            }
        }
        return out;
    }

    /** The same event with a new receive stamp, so a reader can tell when it was folded into a snapshot. */
    static VenueEvent restamp(VenueEvent event, long recvNanos) {
        if (event instanceof VenueEvent.PositionUpdate update) {
            return new VenueEvent.PositionUpdate(update.position(), 0, recvNanos);
        } else if (event instanceof VenueEvent.OrderUpdate update) {
            return new VenueEvent.OrderUpdate(update.order(), 0, recvNanos);
        } else if (event instanceof VenueEvent.PriceUpdate price) {
            return new VenueEvent.PriceUpdate(price.instrument(), price.markPrice(), price.indexPrice(), 0, recvNanos);
        }
        throw new IllegalArgumentException("not a workload event: " + event);
    }

    /** A monitor with the world loaded and published, driven synchronously. */
    HedgeMonitor monitor(TimeSource time) {
        HedgeMonitor monitor = new HedgeMonitor(strategies, MonitorSettings.defaults(), time);
        setup.forEach(monitor::apply);
        monitor.publish();
        return monitor;
    }
}
