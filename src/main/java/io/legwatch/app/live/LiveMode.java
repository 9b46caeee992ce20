package io.legwatch.app.live;

import io.legwatch.app.FaultControl;
import io.legwatch.config.AppConfig;
import io.legwatch.config.AppConfigException;
import io.legwatch.config.AppDirs;
import io.legwatch.config.CredentialResolver;
import io.legwatch.config.StrategyConfig;
import io.legwatch.config.VenueConfig;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.flatten.AutoFlattenRule;
import io.legwatch.flatten.VenueDownRule;
import io.legwatch.sim.SimClock;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Live mode: the venues, strategies and policies of one validated {@link AppConfig}. Builds the
 * {@link HedgeMonitor} with the config's strategies and tolerances, one connector per venue
 * ({@link ConnectorFactory}) and the safety wiring ({@link FlattenWiring}: kill switch with its journal
 * in the per-user data directory, auto-flatten per strategy, the venue-down policy, dead-man switches).
 *
 * <p>Construction connects nothing and starts no thread; a venue that cannot be built (missing
 * environment variable, unusable URL) fails the constructor with an {@link AppConfigException} naming
 * it. {@link #start()} starts engine, safety wiring and connectors; {@link #close()} stops them all.
 * There is no fault panel in live mode ({@link #faults()} is empty).
 */
public final class LiveMode extends WiredSession {
    private static final Logger log = LoggerFactory.getLogger(LiveMode.class);
    /** A window in which at most {@code maxAttempts} automatic flattens run (the file has no field for it). */
    static final Duration AUTO_ATTEMPT_WINDOW = Duration.ofMinutes(10);
    /** The seed of the in-process simulator behind {@code type: sim} venues. */
    static final long SIM_SEED = 7;

    private final String label;
    private final TimeSource time;
    private final HedgeMonitor monitor;
    private final ConnectorFactory factory;
    private final List<VenueConnector> connectors;
    private final FlattenWiring safety;
    private SimExchange simExchange;
    private SimClock simClock;

    /**
     * @param source     where the config came from (the file path), shown in the window title
     * @param journalDir where the kill switch journals ({@link AppDirs#journalDir()} in the app)
     * @throws AppConfigException when a venue cannot be built; nothing is left running
     */
    public LiveMode(AppConfig config, String source, CredentialResolver credentials, Path journalDir, TimeSource time) {
        super(time);
        Objects.requireNonNull(config, "config");
        this.time = time;
        this.label = "LIVE \u00b7 " + source;
        this.factory = new ConnectorFactory(credentials, this::simulator, time);
        try {
            this.connectors = factory.createAll(config);
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
        this.monitor = new HedgeMonitor(config.domainStrategies(), monitorSettings(config), time);
        latency().attach(monitor);
        this.safety = FlattenWiring.builder().monitor(monitor).connectors(connectors).journalDir(journalDir).time(time)
                .rules(rules(config.strategies()))
                .venueDown(new VenueDownRule(config.venueDown().enabled(), config.venueDown().after()))
                .build();
    }

    /** From the config file at {@code file}, credentials from the process environment, journal in {@code dirs}. */
    public static LiveMode fromFile(Path file, AppDirs dirs) {
        AppConfig config = io.legwatch.config.ConfigLoader.load(file);
        return new LiveMode(config, file.toString(), CredentialResolver.fromSystemEnvironment(), dirs.journalDir(),
                TimeSource.SYSTEM);
    }

    /** Engine staleness per venue: a little longer than the connector's own limit (it reports STALE itself). */
    static MonitorSettings monitorSettings(AppConfig config) {
        MonitorSettings settings = MonitorSettings.defaults();
        for (VenueConfig v : config.venues()) {
            settings = settings.withStaleAfter(v.id(), staleAfter(v.type()));
        }
        return settings;
    }

    static Duration staleAfter(VenueConfig.Type type) {
        return switch (type) {
            // Binance's user stream is silent while nothing happens; the connector probes every 15 s.
            case BINANCE -> Duration.ofSeconds(45);
            case DERIBIT -> Duration.ofSeconds(30); // heartbeat every 10 s
            case BYBIT, OKX -> Duration.ofSeconds(35); // ping every 20 s
            case SIM -> MonitorSettings.DEFAULT_STALE_AFTER; // heartbeat every 1 s
        };
    }

    static Map<String, FlattenWiring.ArmedRule> rules(List<StrategyConfig> strategies) {
        Map<String, FlattenWiring.ArmedRule> rules = new LinkedHashMap<>();
        for (StrategyConfig s : strategies) {
            StrategyConfig.AutoFlattenPolicy p = s.autoFlatten();
            AutoFlattenRule rule = new AutoFlattenRule(p.thresholdUsd(), p.grace(), AutoFlattenRule.Action.FLATTEN,
                    p.maxAttempts(), AUTO_ATTEMPT_WINDOW);
            rules.put(s.id(), new FlattenWiring.ArmedRule(rule, p.enabled()));
        }
        return rules;
    }

    private synchronized SimExchange simulator() {
        if (simExchange == null) {
            simExchange = new SimExchange(SIM_SEED, time.millis());
            simClock = new SimClock(simExchange, time, Duration.ofMillis(50));
        }
        return simExchange;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    protected void startParts() {
        monitor.start();
        safety.start();
        if (simClock != null) {
            simClock.start();
        }
        for (VenueConnector c : connectors) {
            c.start(this::submit);
        }
        log.info("Live session started: venues {}", connectors.stream().map(VenueConnector::venue).toList());
    }

    @Override
    protected HedgeMonitor monitor() {
        return monitor;
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.empty();
    }

    /** The kill switch, policy and dead-man switches (for the UI's panels and for tests). */
    @Override
    public FlattenWiring safety() {
        return safety;
    }

    @Override
    protected void closeParts() {
        // Safety first while the venues are still connected (dead-man switches are disarmed over them),
        // then the producers, then the engine and the shared HTTP client.
        safety.close();
        stopAll(connectors);
        if (simClock != null) {
            simClock.close();
        }
        monitor.close();
        factory.close();
        log.info("Live session stopped");
    }
}
