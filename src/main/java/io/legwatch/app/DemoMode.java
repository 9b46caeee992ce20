package io.legwatch.app;

import io.legwatch.app.live.FlattenWiring;
import io.legwatch.app.live.WiredSession;
import io.legwatch.config.AppDirs;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.flatten.AutoFlattenRule;
import io.legwatch.sim.demo.DemoWorld;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo mode: a seeded {@link DemoWorld} (simulated venues sim-a/b/c and a demo trader running three
 * hedged strategies), one {@link InProcessConnector} per venue, the {@link HedgeMonitor}, and the
 * same {@link FlattenWiring} live mode uses: kill switch, incident log, auto-flatten policy (disarmed
 * until the trader arms it) and dead-man switches. Construction starts no thread; {@link #start()}
 * starts them and {@link #close()} stops every one.
 *
 * <p>Flattening a strategy (by hand or by policy) first tells the demo trader to stop trading it,
 * so the bot does not fight the flatten. Each run journals to its own directory under
 * {@code <data dir>/demo-journal}: the simulated world is new every run, so there is nothing to recover.
 */
public final class DemoMode extends WiredSession {
    public static final long DEFAULT_SEED = 7;
    /** Demo auto-flatten rule: NAKED beyond 5,000 USD for 10 s, at most 2 automatic attempts per 10 minutes. */
    public static final AutoFlattenRule DEMO_RULE = new AutoFlattenRule(5_000, Duration.ofSeconds(10),
            AutoFlattenRule.Action.FLATTEN, 2, Duration.ofMinutes(10));
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final DemoWorld world;
    private final HedgeMonitor monitor;
    private final List<InProcessConnector> connectors = new ArrayList<>();
    private final FlattenWiring safety;
    private final SimFaultControl faults;

    public DemoMode(long seed) {
        this(seed, AppDirs.forCurrentUser().home().resolve("demo-journal")
                .resolve(RUN_ID.format(Instant.now()) + "-seed" + seed));
    }

    DemoMode(long seed, Path journalDir) {
        super(TimeSource.SYSTEM);
        this.world = DemoWorld.create(seed, TimeSource.SYSTEM);
        this.monitor = new HedgeMonitor(world.strategies(), MonitorSettings.defaults(), TimeSource.SYSTEM);
        latency().attach(monitor);
        for (VenueId venue : world.exchange().venues()) {
            connectors.add(new InProcessConnector(world.exchange(), venue));
        }
        DemoTraderHalt halt = new DemoTraderHalt(world.trader());
        Map<String, FlattenWiring.ArmedRule> rules = new LinkedHashMap<>();
        for (Strategy s : world.strategies()) {
            rules.put(s.id(), new FlattenWiring.ArmedRule(DEMO_RULE, true));
        }
        this.safety = FlattenWiring.builder().monitor(monitor).connectors(connectors).journalDir(journalDir)
                .rules(rules).globallyArmed(false)
                .beforeExecute(halt::before).beforeAutoFlatten(halt::before).build();
        this.faults = new SimFaultControl(world.exchange());
    }

    @Override
    public String label() {
        return "DEMO \u00b7 simulated venues";
    }

    @Override
    protected void startParts() {
        monitor.start();
        safety.start();
        for (VenueConnector c : connectors) {
            c.start(this::submit);
        }
        world.start();
        log.info("Demo started: venues {}, strategies {}", world.exchange().venues(),
                world.strategies().stream().map(Strategy::id).toList());
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.of(faults);
    }

    /** The simulated world behind the demo (tests read the simulator's positions from it). */
    public DemoWorld world() {
        return world;
    }

    @Override
    public HedgeMonitor monitor() {
        return monitor;
    }

    /** The kill switch, policy and dead-man switches (for tests). */
    @Override
    public FlattenWiring safety() {
        return safety;
    }

    @Override
    protected void closeParts() {
        // Safety first while the venues are up (dead-man switches are disarmed over them), then the
        // producers (the clock drives the trader and the venues), then the consumers.
        safety.close();
        world.close();
        stopAll(connectors);
        monitor.close();
        log.info("Demo stopped");
    }
}
