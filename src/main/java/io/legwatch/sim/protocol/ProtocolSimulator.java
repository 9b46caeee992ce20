package io.legwatch.sim.protocol;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimClock;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import io.legwatch.sim.demo.DemoTrader;
import io.legwatch.sim.demo.DemoWorld;
import io.legwatch.sim.load.LoadGenerator;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.sim.load.LoadUniverse;
import io.legwatch.sim.protocol.binance.BinanceFrontEnd;
import io.legwatch.sim.protocol.bybit.BybitFrontEnd;
import io.legwatch.sim.protocol.common.StreamTraffic;
import io.legwatch.sim.protocol.deribit.DeribitFrontEnd;
import io.legwatch.sim.protocol.okx.OkxFrontEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A seeded {@link SimExchange} running in real time with venue protocol front ends on 127.0.0.1, each
 * serving one simulated account (sim-a, sim-b, sim-c) with freshly generated sim-only API keys.
 * Optionally the demo trader opens and rebalances the demo strategies on those accounts.
 *
 * <p>One account is served by at most one front end: two front ends on the same account would show
 * the same positions under two venue ids and Legwatch would count that exposure twice. The simulator
 * has three accounts; an assignment naming a further account (e.g. Binance on {@code sim-d}) adds it,
 * without the demo trader, so that all four front ends can run at once. {@link #DEFAULT_ASSIGNMENT}
 * is the one under which every demo strategy is visible through the production connectors:
 * <ul>
 *   <li>sim-a on OKX (BTC-USD spot shows as a MARGIN position; BTCUSDT as a linear SWAP);</li>
 *   <li>sim-b on Bybit (BTC-PERPETUAL as inverse, ETHUSDT as linear);</li>
 *   <li>sim-c on Deribit (ETHUSDT as a linear future, the BTC call as an option).</li>
 * </ul>
 * Binance USD-M serves only linear perps, so it can carry ETHUSDT (sim-b or sim-c) or BTCUSDT (sim-a)
 * legs; choose it with an explicit assignment.
 *
 * <p>Every front end serves the simulator's symbols unchanged (BTCUSDT, BTC-PERPETUAL, ...).
 *
 * <p>With a {@link LoadProfile} ({@link Options#load()}) the exchange has exactly the assigned accounts,
 * lists the profile's {@link LoadUniverse} instead of the demo instruments (every leg a linear perp
 * when a front end serves no spot), and a {@link LoadGenerator} drives it at the profile's rate with
 * injected leg failures: the issue-7 load over the wire, for a Legwatch in a process of its own.
 */
public final class ProtocolSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProtocolSimulator.class);

    /** The venue protocols with a front end, and what their production connector reads by default. */
    public enum Protocol {
        BINANCE(Set.of(InstrumentKind.LINEAR)),
        DERIBIT(Set.of(InstrumentKind.LINEAR, InstrumentKind.INVERSE, InstrumentKind.OPTION)),
        BYBIT(Set.of(InstrumentKind.LINEAR, InstrumentKind.INVERSE)),
        OKX(Set.of(InstrumentKind.SPOT, InstrumentKind.LINEAR, InstrumentKind.INVERSE, InstrumentKind.OPTION));

        private final Set<InstrumentKind> visible;

        Protocol(Set<InstrumentKind> visible) {
            this.visible = visible;
        }

        /**
         * True when the front end serves {@code kind} and the production connector, with its default
         * settings, reads positions of it (Bybit's default scopes are linear and inverse; Deribit's
         * connector reads futures and options; Binance USD-M has only linear perps).
         */
        public boolean shows(InstrumentKind kind) {
            return visible.contains(kind);
        }

        /** The config file's venue type. */
        public String type() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final Map<Protocol, VenueId> DEFAULT_ASSIGNMENT = defaultAssignment();
    /** The same seed as demo mode's default. */
    public static final long DEFAULT_SEED = 7;
    /**
     * Under a load profile: the mix the in-process loopback benchmark used (Bybit v5, Binance USD-M,
     * OKX v5), so the two measure the same wire formats.
     */
    public static final Map<Protocol, VenueId> LOAD_ASSIGNMENT = Map.of(Protocol.BYBIT, SimExchange.SIM_A,
            Protocol.BINANCE, SimExchange.SIM_B, Protocol.OKX, SimExchange.SIM_C);

    private static Map<Protocol, VenueId> defaultAssignment() {
        Map<Protocol, VenueId> m = new EnumMap<>(Protocol.class);
        m.put(Protocol.OKX, SimExchange.SIM_A);
        m.put(Protocol.BYBIT, SimExchange.SIM_B);
        m.put(Protocol.DERIBIT, SimExchange.SIM_C);
        return Map.copyOf(m);
    }

    /**
     * One served account: where it listens and the sim-only credentials it accepts. {@link #toString()}
     * leaves the secrets out; {@link io.legwatch.sim.main.SimulatorMain} prints them on purpose (they
     * open nothing but this simulator).
     *
     * @param venueId    the id Legwatch's config gives this account, e.g. {@code okx-sim}
     * @param passphrase OKX only, else null
     */
    public record Served(Protocol protocol, VenueId venueId, VenueId account, int port, String restUrl, String wsUrl,
                         String apiKey, String apiSecret, String passphrase) {
        /** Environment variable names Legwatch's generated config reads the credentials from. */
        public String apiKeyEnv() {
            return envPrefix() + "_API_KEY";
        }

        public String apiSecretEnv() {
            return envPrefix() + "_API_SECRET";
        }

        public Optional<String> passphraseEnv() {
            return passphrase == null ? Optional.empty() : Optional.of(envPrefix() + "_PASSPHRASE");
        }

        private String envPrefix() {
            return "LEGWATCH_SIM_" + protocol.name();
        }

        /**
         * The sim-only credentials by the environment variable names the generated config reads them
         * from, in that order: key, secret, passphrase (OKX).
         */
        public Map<String, String> credentialEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put(apiKeyEnv(), apiKey);
            env.put(apiSecretEnv(), apiSecret);
            passphraseEnv().ifPresent(name -> env.put(name, passphrase));
            return env;
        }

        /** Every account's {@link #credentialEnvironment()}, for a Legwatch started on the generated config. */
        public static Map<String, String> credentialEnvironment(List<Served> served) {
            Map<String, String> env = new LinkedHashMap<>();
            served.forEach(s -> env.putAll(s.credentialEnvironment()));
            return env;
        }

        @Override
        public String toString() {
            return "Served[" + protocol.type() + " " + venueId + " on " + account + ", " + restUrl + ", " + wsUrl + "]";
        }
    }

    /**
     * How to start.
     *
     * @param seed        price walk and demo trader seed
     * @param demoTrader  run the demo trader (opens and rebalances the demo strategies)
     * @param portBase    0 = ephemeral ports; else protocol {@code i} (in {@link Protocol} order) binds portBase + i
     * @param assignment  which protocol serves which simulator account (one account per protocol at most)
     * @param load        null, or the load to generate (not with the demo trader)
     */
    public record Options(long seed, boolean demoTrader, int portBase, Map<Protocol, VenueId> assignment,
                          LoadProfile load) {
        public Options(long seed, boolean demoTrader, int portBase, Map<Protocol, VenueId> assignment) {
            this(seed, demoTrader, portBase, assignment, null);
        }

        public Options {
            if (load != null && demoTrader) {
                throw new IllegalArgumentException("the load profile and the demo trader exclude each other");
            }
            assignment = Map.copyOf(assignment);
            if (portBase < 0 || portBase > 65_535 - Protocol.values().length) {
                throw new IllegalArgumentException("port base out of range: " + portBase);
            }
            if (assignment.isEmpty()) {
                throw new IllegalArgumentException("no front end to start");
            }
            if (Set.copyOf(assignment.values()).size() != assignment.size()) {
                throw new IllegalArgumentException("each simulator account can be served by one front end only "
                        + "(two would show the same positions twice): " + assignment);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_SEED, false, 0, DEFAULT_ASSIGNMENT);
        }
    }

    private final SimExchange exchange;
    private final DemoScenario scenario;
    private final DemoWorld world;
    private final SimClock clock;
    private final LoadUniverse universe;
    private volatile LoadGenerator load;
    private final long seed;
    private final Options options;
    private final List<AutoCloseable> frontEnds = new ArrayList<>();
    private final List<Supplier<StreamTraffic>> traffic = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();

    private ProtocolSimulator(Options options, TimeSource time) {
        this.seed = options.seed();
        this.options = options;
        if (options.load() != null) {
            world = null;
            scenario = null;
            clock = null; // the load generator steps the exchange itself
            List<VenueId> accounts = options.assignment().values().stream()
                    .sorted(java.util.Comparator.comparing(VenueId::value)).toList();
            exchange = new SimExchange(options.seed(), time.millis(), accounts);
            boolean spotEverywhere = options.assignment().keySet().stream().allMatch(p -> p.shows(InstrumentKind.SPOT));
            universe = spotEverywhere ? LoadUniverse.of(options.load(), exchange)
                    : LoadUniverse.linearOnly(options.load(), exchange);
            universe.install(exchange);
        } else if (options.demoTrader()) {
            universe = null;
            world = DemoWorld.create(options.seed(), time);
            exchange = world.exchange();
            scenario = world.scenario();
            clock = null;
        } else {
            universe = null;
            world = null;
            exchange = new SimExchange(options.seed(), time.millis(), accounts(options.assignment()));
            scenario = DemoScenario.standard(exchange);
            clock = new SimClock(exchange, time, DemoWorld.STEP);
        }
    }

    /**
     * Starts the simulator clock (and the demo trader if asked) and every assigned front end.
     *
     * @throws IllegalStateException when a front end cannot bind; whatever had started is stopped again
     */
    public static ProtocolSimulator start(Options options, TimeSource time) {
        ProtocolSimulator sim = new ProtocolSimulator(options, time);
        try {
            sim.startFrontEnds(options);
            if (sim.universe != null) {
                sim.load = LoadGenerator.start(sim.exchange, sim.universe);
            } else if (sim.world != null) {
                sim.world.start();
            } else {
                sim.clock.start();
            }
        } catch (Exception e) {
            sim.close();
            throw new IllegalStateException("simulator front ends did not start: " + e.getMessage(), e);
        }
        return sim;
    }

    private void startFrontEnds(Options options) throws Exception {
        SecureRandom random = new SecureRandom();
        for (Protocol p : Protocol.values()) {
            VenueId account = options.assignment().get(p);
            if (account == null) {
                continue;
            }
            if (!exchange.venues().contains(account)) {
                throw new IllegalArgumentException("the simulator has no account " + account + " (it has "
                        + exchange.venues() + ")");
            }
            int port = options.portBase() == 0 ? 0 : options.portBase() + p.ordinal();
            String key = "sim" + hex(random, 8);
            String secret = hex(random, 24);
            String passphrase = p == Protocol.OKX ? "Sim" + hex(random, 6) : null;
            served.add(startOne(p, account, port, key, secret, passphrase));
        }
    }

    private Served startOne(Protocol p, VenueId account, int port, String key, String secret, String passphrase)
            throws Exception {
        VenueId id = VenueId.of(p.type() + "-sim");
        String host = "http://127.0.0.1:";
        String ws = "ws://127.0.0.1:";
        return switch (p) {
            case BINANCE -> {
                BinanceFrontEnd fe = new BinanceFrontEnd(exchange, account, key, secret, TimeSource.SYSTEM, seed);
                frontEnds.add(fe);
                traffic.add(fe::streamTraffic);
                int bound = fe.start(port);
                yield new Served(p, id, account, bound, fe.restBase(), fe.wsBase(), key, secret, null);
            }
            case DERIBIT -> {
                DeribitFrontEnd fe = new DeribitFrontEnd(exchange, account, key, secret);
                frontEnds.add(fe);
                int bound = fe.start(port);
                yield new Served(p, id, account, bound, host + bound, ws + bound + DeribitFrontEnd.WS_PATH, key,
                        secret, null);
            }
            case BYBIT -> {
                BybitFrontEnd fe = new BybitFrontEnd(exchange, account, key, secret, TimeSource.SYSTEM);
                frontEnds.add(fe);
                traffic.add(fe::streamTraffic);
                int bound = fe.start(port);
                yield new Served(p, id, account, bound, host + bound, ws + bound + "/v5/private", key, secret, null);
            }
            case OKX -> {
                OkxFrontEnd fe = new OkxFrontEnd(exchange, account, key, secret, passphrase, TimeSource.SYSTEM);
                frontEnds.add(fe);
                traffic.add(fe::streamTraffic);
                int bound = fe.start(port);
                yield new Served(p, id, account, bound, host + bound, ws + bound + "/ws/v5/private", key, secret,
                        passphrase);
            }
        };
    }

    /**
     * sim-a, sim-b, sim-c, then any further account the assignment names (e.g. sim-d, so that all four
     * protocols can run at once, each on an account of its own). Only without the demo trader, whose
     * world has the three standard accounts.
     */
    private static List<VenueId> accounts(Map<Protocol, VenueId> assignment) {
        List<VenueId> out = new ArrayList<>(List.of(SimExchange.SIM_A, SimExchange.SIM_B, SimExchange.SIM_C));
        assignment.values().stream().filter(v -> !out.contains(v)).sorted(java.util.Comparator.comparing(VenueId::value))
                .forEach(out::add);
        return out;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public SimExchange exchange() {
        return exchange;
    }

    /** The front ends started, in {@link Protocol} order. */
    public List<Served> served() {
        return List.copyOf(served);
    }

    public Options options() {
        return options;
    }

    /** The running load generator, under a load profile. */
    public Optional<LoadGenerator> load() {
        return Optional.ofNullable(load);
    }

    /**
     * Frames the stream connections have written and have queued, over every front end but Deribit's
     * (whose connections do not count them); a growing queue means the client does not keep up.
     */
    public StreamTraffic streamTraffic() {
        StreamTraffic sum = StreamTraffic.NONE;
        for (Supplier<StreamTraffic> t : traffic) {
            sum = sum.plus(t.get());
        }
        return sum;
    }

    public Optional<DemoTrader> trader() {
        return world == null ? Optional.empty() : Optional.of(world.trader());
    }

    /**
     * The demo strategies whose every leg is visible through a started front end, with each leg moved
     * from its simulator account to the front end's venue id (symbols are unchanged). A strategy with
     * a leg on an unserved account, or on an instrument kind its front end's connector does not read,
     * is left out: half a strategy would show as NAKED when it is not. Under a load profile: the
     * profile's strategies.
     */
    public List<Strategy> mappedStrategies() {
        Map<VenueId, Served> byAccount = new LinkedHashMap<>();
        served.forEach(s -> byAccount.put(s.account(), s));
        List<Strategy> out = new ArrayList<>();
        for (Strategy s : universe != null ? universe.strategies() : scenario.strategies()) {
            List<Leg> legs = new ArrayList<>();
            for (Leg leg : s.legs()) {
                Served fe = byAccount.get(leg.instrument().venue());
                Optional<InstrumentKind> kind = exchange.instrument(leg.instrument()).map(i -> i.kind());
                if (fe == null || kind.isEmpty() || !fe.protocol().shows(kind.get())) {
                    break;
                }
                legs.add(new Leg(leg.id(), new InstrumentKey(fe.venueId(), leg.instrument().symbol()),
                        leg.intendedSide(), leg.targetRatio()));
            }
            if (legs.size() == s.legs().size()) {
                out.add(new Strategy(s.id(), s.name(), legs, s.tolerance()));
            }
        }
        return out;
    }

    /** Stops the clock (and trader), then every front end. Idempotent. */
    @Override
    public void close() {
        LoadGenerator running = load;
        if (running != null) {
            running.close();
        }
        if (world != null) {
            world.close();
        }
        if (clock != null) {
            clock.close();
        }
        for (AutoCloseable fe : frontEnds) {
            try {
                fe.close();
            } catch (Exception e) {
                log.warn("front end did not stop cleanly: {}", e.toString());
            }
        }
        frontEnds.clear();
    }

    /** The account each protocol serves, e.g. {@code binance=sim-b,okx=sim-a}; for command lines. */
    public static Map<Protocol, VenueId> parseAssignment(String text) {
        Map<Protocol, VenueId> m = new EnumMap<>(Protocol.class);
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected protocol=account, e.g. binance=sim-b, got \"" + part + "\"");
            }
            Protocol p;
            try {
                p = Protocol.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown protocol \"" + kv[0].trim() + "\" (expected binance, "
                        + "deribit, bybit, okx)", e);
            }
            if (m.put(p, VenueId.of(kv[1].trim())) != null) {
                throw new IllegalArgumentException(p.type() + " is assigned twice");
            }
        }
        return m;
    }
}
