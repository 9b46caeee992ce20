package io.legwatch.sim;

import io.legwatch.domain.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link SimExchange} in real time: one daemon thread ("sim-clock") advances the exchange to
 * {@code time.millis()} every {@code period}, then runs the step hooks (e.g. the demo trader).
 * Create the exchange with {@code startEpochMs = time.millis()} so venue timestamps are real.
 */
public final class SimClock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimClock.class);

    private final SimExchange exchange;
    private final TimeSource time;
    private final Duration period;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService executor;

    public SimClock(SimExchange exchange, TimeSource time, Duration period) {
        this.exchange = exchange;
        this.time = time;
        this.period = period;
    }

    /** Runs {@code hook} on the clock thread after every step. */
    public void onStep(Runnable hook) {
        hooks.add(hook);
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-clock");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::step, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread and waits (up to 5 s) for a step in progress to finish. */
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("sim clock thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    public synchronized boolean running() {
        return executor != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void step() {
        try {
            exchange.advanceTo(time.millis());
            for (Runnable hook : hooks) {
                hook.run();
            }
        } catch (RuntimeException e) {
            // keep the clock alive: one bad step must not freeze the whole simulator
            log.error("simulator step failed", e);
        }
    }
}
