package io.legwatch.app;

import io.legwatch.config.AppDirs;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.flatten.AutoActions;
import io.legwatch.flatten.AutoFlattenPolicy;
import io.legwatch.flatten.AutoFlattenRule;
import io.legwatch.flatten.FlattenAlarm;
import io.legwatch.flatten.FlattenListener;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.KillScope;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.flatten.VenueDownRule;
import io.legwatch.journal.Journal;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Demo mode: a seeded {@link DemoWorld} (simulated venues sim-a/b/c and a demo trader running three
 * hedged strategies), one {@link InProcessConnector} per venue, the {@link HedgeMonitor}, the
 * {@link KillSwitch} reporting flattens to the engine, and the auto-flatten policy (disarmed until
 * the trader arms it). Construction starts no thread; {@link #start()} starts them and
 * {@link #close()} stops every one.
 *
 * <p>Flattening a strategy (by hand or by policy) first tells the demo trader to stop trading it,
 * so the bot does not fight the flatten. Each run journals to its own directory under
 * {@code <data dir>/demo-journal}: the simulated world is new every run, so there is nothing to recover.
 */
public final class DemoMode implements LegwatchSession {
    public static final long DEFAULT_SEED = 7;
    /** Demo auto-flatten rule: NAKED beyond 5,000 USD for 10 s, at most 2 automatic attempts per 10 minutes. */
    static final AutoFlattenRule DEMO_RULE = new AutoFlattenRule(5_000, Duration.ofSeconds(10),
            AutoFlattenRule.Action.FLATTEN, 2, Duration.ofMinutes(10));
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final DemoWorld world;
    private final HedgeMonitor monitor;
    private final List<InProcessConnector> connectors = new ArrayList<>();
    private final Journal journal;
    private final KillSwitch killSwitch;
    private final AutoFlattenPolicy policy;
    private final KillSwitchCommands commands;
    private final SimFaultControl faults;
    private final List<AppAlarm> alarms = new CopyOnWriteArrayList<>();
    private final Object lifecycle = new Object();
    private ScheduledExecutorService ticker;
    private boolean started;
    private boolean closed;

    public DemoMode(long seed) {
        this(seed, AppDirs.forCurrentUser().home().resolve("demo-journal")
                .resolve(RUN_ID.format(Instant.now()) + "-seed" + seed));
    }

    DemoMode(long seed, Path journalDir) {
        this.world = DemoWorld.create(seed, TimeSource.SYSTEM);
        this.monitor = new HedgeMonitor(world.strategies(), MonitorSettings.defaults(), TimeSource.SYSTEM);
        for (VenueId venue : world.exchange().venues()) {
            connectors.add(new InProcessConnector(world.exchange(), venue));
        }
        this.journal = new Journal(journalDir, TimeSource.SYSTEM);
        this.killSwitch = KillSwitch.builder().venues(connectors).snapshots(monitor::snapshot).journal(journal)
                .time(TimeSource.SYSTEM).alarms(this::alarm).listener(new FlattenListener() {
                    @Override
                    public void flattenStarted(String strategyId) {
                        monitor.flattenStarted(strategyId);
                    }

                    @Override
                    public void flattenFinished(String strategyId, boolean verifiedFlat, String detail) {
                        monitor.flattenFinished(strategyId, verifiedFlat, detail);
                    }
                }).build();
        this.commands = new KillSwitchCommands(killSwitch, this::haltDemoTrader);
        AutoActions viaKillSwitch = AutoActions.of(killSwitch, this::alarm, TimeSource.SYSTEM);
        this.policy = new AutoFlattenPolicy(TimeSource.SYSTEM, new AutoActions() {
            @Override
            public void flatten(KillScope scope, String firedBy) {
                haltDemoTrader(scope);
                viaKillSwitch.flatten(scope, firedBy);
            }

            @Override
            public void alert(String strategyId, String message) {
                viaKillSwitch.alert(strategyId, message);
            }
        }, VenueDownRule.OFF, journal);
        for (Strategy s : world.strategies()) {
            policy.setRule(s.id(), DEMO_RULE);
        }
        monitor.addSnapshotListener(killSwitch::onSnapshot);
        monitor.addSnapshotListener(policy::onSnapshot);
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
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-policy-tick");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tickPolicy, 1, 1, TimeUnit.SECONDS);
        }
        log.info("Demo started: venues {}, strategies {}", world.exchange().venues(),
                world.strategies().stream().map(Strategy::id).toList());
    }

    private void tickPolicy() {
        try {
            policy.tick();
        } catch (RuntimeException e) {
            log.error("auto-flatten policy tick failed", e);
        }
    }

    @Override
    public MonitorSnapshot snapshot() {
        return monitor.snapshot();
    }

    @Override
    public FlattenPreview preview(FlattenTarget target) {
        return commands.preview(target);
    }

    @Override
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        return commands.execute(preview);
    }

    @Override
    public CompletableFuture<ActionReceipt> killAll() {
        return commands.killAll();
    }

    @Override
    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        return commands.cancelAll(venue);
    }

    @Override
    public AutoFlattenControl autoFlatten() {
        return new PolicyAutoFlatten(policy);
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.of(faults);
    }

    @Override
    public List<AppAlarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The bot must not re-open what is being flattened: it stops trading every strategy in scope. */
    private void haltDemoTrader(FlattenPlan plan) {
        haltDemoTrader(plan.scope());
        plan.strategyIds().forEach(world.trader()::halt);
    }

    private void haltDemoTrader(KillScope scope) {
        if (scope instanceof KillScope.Global) {
            world.trader().haltAll();
        } else if (scope instanceof KillScope.Strategy s) {
            world.trader().halt(s.strategyId());
        } else if (scope instanceof KillScope.Legs l) {
            world.trader().halt(l.strategyId());
        }
    }

    private void alarm(FlattenAlarm alarm) {
        log.warn("ALARM {}: {}", alarm.kind(), alarm.message());
        alarms.add(new AppAlarm(alarm.atMs(), alarm.kind().name(), alarm.message()));
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
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        // Producers first (the clock drives the trader and the venues), then the consumers.
        world.close();
        killSwitch.close();
        for (VenueConnector c : connectors) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed", c.venue(), e);
            }
        }
        monitor.close();
        journal.close();
        log.info("Demo stopped");
    }
}
