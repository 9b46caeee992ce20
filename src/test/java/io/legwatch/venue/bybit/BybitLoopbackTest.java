package io.legwatch.venue.bybit;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.bybit.BybitFrontEnd;
import io.legwatch.sim.protocol.common.LoopbackFrontEnd;
import io.legwatch.venue.common.DecodedStreamConnector;
import io.legwatch.venue.common.LoopbackConnectorContract;
import io.legwatch.venue.net.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.legwatch.testing.Await.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The production {@link BybitConnector} against the simulator's {@link BybitFrontEnd} over loopback:
 * the {@link LoopbackConnectorContract}, plus Bybit's units, push order and DCP dead-man switch.
 */
class BybitLoopbackTest extends LoopbackConnectorContract {
    private static final List<BybitConfig.Scope> SCOPES = List.of(new BybitConfig.Scope("linear", "USDT"),
            new BybitConfig.Scope("inverse", null), new BybitConfig.Scope("spot", null),
            new BybitConfig.Scope("option", null));

    BybitLoopbackTest() {
        super(42);
    }

    @Override
    protected LoopbackFrontEnd newFrontEnd(SimExchange exchange) {
        return new BybitFrontEnd(exchange, A, "test-key", "test-secret", TimeSource.SYSTEM);
    }

    @Override
    protected DecodedStreamConnector newConnector(boolean trading, String secret) {
        BybitConfig config = BybitConfig.loopback(A, port, trading).withScopes(SCOPES)
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofMillis(300));
        return new BybitConnector(config, Credentials.of("test-key", secret), http, TimeSource.SYSTEM, new Random(7));
    }

    @Override
    protected String secret() {
        return "test-secret";
    }

    /** Inverse orders are sized in USD on Bybit: 30 simulated 10-USD contracts are 300. */
    @Override
    protected VenueAnswers answers() {
        return new VenueAnswers("110017", "110072", "10006", "Too many visits!", "10004", 300);
    }

    @Override
    protected boolean isStreamAuthRefusal(VenueError error) {
        return error.message().contains("auth") && error.message().contains("signature verification failed");
    }

    @Test
    void snapshotCarriesBybitUnits() {
        connect(secret());
        VenueEvent.Snapshot snap = await(VenueEvent.Snapshot.class, s -> true);

        assertThat(snap.instruments()).contains(new Instrument(A, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1.0, 0.001),
                new Instrument(A, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 1.0, 10.0),
                new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1.0, 0.001));
        // 30 simulated 10-USD contracts short are 300 USD short on Bybit's inverse wire
        Position inverse = position(snap, INVERSE);
        assertThat(inverse.qty()).isCloseTo(-300, within(1e-9));
        Instrument inv = snap.instruments().stream().filter(i -> i.symbol().equals("BTC-PERPETUAL")).findFirst().orElseThrow();
        Position simInverse = exchange.position(INVERSE);
        assertThat(inv.baseDelta(inverse.qty(), inverse.markPrice(), Double.NaN))
                .isCloseTo(simInverse.qty() * 10 / simInverse.markPrice(), within(1e-9));
    }

    /** Bybit pushes fill (execution), then order, then position: the order update is swapped ahead. */
    @Override
    protected boolean swappedAheadOfTheFill(VenueEvent event) {
        return event instanceof VenueEvent.OrderUpdate o && "swapped".equals(o.order().clientOrderId());
    }

    @Test
    void deadManCancelsOrdersWhenTheDcpSocketIsGone() {
        connectAndAwaitConnected();
        BybitFrontEnd bybit = (BybitFrontEnd) frontEnd;
        gateway().armDeadMan(Duration.ofSeconds(5)).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!bybit.dcpActive() && System.nanoTime() < deadline) {
            sleep(10); // the dcp topic subscription follows the REST call
        }
        assertThat(bybit.dcpActive()).isTrue();
        assertThat(exchange.openOrders(A)).hasSize(2);

        exchange.faults(A).disconnect();
        exchange.advance(Duration.ofSeconds(6));
        assertThat(exchange.openOrders(A)).isEmpty();
    }
}
