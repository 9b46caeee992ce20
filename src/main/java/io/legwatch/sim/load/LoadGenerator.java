package io.legwatch.sim.load;

import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a load profile against a {@link SimExchange} in real time on one daemon thread ("sim-load"),
 * which both steps the simulator clock and makes the moves, and stops by itself when the profile's
 * duration is over (or at {@link #stop()}). Whatever consumes the exchange sees the load: in-process
 * connectors, or protocol front ends serving the same exchange on loopback.
 * <pre>{@code
 * SimExchange exchange = new SimExchange(profile.seed(), System.currentTimeMillis());
 * LoadUniverse universe = LoadUniverse.of(profile, exchange);
 * universe.install(exchange);                      // lists one instrument per leg, opens hedged positions
 * // configure the engine with universe.strategies(), connect one connector per exchange.venues()
 * LoadGenerator load = LoadGenerator.start(exchange, universe);
 * load.awaitFinished(profile.duration().plusSeconds(5));
 * }</pre>
 */
public final class LoadGenerator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    private static final long STEP_NANOS = 1_000_000L;

    private final LoadDriver driver;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile LoadStats finalStats;
    private volatile List<InjectedFailure> finalFailures;

    private LoadGenerator(SimExchange exchange, LoadUniverse universe, TimeSource time) {
        this.driver = new LoadDriver(exchange, universe, time);
        this.thread = new Thread(this::run, "sim-load");
        thread.setDaemon(true);
    }

    /**
     * Starts the load at once.
     *
     * @throws IllegalArgumentException when the profile's rate is below what the simulator pushes by itself
     */
    public static LoadGenerator start(SimExchange exchange, LoadUniverse universe) {
        LoadGenerator generator = new LoadGenerator(exchange, universe, TimeSource.SYSTEM);
        generator.thread.start();
        return generator;
    }

    /** Ends the run early: open failures are repaired (their strategies hedged again), then the thread exits. */
    public void stop() {
        stopRequested = true;
        LockSupport.unpark(thread);
    }

    @Override
    public void close() {
        stop();
        awaitFinished(Duration.ofSeconds(5));
    }

    /** Waits for the run to end; true when it has. */
    public boolean awaitFinished(Duration timeout) {
        try {
            return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean running() {
        return finished.getCount() > 0;
    }

    /** The counts at the end of the run; null while it is running. */
    public LoadStats stats() {
        return finalStats;
    }

    /** Every injected failure (which legs, when, when repaired) at the end of the run; null while running. */
    public List<InjectedFailure> failures() {
        return finalFailures;
    }

    /** Messages per second the simulator pushes by itself for this universe. */
    public double baseMessagesPerSecond() {
        return driver.baseMessagesPerSecond();
    }

    private void run() {
        long start = System.nanoTime();
        try {
            while (!stopRequested && driver.step(System.nanoTime() - start)) {
                LockSupport.parkNanos(STEP_NANOS);
            }
            driver.repairAll();
        } catch (RuntimeException e) {
            log.error("load generator failed; stopping", e);
        } finally {
            finalStats = driver.stats();
            finalFailures = driver.failures();
            finished.countDown();
        }
    }
}
