package io.legwatch.app;

import io.legwatch.app.live.FlattenWiring;
import io.legwatch.app.live.WiredSession;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.TransitionListener;
import io.legwatch.sim.SimClock;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.load.InjectedFailure;
import io.legwatch.sim.load.LoadGenerator;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.load.LoadUniverse;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulator's load mode as a session of its own ({@code sim.load}): a fresh {@link SimExchange}
 * with the profile's strategies (default 500 x 4 legs) listed, in-process connectors, the engine, the
 * same {@link FlattenWiring} as the other modes (nothing armed), and the {@link LoadGenerator} pushing
 * the profile's message rate (default 50,000/s) with injected leg failures until the profile's
 * duration ends. Construction starts no thread; {@link #start()} starts them, {@link #close()} stops all.
 */
public final class LoadTestMode extends WiredSession {
    private static final Logger log = LoggerFactory.getLogger(LoadTestMode.class);
    /** The simulator's own price and heartbeat tick, as in live mode's simulated venues. */
    private static final Duration SIM_TICK = Duration.ofMillis(50);

    private final LoadProfile profile;
    private final SimExchange exchange;
    private final LoadUniverse universe;
    private final SimClock simClock;
    private final HedgeMonitor monitor;
    private final List<InProcessConnector> connectors = new ArrayList<>();
    private final FlattenWiring safety;
    /** Set by startParts and taken by closeRequested, both under the lifecycle lock; volatile for injectedFailures. */
    private volatile LoadGenerator load;
    private LoadGenerator stopping;

    public LoadTestMode(LoadProfile profile, Path journalDir) {
        super(TimeSource.SYSTEM);
        this.profile = profile;
        this.exchange = new SimExchange(profile.seed(), System.currentTimeMillis());
        this.universe = LoadUniverse.of(profile, exchange);
        universe.install(exchange); // before the connectors subscribe
        this.simClock = new SimClock(exchange, TimeSource.SYSTEM, SIM_TICK);
        this.monitor = new HedgeMonitor(universe.strategies(), MonitorSettings.defaults(), TimeSource.SYSTEM);
        latency().attach(monitor);
        for (VenueId venue : exchange.venues()) {
            connectors.add(new InProcessConnector(exchange, venue));
        }
        this.safety = FlattenWiring.builder().monitor(monitor).connectors(connectors).journalDir(journalDir).build();
    }

    /** The default profile, journaling to its own directory under {@code <data dir>/loadtest-journal}. */
    public static LoadTestMode withDefaults() {
        LoadProfile profile = LoadProfile.defaults();
        return new LoadTestMode(profile, io.legwatch.config.AppDirs.forCurrentUser().home().resolve("loadtest-journal")
                .resolve(System.currentTimeMillis() + "-seed" + profile.seed()));
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "LOAD TEST \u00b7 %d x %d legs \u00b7 %,.0f msg/s", profile.strategies(),
                profile.legsPerStrategy(), profile.messagesPerSecond());
    }

    @Override
    protected void startParts() {
        monitor.start();
        safety.start();
        simClock.start();
        for (VenueConnector c : connectors) {
            c.start(this::submit);
        }
        load = LoadGenerator.start(exchange, universe);
        log.info("Load test started: {}", label());
    }

    /**
     * Status transitions as the engine publishes them (run on the engine thread right after the
     * publish that shows them); the FX load harness times NAKED from here to the red row.
     */
    public void addTransitionListener(TransitionListener listener) {
        monitor.addTransitionListener(listener);
    }

    /** Every failure the generator injected, once its run has ended (empty while running or before start). */
    public List<InjectedFailure> injectedFailures() {
        LoadGenerator running = load;
        List<InjectedFailure> failures = running == null ? null : running.failures();
        return failures == null ? List.of() : failures;
    }

    public LoadProfile profile() {
        return profile;
    }

    @Override
    protected HedgeMonitor monitor() {
        return monitor;
    }

    @Override
    public FlattenWiring safety() {
        return safety;
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.empty();
    }

    @Override
    protected void closeRequested() {
        stopping = load;
    }

    @Override
    protected void closeParts() {
        if (stopping != null) {
            stopping.close();
        }
        safety.close();
        simClock.close();
        stopAll(connectors);
        monitor.close();
        log.info("Load test stopped");
    }
}
