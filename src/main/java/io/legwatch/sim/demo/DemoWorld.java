package io.legwatch.sim.demo;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimClock;
import io.legwatch.sim.SimExchange;

import java.time.Duration;
import java.util.List;

/**
 * The whole demo from one seed: a {@link SimExchange} (sim-a, sim-b, sim-c), the
 * {@link DemoScenario} and a {@link DemoTrader}. Either run it in real time ({@link #start()}: a
 * clock thread steps the exchange and then the trader every 50 ms) or drive it by hand in tests
 * ({@link #advance}). App wiring:
 * <pre>{@code
 * DemoWorld world = DemoWorld.create(seed);
 * // one InProcessConnector (or protocol front end) per world.exchange().venues(), strategies from world.strategies()
 * world.start();
 * ...
 * world.close();
 * }</pre>
 */
public final class DemoWorld implements AutoCloseable {
    /** How often the real-time clock steps the simulator and the trader. */
    public static final Duration STEP = Duration.ofMillis(50);

    private final SimExchange exchange;
    private final DemoScenario scenario;
    private final DemoTrader trader;
    private final SimClock clock;

    private DemoWorld(long seed, TimeSource time) {
        this.exchange = new SimExchange(seed, time.millis());
        this.scenario = DemoScenario.standard(exchange);
        this.trader = new DemoTrader(exchange, scenario, seed);
        this.clock = new SimClock(exchange, time, STEP);
        clock.onStep(trader::step);
    }

    /** A demo on the system clock (venue timestamps are real epoch ms). */
    public static DemoWorld create(long seed) {
        return create(seed, TimeSource.SYSTEM);
    }

    /** A demo whose simulator starts at {@code time.millis()} and, when started, follows {@code time}. */
    public static DemoWorld create(long seed, TimeSource time) {
        return new DemoWorld(seed, time);
    }

    public SimExchange exchange() {
        return exchange;
    }

    public DemoScenario scenario() {
        return scenario;
    }

    public List<Strategy> strategies() {
        return scenario.strategies();
    }

    public DemoTrader trader() {
        return trader;
    }

    /** Runs the simulator and the trader in real time on the "sim-clock" daemon thread. */
    public void start() {
        clock.start();
    }

    /** Stops the clock thread; the state stays (start again to continue). */
    public void stop() {
        clock.stop();
    }

    public boolean running() {
        return clock.running();
    }

    /** Manual time for tests (do not mix with {@link #start()}): steps exchange then trader, tick by tick. */
    public void advance(Duration d) {
        long end = exchange.nowMs() + d.toMillis();
        trader.step();
        while (exchange.nowMs() < end) {
            exchange.advanceTo(Math.min(end, exchange.nowMs() + SimExchange.TICK_MS));
            trader.step();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
