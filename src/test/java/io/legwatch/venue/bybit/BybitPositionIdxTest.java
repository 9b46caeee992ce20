package io.legwatch.venue.bybit;

import io.legwatch.domain.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which positionIdx an order carries, per position mode, side and reduce-only flag. */
class BybitPositionIdxTest {
    @ParameterizedTest(name = "hedge={0} {1} reduceOnly={2} -> positionIdx {3}")
    @CsvSource({
            "false, BUY,  true,  0",
            "false, SELL, true,  0",
            "false, BUY,  false, 0",
            "false, SELL, false, 0",
            // hedge mode: reducing acts on the opposite side, opening on the same side
            "true,  SELL, true,  1",
            "true,  BUY,  true,  2",
            "true,  BUY,  false, 1",
            "true,  SELL, false, 2",
    })
    void positionIdx(boolean hedge, Side side, boolean reduceOnly, int expected) {
        assertThat(BybitRequests.positionIdx(hedge, side, reduceOnly)).isEqualTo(expected);
    }
}
