package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.StatusTransition;
import io.legwatch.engine.StrategyView;
import io.legwatch.journal.IncidentLog;
import io.legwatch.journal.Journal;
import io.legwatch.sim.SimExchange;
import io.legwatch.testing.Await;
import io.legwatch.testing.ManualTime;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.sim.InProcessConnector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static io.legwatch.sim.SimExchange.SIM_A;
import static io.legwatch.sim.SimExchange.SIM_B;
import static io.legwatch.sim.SimExchange.SIM_C;

/**
 * The real pieces wired as the app wires them: the simulator, an InProcessConnector per venue, the
 * threaded HedgeMonitor (on a manual clock), the journal and the kill switch reporting to the engine.
 * Strategy "basis": long BTC spot on sim-a, short BTCUSDT perp on sim-b.
 */
final class SimWorld implements AutoCloseable {
    static final long T0 = 1_767_225_600_000L;
    static final InstrumentKey SPOT = new InstrumentKey(SIM_A, SimExchange.BTC_SPOT);
    static final InstrumentKey PERP = new InstrumentKey(SIM_B, SimExchange.BTC_LINEAR);
    static final String BASIS = "basis";

    final SimExchange sim = new SimExchange(7, T0);
    final ManualTime clock = new ManualTime(T0);
    final Map<VenueId, InProcessConnector> connectors = new LinkedHashMap<>();
    final HedgeMonitor monitor;
    final List<FlattenAlarm> alarms = new CopyOnWriteArrayList<>();
    final List<StatusTransition> transitions = new CopyOnWriteArrayList<>();
    final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    final Path dir;
    private final Journal.ChannelOpener opener;
    Journal journal;
    KillSwitch killSwitch;
    IncidentLog incidents;
    private io.legwatch.engine.TransitionListener incidentFeed;
    private io.legwatch.engine.SnapshotListener exposureFeed;
    private int botIds;

    SimWorld(Path dir, FlattenSettings settings) {
        this(dir, settings, Journal.FILES);
    }

    /** With the journal's files opened by {@code opener} (a test's failing disk). */
    SimWorld(Path dir, FlattenSettings settings, Journal.ChannelOpener opener) {
        this.dir = dir;
        this.opener = opener;
        Strategy basis = new Strategy(BASIS, "BTC basis", List.of(new Leg("spot", SPOT, Side.BUY, 1),
                new Leg("perp", PERP, Side.SELL, 1)), new Tolerance(500, 0, Duration.ofSeconds(1)));
        monitor = new HedgeMonitor(List.of(basis),
                MonitorSettings.defaults().withDefaultStaleAfter(Duration.ofHours(1)), clock);
        monitor.addTransitionListener(transitions::add);
        monitor.start();
        for (VenueId v : List.of(SIM_A, SIM_B, SIM_C)) {
            InProcessConnector c = new InProcessConnector(sim, v);
            connectors.put(v, c);
            c.start(e -> {
                events.add(e);
                monitor.submit(e);
            });
        }
        killSwitch = newKillSwitch(settings);
    }

    /** A kill switch (and journal) as the app builds one at start; used again to simulate a restart. */
    KillSwitch newKillSwitch(FlattenSettings settings) {
        return newKillSwitch(settings, c -> c);
    }

    /** The same, with the kill switch's view of each venue wrapped (a test's fault on one venue's reads). */
    KillSwitch newKillSwitch(FlattenSettings settings,
                             java.util.function.Function<VenueConnector, VenueConnector> wrap) {
        journal = new Journal(dir, TimeSource.SYSTEM, opener);
        IncidentLog log = new IncidentLog(journal, clock);
        if (incidents != null) {
            monitor.removeTransitionListener(incidentFeed);
            monitor.removeSnapshotListener(exposureFeed);
            incidents.close();
        }
        incidents = log;
        incidentFeed = IncidentFeed.transitions(log);
        exposureFeed = IncidentFeed.exposures(log);
        monitor.addTransitionListener(incidentFeed);
        monitor.addSnapshotListener(exposureFeed);
        KillSwitch ks = KillSwitch.builder().venues(connectors.values().stream().map(wrap).toList()).snapshots(monitor::snapshot)
                .journal(journal).settings(settings).alarms(alarms::add).resultListener(IncidentFeed.into(log))
                .listener(FlattenListener.of(monitor)).build();
        monitor.addSnapshotListener(ks::onSnapshot);
        return ks;
    }

    /** An order from "the trader's own bot", straight to the venue (not through Legwatch). */
    Order trade(InstrumentKey key, Side side, double qty) {
        return sim.place(OrderRequest.market(key, side, qty, false, "bot-" + (++botIds))).join();
    }

    /** Opens a naked long: the spot leg filled, the perp leg did not; the engine says NAKED. */
    void nakedLong(double btc) {
        trade(SPOT, Side.BUY, btc);
        await(() -> qtyInSnapshot(SPOT) == btc, "engine sees the spot position");
        clock.advance(1_500); // past the tolerance grace
        awaitStatus(HedgeStatus.NAKED);
    }

    double venueQty(InstrumentKey key) {
        return sim.position(key).qty();
    }

    double qtyInSnapshot(InstrumentKey key) {
        return strategy().legs().stream().filter(l -> l.instrument().equals(key)).findFirst()
                .map(l -> l.qty()).orElse(Double.NaN);
    }

    StrategyView strategy() {
        return monitor.snapshot().strategies().stream().filter(s -> s.id().equals(BASIS)).findFirst().orElseThrow();
    }

    void awaitStatus(HedgeStatus status) {
        await(() -> strategy().status() == status, () -> "strategy " + status + " (is " + strategy().status() + ": "
                + strategy().reason() + ")");
    }

    /** Client order ids Legwatch's flatten used, each with the venue order ids it produced. */
    Map<String, Set<String>> flattenOrdersAtVenue() {
        Map<String, Set<String>> out = new HashMap<>();
        for (VenueEvent e : events) {
            if (e instanceof VenueEvent.OrderUpdate u && u.order().clientOrderId() != null
                    && u.order().clientOrderId().startsWith("lw")) {
                out.computeIfAbsent(u.order().clientOrderId(), k -> new HashSet<>()).add(u.order().orderId());
            }
        }
        return out;
    }

    /** Quantity our flatten orders filled at the venue, from its fill events. */
    double flattenFilled(InstrumentKey key) {
        double q = 0;
        for (VenueEvent e : events) {
            if (e instanceof VenueEvent.FillEvent f && f.fill().instrument().equals(key)
                    && f.fill().clientOrderId() != null && f.fill().clientOrderId().startsWith("lw")) {
                q += f.fill().qty();
            }
        }
        return q;
    }

    /** True when one journal line contains every fragment; false (not an error) while the file is being written. */
    boolean journalHasLine(String... fragments) {
        try {
            return journalLines().stream().anyMatch(l -> java.util.Arrays.stream(fragments).allMatch(l::contains));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    List<String> journalLines() throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(p));
            }
        }
        return lines;
    }

    /** Client order ids of every order.sent journal record, in order (a re-send repeats its id). */
    List<String> journaledSends() throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : journalLines()) {
            var n = mapper.readTree(line);
            if (n.path("type").asText().equals("order.sent")) {
                ids.add(n.path("clientOrderId").asText());
            }
        }
        return ids;
    }

    static void await(BooleanSupplier condition, String what) {
        await(condition, () -> what);
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        Await.until(Duration.ofSeconds(20), what, condition);
    }

    @Override
    public void close() {
        connectors.values().forEach(InProcessConnector::stop);
        monitor.close();
        killSwitch.close();
        incidents.close();
        journal.close();
    }
}
