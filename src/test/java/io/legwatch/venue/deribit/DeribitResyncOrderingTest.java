package io.legwatch.venue.deribit;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.legwatch.venue.deribit.DeribitSamples.VENUE;
import static org.assertj.core.api.Assertions.assertThat;

/** Which stream events held back during a resync survive the snapshot answered on the same socket. */
class DeribitResyncOrderingTest {
    private static final InstrumentKey PERP = new InstrumentKey(VENUE, "BTC-PERPETUAL");

    private static VenueEvent pos(double qty, long nanos) {
        return new VenueEvent.PositionUpdate(new Position(PERP, qty, 100, 0.1), 0, nanos);
    }

    private static VenueEvent order(long nanos) {
        return new VenueEvent.OrderUpdate(new Order(PERP, "1", null, Side.BUY, OrderType.LIMIT, 1, 0, 100, false, false,
                OrderState.NEW, null), 0, nanos);
    }

    @Test
    void updatesOlderThanTheirAnswerAreDroppedFillsAndNewerOnesKept() {
        VenueEvent oldPos = pos(1, 100);          // before the positions answer (at 150): already in the snapshot
        VenueEvent oldOrder = order(160);         // before the orders answer (at 200)
        VenueEvent fill = new VenueEvent.FillEvent(new Fill(PERP, "t", "1", null, Side.BUY, 1, 100), 0, 120);
        VenueEvent newPos = pos(2, 170);          // after the positions answer: news
        VenueEvent newOrder = order(210);         // after the orders answer: news
        VenueEvent staleSnapshot = new VenueEvent.Snapshot(VENUE, List.of(), List.of(), List.of(), 0, 90);
        VenueEvent beat = new VenueEvent.Heartbeat(VENUE, 0, 50);

        List<VenueEvent> kept = DeribitConnector.stillNews(
                List.of(beat, oldPos, fill, oldOrder, staleSnapshot, newPos, newOrder), 150, 200);

        assertThat(kept).containsExactly(beat, fill, newPos, newOrder);
    }
}
