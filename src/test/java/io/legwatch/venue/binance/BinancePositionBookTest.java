package io.legwatch.venue.binance;

import io.legwatch.domain.Position;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceUserEvent.AccountUpdate;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hedge-mode netting and the mark price the stream implies. */
class BinancePositionBookTest {
    private final BinanceMapper mapper = new BinanceMapper(VenueId.of("binance-a"));
    private final BinancePositionBook book = new BinancePositionBook(mapper::key);

    @Test
    void documentedAccountUpdateNetsLongAndShortRows() {
        AccountUpdate u = (AccountUpdate) new BinanceUserStreamParser().parse(Samples.read("ws-account-update.json"));
        List<Position> positions = book.update(u.positions());
        assertThat(positions).hasSize(1);
        Position p = positions.get(0);
        assertThat(p.instrument()).isEqualTo(mapper.key("BTCUSDT"));
        assertThat(p.qty()).isEqualTo(10); // BOTH 0 + LONG 20 + SHORT -10
        // The SHORT row is applied last: mark = 6563.86 + (-1423.156 / -10) = 6706.1756
        assertThat(p.markPrice()).isCloseTo(6706.1756, within(1e-9));
    }

    @Test
    void anUpdateOfOneSideKeepsTheOtherSide() {
        book.reset(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v2-hedge.json")));
        assertThat(book.amount("BTCUSDT", "LONG")).isEqualTo(0.001);
        List<Position> after = book.update(List.of(new PositionRow("BTCUSDT", "SHORT", -0.004, 21000, -0.5, Double.NaN, 0)));
        assertThat(after).singleElement().satisfies(p -> {
            assertThat(p.qty()).isCloseTo(-0.003, within(1e-12));
            assertThat(p.markPrice()).as("21000 + -0.5 / -0.004").isCloseTo(21125, within(1e-9));
        });
    }

    @Test
    void snapshotResetForgetsSymbolsThatAreGone() {
        book.update(List.of(new PositionRow("ETHUSDT", "BOTH", 2, 2000, 0, Double.NaN, 0)));
        List<Position> snap = book.reset(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v3.json")));
        assertThat(snap).extracting(p -> p.instrument().symbol()).containsExactly("ADAUSDT");
        assertThat(book.amount("ETHUSDT", "BOTH")).isZero();
    }

    @Test
    void flatRowKeepsTheLastMark() {
        book.reset(List.of(new PositionRow("ADAUSDT", "BOTH", 30, 0.385, 0.764277, 0.4104759, 1)));
        List<Position> flat = book.update(List.of(new PositionRow("ADAUSDT", "BOTH", 0, 0, 0, Double.NaN, 0)));
        assertThat(flat).singleElement().satisfies(p -> {
            assertThat(p.qty()).isZero();
            assertThat(p.markPrice()).isEqualTo(0.4104759);
        });
    }
}
