package io.legwatch.venue.okx;

import io.legwatch.domain.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which posSide an order carries, per position mode, side and reduce-only flag ("" = none). */
class OkxPosSideTest {
    @ParameterizedTest(name = "longShort={0} {1} reduceOnly={2} -> posSide ''{3}''")
    @CsvSource({
            "false, BUY,  true,  ''",
            "false, SELL, true,  ''",
            "false, SELL, false, ''",
            // long/short mode: reducing closes the opposite side, opening adds to the same side
            "true,  SELL, true,  long",
            "true,  BUY,  true,  short",
            "true,  BUY,  false, long",
            "true,  SELL, false, short",
    })
    void posSide(boolean longShort, Side side, boolean reduceOnly, String expected) {
        String actual = OkxRequests.posSide(longShort, side, reduceOnly);
        assertThat(actual == null ? "" : actual).isEqualTo(expected);
    }
}
