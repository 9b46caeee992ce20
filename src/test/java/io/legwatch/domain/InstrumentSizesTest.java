package io.legwatch.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An instrument's contract and lot sizes must be finite and positive. An infinite contract size makes
 * every position's delta infinite, and a strategy whose legs are infinite passes the tolerance test
 * (|net| = Infinity <= allowed = Infinity): it would be shown HEDGED.
 */
class InstrumentSizesTest {
    static final VenueId V = VenueId.of("sim-a");

    @ParameterizedTest(name = "contract size {0}, lot size {1}")
    @CsvSource({
            "Infinity, 1",
            "1, Infinity",
            "NaN, 1",
            "1, NaN",
            "0, 1",
            "1, 0",
            "-1, 1",
            "-Infinity, 1"})
    void refusesSizesThatAreNotFinitePositive(double contractSize, double lotSize) {
        for (InstrumentKind kind : InstrumentKind.values()) {
            assertThatThrownBy(() -> new Instrument(V, "X", "BTC", kind, contractSize, lotSize))
                    .as(kind.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("X");
        }
    }
}
