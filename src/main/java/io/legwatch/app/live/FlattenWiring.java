package io.legwatch.app.live;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.AppAlarm;
import io.legwatch.app.AutoFlattenControl;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.KillSwitchCommands;
import io.legwatch.app.PolicyAutoFlatten;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.SnapshotListener;
import io.legwatch.engine.TransitionListener;
import io.legwatch.flatten.AutoActions;
import io.legwatch.flatten.AutoFlattenPolicy;
import io.legwatch.flatten.AutoFlattenRule;
import io.legwatch.flatten.DeadManSwitches;
import io.legwatch.flatten.FlattenAlarm;
import io.legwatch.flatten.FlattenListener;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.IncidentFeed;
import io.legwatch.flatten.KillScope;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.flatten.VenueDownRule;
import io.legwatch.journal.IncidentLog;
import io.legwatch.journal.Journal;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The safety half of a session, shared by every mode: the journal and incident log, the
 * {@link KillSwitch} reporting to the engine, the {@link AutoFlattenPolicy} (per-strategy rules and
 * the venue-down rule) and the exchange {@link DeadManSwitches}, all fed from one
 * {@link HedgeMonitor}'s snapshots. It also answers the session's flatten commands
 * ({@link #preview}, {@link #execute}, {@link #killAll}, {@link #cancelAll}) in the app's records.
 *
 * <p>Built by {@link LiveMode} and by {@link io.legwatch.app.DemoMode} (in-process connectors,
 * {@link Builder#beforeExecute} and {@link Builder#beforeAutoFlatten} to stop the demo trader first).
 * The commands are {@link KillSwitchCommands} and {@link PolicyAutoFlatten}.
 *
 * <p>Threads: {@link #start()} starts one scheduler ({@code legwatch-safety}: policy tick and dead-man
 * refresh, once a second) besides the kill switch's own executor; {@link #close()} stops both,
 * disarms the dead-man switches and closes the journal.
 */
public final class FlattenWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FlattenWiring.class);
    /** Venues cancel our open orders after this much silence from Legwatch ... */
    static final Duration DEAD_MAN_TIMEOUT = Duration.ofSeconds(60);
    /** ... and we refresh well inside it. */
    static final Duration DEAD_MAN_REFRESH = Duration.ofSeconds(15);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final HedgeMonitor monitor;
    private final TimeSource time;
    private final Journal journal;
    private final IncidentLog incidents;
    private final KillSwitch killSwitch;
    private final AutoFlattenPolicy policy;
    private final DeadManSwitches deadMan;
    private final KillSwitchCommands commands;
    private final AutoFlattenControl autoFlatten;
    private final List<AppAlarm> alarms = new CopyOnWriteArrayList<>();
    private final TransitionListener incidentFeed;
    private final SnapshotListener exposureFeed;
    private final SnapshotListener snapshotFeed;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private boolean closed;

    private FlattenWiring(Builder b) {
        this.monitor = Objects.requireNonNull(b.monitor, "monitor");
        this.time = b.time;
        this.journal = new Journal(Objects.requireNonNull(b.journalDir, "journalDir"), time);
        this.incidents = new IncidentLog(journal, time);
        this.killSwitch = KillSwitch.builder().venues(b.connectors).snapshots(monitor::snapshot).journal(journal)
                .time(time).alarms(this::alarm).listener(FlattenListener.of(monitor))
                .resultListener(IncidentFeed.into(incidents)).build();
        this.commands = new KillSwitchCommands(killSwitch, b.beforeExecute);
        this.policy = new AutoFlattenPolicy(time, beforeFlatten(AutoActions.of(killSwitch, this::alarm, time),
                b.beforeAutoFlatten), b.venueDown, journal);
        this.autoFlatten = new PolicyAutoFlatten(policy);
        b.rules.forEach((strategy, rule) -> policy.setRule(strategy, rule.rule()));
        this.deadMan = new DeadManSwitches(b.connectors, time, DEAD_MAN_TIMEOUT, DEAD_MAN_REFRESH);
        this.incidentFeed = IncidentFeed.transitions(incidents);
        this.exposureFeed = IncidentFeed.exposures(incidents);
        this.snapshotFeed = this::onSnapshot;
        // Arming comes from the config; journaled as such. Global is armed when anything asks to be,
        // unless the builder says otherwise (demo: strategies armed, global off until the trader arms it).
        boolean any = b.venueDown.enabled() || b.rules.values().stream().anyMatch(ArmedRule::armed);
        b.rules.forEach((strategy, rule) -> policy.arm(strategy, rule.armed(), "config"));
        policy.armGlobally(b.globallyArmed != null ? b.globallyArmed : any, "config");
    }

    private static AutoActions beforeFlatten(AutoActions actions, Consumer<KillScope> hook) {
        return new AutoActions() {
            @Override
            public void flatten(KillScope scope, String firedBy) {
                hook.accept(scope);
                actions.flatten(scope, firedBy);
            }

            @Override
            public void alert(String strategyId, String message) {
                actions.alert(strategyId, message);
            }
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A strategy's automatic rule and whether it is armed at start. */
    public record ArmedRule(AutoFlattenRule rule, boolean armed) {
        public ArmedRule {
            Objects.requireNonNull(rule, "rule");
        }
    }

    /**
     * Call after the engine has started and before the connectors start: resumes flattens the last
     * run left unfinished (the trader is told through {@link #alarms()}), then follows snapshots.
     */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null || closed) {
                return;
            }
            monitor.addTransitionListener(incidentFeed);
            monitor.addSnapshotListener(exposureFeed);
            monitor.addSnapshotListener(snapshotFeed);
            killSwitch.recover();
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "legwatch-safety");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::tickPolicy, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
            deadMan.start(scheduler, TICK);
        }
    }

    private void onSnapshot(MonitorSnapshot s) {
        killSwitch.onSnapshot(s);
        policy.onSnapshot(s);
        deadMan.onSnapshot(s);
    }

    private void tickPolicy() {
        try {
            policy.tick();
        } catch (RuntimeException e) {
            log.error("auto-flatten policy tick failed", e); // the next tick tries again
        }
    }

    private void alarm(FlattenAlarm a) {
        log.warn("ALARM {}: {}", a.kind(), a.message());
        alarms.add(new AppAlarm(a.atMs(), a.kind().name(), a.message()));
    }

    // ---- session commands (the same translation every mode uses)

    /** See {@link io.legwatch.app.LegwatchSession#preview}. */
    public FlattenPreview preview(FlattenTarget target) {
        return commands.preview(target);
    }

    /** See {@link io.legwatch.app.LegwatchSession#execute}: runs the plan that was previewed, once. */
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        return commands.execute(preview);
    }

    public CompletableFuture<ActionReceipt> killAll() {
        return commands.killAll();
    }

    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        return commands.cancelAll(venue);
    }

    /** Arming switches backed by the policy (every change journaled with "user"). */
    public AutoFlattenControl autoFlatten() {
        return autoFlatten;
    }

    public List<AppAlarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Open incidents first, then the closed ones newest first. */
    public List<IncidentLog.Incident> incidents() {
        List<IncidentLog.Incident> all = new java.util.ArrayList<>(incidents.openIncidents());
        all.addAll(incidents.recent());
        return List.copyOf(all);
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    public AutoFlattenPolicy policy() {
        return policy;
    }

    public DeadManSwitches deadManSwitches() {
        return deadMan;
    }

    public Path journalDirectory() {
        return journal.directory();
    }

    /** Stops the ticks, disarms the dead-man switches (connectors must still be up), stops the kill switch. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        monitor.removeSnapshotListener(snapshotFeed);
        monitor.removeSnapshotListener(exposureFeed);
        monitor.removeTransitionListener(incidentFeed);
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        policy.close(); // hands over what it already decided before the kill switch stops
        deadMan.close();
        killSwitch.close();
        incidents.close();
        journal.close();
    }

    /** Monitor, connectors and journal directory are required; the rest defaults to "nothing automatic". */
    public static final class Builder {
        private HedgeMonitor monitor;
        private List<? extends VenueConnector> connectors = List.of();
        private Path journalDir;
        private TimeSource time = TimeSource.SYSTEM;
        private Map<String, ArmedRule> rules = Map.of();
        private VenueDownRule venueDown = VenueDownRule.OFF;
        private Consumer<FlattenPlan> beforeExecute = plan -> { };
        private Consumer<KillScope> beforeAutoFlatten = scope -> { };
        private Boolean globallyArmed;

        public Builder monitor(HedgeMonitor monitor) {
            this.monitor = monitor;
            return this;
        }

        public Builder connectors(List<? extends VenueConnector> connectors) {
            this.connectors = List.copyOf(connectors);
            return this;
        }

        /** Where the journal lives (the per-user data dir's {@code journal/} in the app). */
        public Builder journalDir(Path dir) {
            this.journalDir = dir;
            return this;
        }

        public Builder time(TimeSource time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        /** Automatic flatten rule per strategy id. */
        public Builder rules(Map<String, ArmedRule> rules) {
            this.rules = Map.copyOf(rules);
            return this;
        }

        public Builder venueDown(VenueDownRule rule) {
            this.venueDown = Objects.requireNonNull(rule);
            return this;
        }

        /** Runs on the caller's thread before a manual flatten or cancel-all is executed (demo: stop the trader in scope). */
        public Builder beforeExecute(Consumer<FlattenPlan> hook) {
            this.beforeExecute = Objects.requireNonNull(hook);
            return this;
        }

        /** Runs on the policy's thread before an automatic flatten is sent (demo: stop the trader in scope). */
        public Builder beforeAutoFlatten(Consumer<KillScope> hook) {
            this.beforeAutoFlatten = Objects.requireNonNull(hook);
            return this;
        }

        /** Global arming at start; by default armed when any rule or the venue-down rule is armed. */
        public Builder globallyArmed(boolean armed) {
            this.globallyArmed = armed;
            return this;
        }

        public FlattenWiring build() {
            return new FlattenWiring(this);
        }
    }
}
