package io.legwatch.venue.binance;

import io.legwatch.venue.binance.BinanceConnector.TimedRow;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stream rows seen during a resync go on top of the positionRisk snapshot. */
class BinanceResyncMergeTest {
    private static PositionRow row(String symbol, String side, double amount, long updateTime) {
        return new PositionRow(symbol, side, amount, 100, 0, Double.NaN, updateTime);
    }

    @Test
    void onlyRowsNewerThanTheSnapshotsUpdateTimeAreReapplied() {
        List<PositionRow> fetched = List.of(row("BTCUSDT", "BOTH", 2, 1_000), row("ADAUSDT", "LONG", 5, 2_000));
        TimedRow older = new TimedRow(row("BTCUSDT", "BOTH", 1, 0), 900);      // already in positionRisk
        TimedRow newer = new TimedRow(row("BTCUSDT", "BOTH", 3, 0), 1_100);    // after positionRisk was computed
        TimedRow same = new TimedRow(row("ADAUSDT", "LONG", 5, 0), 2_000);     // the very change positionRisk shows
        TimedRow otherSide = new TimedRow(row("ADAUSDT", "SHORT", -1, 0), 1_500); // not in the snapshot at all
        assertThat(BinanceConnector.newerThan(fetched, List.of(older, newer, same, otherSide)))
                .containsExactly(newer.row(), otherSide.row());
    }
}
