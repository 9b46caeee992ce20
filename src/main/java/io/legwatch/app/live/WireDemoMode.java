package io.legwatch.app.live;

import io.legwatch.app.DemoMode;
import io.legwatch.app.DemoTraderHalt;
import io.legwatch.app.FaultControl;
import io.legwatch.app.SimFaultControl;
import io.legwatch.config.AppConfig;
import io.legwatch.config.AppDirs;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.sim.main.SimConfigWriter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import io.legwatch.venue.VenueConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo mode over the venues' real wire protocols: the simulator serves its accounts on 127.0.0.1
 * through the OKX, Bybit and Deribit front ends ({@link ProtocolSimulator}), and Legwatch watches
 * them with the production connectors over WebSocket and HTTP, exactly as it watches real venues.
 * The demo trader trades the simulator directly (it is the trader's own execution bot); flattening
 * a strategy, by hand or by policy, halts it first so it does not fight the flatten.
 *
 * <p>The front ends bind their ports in the constructor (they must be up for the connectors to be
 * configured), and the simulator's clock and trader start with them; the monitor, the connectors
 * and the kill switch start in {@link #start()}. The sim-only keys live in memory only.
 */
public final class WireDemoMode extends WiredSession {
    private static final Logger log = LoggerFactory.getLogger(WireDemoMode.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ProtocolSimulator simulator;
    private final ConnectorFactory factory;
    private final List<VenueConnector> connectors;
    private final HedgeMonitor monitor;
    private final FlattenWiring safety;
    private final FaultControl faults;

    public WireDemoMode(long seed) {
        this(seed, AppDirs.forCurrentUser().home().resolve("demo-journal")
                .resolve(RUN_ID.format(Instant.now()) + "-wire-seed" + seed));
    }

    WireDemoMode(long seed, Path journalDir) {
        super(TimeSource.SYSTEM);
        this.simulator = ProtocolSimulator.start(new ProtocolSimulator.Options(seed, true, 0,
                ProtocolSimulator.DEFAULT_ASSIGNMENT), TimeSource.SYSTEM);
        try {
            DemoTraderHalt halt = new DemoTraderHalt(simulator.trader().orElseThrow());
            List<Strategy> strategies = simulator.mappedStrategies();
            AppConfig config = ConfigLoader.parse(SimConfigWriter.write(simulator.served(), strategies),
                    "the wire demo");
            this.factory = new ConnectorFactory(new CredentialResolver(Served.credentialEnvironment(simulator.served())::get),
                    simulator::exchange, TimeSource.SYSTEM);
            this.connectors = factory.createAll(config);
            this.monitor = new HedgeMonitor(config.domainStrategies(), LiveMode.monitorSettings(config),
                    TimeSource.SYSTEM);
            latency().attach(monitor);
            Map<String, FlattenWiring.ArmedRule> rules = new LinkedHashMap<>();
            for (Strategy s : strategies) {
                rules.put(s.id(), new FlattenWiring.ArmedRule(DemoMode.DEMO_RULE, true));
            }
            this.safety = FlattenWiring.builder().monitor(monitor).connectors(connectors).journalDir(journalDir)
                    .rules(rules).globallyArmed(false)
                    .beforeExecute(halt::before).beforeAutoFlatten(halt::before).build();
            Map<VenueId, VenueId> accountByVenue = new LinkedHashMap<>();
            simulator.served().forEach(s -> accountByVenue.put(s.venueId(), s.account()));
            this.faults = new AccountFaultControl(new SimFaultControl(simulator.exchange()), accountByVenue);
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
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
        log.info("Wire demo started: {}", simulator.served());
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.of(faults);
    }

    /** The simulator behind the demo (tests read its positions). */
    public ProtocolSimulator simulator() {
        return simulator;
    }

    @Override
    public HedgeMonitor monitor() {
        return monitor;
    }

    @Override
    public FlattenWiring safety() {
        return safety;
    }

    @Override
    protected void closeParts() {
        // Safety first while the venues are up (dead-man switches are disarmed over them), then the
        // simulator (its clock drives the trader and the venues), then the consumers.
        safety.close();
        stopAll(connectors);
        simulator.close();
        factory.close();
        monitor.close();
        log.info("Wire demo stopped");
    }
}
