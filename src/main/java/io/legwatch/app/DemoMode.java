package io.legwatch.app;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.sim.demo.DemoWorld;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Demo mode: a seeded {@link DemoWorld} (simulated venues sim-a/b/c and a demo trader running three
 * hedged strategies), one {@link InProcessConnector} per venue, the {@link HedgeMonitor} and the
 * kill switch, all in this process. Construction is cheap (no threads); {@link #start()} starts
 * the engine, the connectors and the world's clock; {@link #close()} stops them all.
 */
public final class DemoMode implements LegwatchSession {
    public static final long DEFAULT_SEED = 7;
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    private final DemoWorld world;
    private final HedgeMonitor monitor;
    private final List<InProcessConnector> connectors = new ArrayList<>();
    private final SimFaultControl faults;
    private final ArmedFlags auto = new ArmedFlags();
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    public DemoMode(long seed) {
        this.world = DemoWorld.create(seed, TimeSource.SYSTEM);
        this.monitor = new HedgeMonitor(world.strategies(), MonitorSettings.defaults(), TimeSource.SYSTEM);
        for (VenueId venue : world.exchange().venues()) {
            connectors.add(new InProcessConnector(world.exchange(), venue));
        }
        this.faults = new SimFaultControl(world.exchange());
    }

    @Override
    public String label() {
        return "DEMO \u00b7 simulated venues";
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                return;
            }
            started = true;
            monitor.start();
            for (VenueConnector c : connectors) {
                c.start(monitor::submit);
            }
            world.start();
        }
        log.info("Demo started: venues {}, strategies {}", world.exchange().venues(),
                world.strategies().stream().map(s -> s.id()).toList());
    }

    @Override
    public MonitorSnapshot snapshot() {
        return monitor.snapshot();
    }

    @Override
    public FlattenPreview preview(FlattenTarget target) {
        throw new UnsupportedOperationException("flatten is not wired yet");
    }

    @Override
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        throw new UnsupportedOperationException("flatten is not wired yet");
    }

    @Override
    public CompletableFuture<ActionReceipt> killAll() {
        throw new UnsupportedOperationException("flatten is not wired yet");
    }

    @Override
    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        throw new UnsupportedOperationException("flatten is not wired yet");
    }

    @Override
    public AutoFlattenControl autoFlatten() {
        return auto;
    }

    @Override
    public List<AppAlarm> alarms() {
        return List.of();
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.of(faults);
    }

    /** The simulated world behind the demo (tests read the simulator's positions from it). */
    public DemoWorld world() {
        return world;
    }

    public HedgeMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Producers first (the clock drives the trader and the venues), then consumers.
        world.close();
        for (VenueConnector c : connectors) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed", c.venue(), e);
            }
        }
        monitor.close();
        log.info("Demo stopped");
    }
}
