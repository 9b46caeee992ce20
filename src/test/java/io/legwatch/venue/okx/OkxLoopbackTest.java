package io.legwatch.venue.okx;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.common.LoopbackFrontEnd;
import io.legwatch.sim.protocol.okx.OkxFrontEnd;
import io.legwatch.venue.common.DecodedStreamConnector;
import io.legwatch.venue.common.LoopbackConnectorContract;
import io.legwatch.venue.net.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The production {@link OkxConnector} against the simulator's {@link OkxFrontEnd} over loopback:
 * the {@link LoopbackConnectorContract}, plus OKX's contracts, spot-as-margin holdings, push order and
 * cancel-all-after dead-man switch.
 */
class OkxLoopbackTest extends LoopbackConnectorContract {
    private static final InstrumentKey SPOT = new InstrumentKey(A, SimExchange.BTC_SPOT);

    OkxLoopbackTest() {
        super(43);
    }

    @Override
    protected LoopbackFrontEnd newFrontEnd(SimExchange exchange) {
        return new OkxFrontEnd(exchange, A, "okx-key", "okx-secret", "okx-pass", TimeSource.SYSTEM);
    }

    @Override
    protected DecodedStreamConnector newConnector(boolean trading, String secret) {
        OkxConfig config = OkxConfig.loopback(A, port, trading)
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofMillis(300));
        return new OkxConnector(config, Credentials.of("okx-key", secret, "okx-pass"), http, TimeSource.SYSTEM,
                new Random(7));
    }

    @Override
    protected String secret() {
        return "okx-secret";
    }

    /** Inverse orders are sized in contracts on OKX, as in the simulator. */
    @Override
    protected VenueAnswers answers() {
        return new VenueAnswers("51169", "51016", "50011", "Too Many Requests", "50113", 30);
    }

    @Override
    protected void seedMoreHoldings() {
        exchange.place(OrderRequest.market(SPOT, Side.BUY, 0.2, false, "seed-spot")).join();
    }

    @Override
    protected String wireClientId(String ours) {
        return OkxClientIds.clOrdId(ours);
    }

    @Override
    protected boolean isStreamAuthRefusal(VenueError error) {
        return "60007".equals(error.code()) && "Invalid sign".equals(error.message());
    }

    @Test
    void snapshotCarriesOkxContractsAndSpotAsMargin() {
        connect(secret());
        VenueEvent.Snapshot snap = await(VenueEvent.Snapshot.class, s -> true);

        assertThat(snap.instruments()).contains(
                new Instrument(A, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1.0, 0.001),
                new Instrument(A, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 10.0, 1.0),
                new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1.0, 0.001),
                new Instrument(A, exchange.btcCallSymbol(), "BTC", InstrumentKind.OPTION, 1.0, 0.1));
        assertThat(position(snap, INVERSE).qty()).isCloseTo(-30, within(1e-9));
        // the spot holding arrives as a MARGIN position in the base currency
        assertThat(position(snap, SPOT).qty()).isCloseTo(0.2, within(1e-9));
    }

    /** OKX pushes the orders channel (carrying the fill), then positions: the position update is swapped ahead. */
    @Override
    protected boolean swappedAheadOfTheFill(VenueEvent event) {
        return event instanceof VenueEvent.PositionUpdate p && Math.abs(p.position().qty() - 0.6) < 1e-9;
    }

    @Test
    void cancelAllAfterCancelsOrdersWhenNotRefreshed() {
        connectAndAwaitConnected();
        gateway().armDeadMan(Duration.ofSeconds(10)).join();
        exchange.advance(Duration.ofSeconds(9));
        assertThat(exchange.openOrders(A)).hasSize(2);
        exchange.advance(Duration.ofSeconds(2));
        assertThat(exchange.openOrders(A)).isEmpty();
    }
}
