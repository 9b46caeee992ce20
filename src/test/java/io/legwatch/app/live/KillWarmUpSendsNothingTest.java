package io.legwatch.app.live;

import io.legwatch.config.AppConfig;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.VenueView;
import io.legwatch.flatten.FlattenListener;
import io.legwatch.flatten.FlattenSettings;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.journal.Journal;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import io.legwatch.sim.main.SimConfigWriter;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Served;
import io.legwatch.venue.VenueConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch's warm-up (run once the engine shows a venue trusted) reads and builds requests but
 * never sends an order, a cancel or any write: with the production connectors against all four protocol
 * front ends (trading enabled), a resting order and a position on every account, the simulator sees no
 * order event, no fill, no rejection, and every resting order and position is still there afterwards.
 */
class KillWarmUpSendsNothingTest {
    private static final Map<ProtocolSimulator.Protocol, VenueId> FOUR_VENUES = fourVenues();

    private static Map<ProtocolSimulator.Protocol, VenueId> fourVenues() {
        Map<ProtocolSimulator.Protocol, VenueId> m = new HashMap<>(ProtocolSimulator.DEFAULT_ASSIGNMENT);
        m.put(ProtocolSimulator.Protocol.BINANCE, VenueId.of("sim-d"));
        return m;
    }

    @Test
    void theWarmUpOfEveryVenueSendsNoOrderCancelOrWrite(@TempDir Path dir) throws Exception {
        try (ProtocolSimulator sim = ProtocolSimulator.start(new ProtocolSimulator.Options(11, false, 0, FOUR_VENUES),
                TimeSource.SYSTEM)) {
            Map<Served, Order> resting = new HashMap<>();
            for (Served s : sim.served()) {
                Instrument i = sim.exchange().instruments(s.account()).stream()
                        .filter(x -> s.protocol().shows(x.kind()) && x.kind() != InstrumentKind.OPTION)
                        .findFirst().orElseThrow();
                double qty = i.kind() == InstrumentKind.INVERSE ? 100 : 1;
                sim.exchange().setPosition(i.key(), qty); // the first kill would flatten this: the warm-up must not
                double farBelow = sim.exchange().markPrice(i.key()) * 0.5;
                resting.put(s, sim.exchange().place(new OrderRequest(i.key(), Side.BUY, qty, OrderType.LIMIT, farBelow,
                        false, "resting-" + s.account())).get(10, TimeUnit.SECONDS));
            }
            Queue<String> writes = new ConcurrentLinkedQueue<>();
            List<SimSubscription> subscriptions = new ArrayList<>();
            for (Served s : sim.served()) {
                subscriptions.add(sim.exchange().subscribe(s.account(), new SimListener() {
                    @Override
                    public void onOrder(Order order, long venueTimeMs) {
                        writes.add("order " + order);
                    }

                    @Override
                    public void onFill(Fill fill, long venueTimeMs) {
                        writes.add("fill " + fill);
                    }

                    @Override
                    public void onRejection(VenueError error, long venueTimeMs) {
                        writes.add("rejection " + error);
                    }
                }));
            }

            AppConfig config = ConfigLoader.parse(SimConfigWriter.write(sim.served(), List.of()), "warm-up test");
            Map<String, String> keys = Served.credentialEnvironment(sim.served());
            ConnectorFactory factory = new ConnectorFactory(new CredentialResolver(keys::get), sim::exchange,
                    TimeSource.SYSTEM);
            List<VenueConnector> connectors = factory.createAll(config);
            assertThat(connectors).allMatch(c -> c.orders().isPresent()); // trading enabled: a path that could send
            HedgeMonitor monitor = new HedgeMonitor(List.of(), MonitorSettings.defaults(), TimeSource.SYSTEM);
            try (Journal journal = new Journal(dir, TimeSource.SYSTEM);
                 KillSwitch ks = KillSwitch.builder().venues(connectors).snapshots(monitor::snapshot).journal(journal)
                         .listener(FlattenListener.of(monitor)).settings(FlattenSettings.DEFAULT).build()) {
                monitor.addSnapshotListener(ks::onSnapshot);
                monitor.start();
                connectors.forEach(c -> c.start(monitor::submit));
                // Completes only when every venue's warm-up ran to its end, the gateway's dry run included.
                ks.warmedUp().get(60, TimeUnit.SECONDS);
                assertThat(monitor.snapshot().venues().values()).extracting(VenueView::state)
                        .containsOnly(ConnectionState.CONNECTED);
            } finally {
                connectors.forEach(VenueConnector::stop);
                factory.close();
                monitor.close();
                subscriptions.forEach(SimSubscription::close);
            }

            assertThat(writes).as("orders, fills or rejections the simulator saw during the warm-up").isEmpty();
            for (Map.Entry<Served, Order> r : resting.entrySet()) {
                VenueId account = r.getKey().account();
                assertThat(sim.exchange().openOrders(account)).extracting(Order::clientOrderId)
                        .as("resting orders on %s", account).contains(r.getValue().clientOrderId());
                assertThat(sim.exchange().position(r.getValue().instrument()).qty())
                        .as("position on %s", account).isNotZero();
            }
        }
    }
}
