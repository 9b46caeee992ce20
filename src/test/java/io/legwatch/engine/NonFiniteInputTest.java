package io.legwatch.engine;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.legwatch.engine.EngineFixture.A;
import static io.legwatch.engine.EngineFixture.OTHER;
import static io.legwatch.engine.EngineFixture.PRICE;
import static io.legwatch.engine.EngineFixture.SPOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A venue reporting an infinite mark price or delta on a position must not make an out-of-tolerance
 * strategy look HEDGED: with an infinite leg, net and gross are both infinite and "|net| <= allowed(gross)"
 * holds, so the number has to be refused (and the refusal shown on the venue). Starting point for every
 * row: s1 holds the spot leg only, 50,000 USD out of tolerance, LEGGING.
 */
class NonFiniteInputTest {

    static Arguments row(String name, Consumer<EngineFixture> input) {
        return Arguments.of(name, input);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("position update with mark +Infinity", f -> f.send(new VenueEvent.PositionUpdate(
                        new Position(SPOT.key(), 1, Double.POSITIVE_INFINITY, Double.NaN), 0, 0))),
                row("position update with venue delta +Infinity", f -> f.send(new VenueEvent.PositionUpdate(
                        new Position(SPOT.key(), 1, PRICE, Double.POSITIVE_INFINITY), 0, 0))),
                row("snapshot with mark +Infinity", f -> f.snapshot(A, List.of(SPOT, OTHER),
                        List.of(new Position(SPOT.key(), 1, Double.POSITIVE_INFINITY, Double.NaN)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void nonFiniteNumbersNeverMakeAStrategyLookHedged(String name, Consumer<EngineFixture> input) {
        EngineFixture f = new EngineFixture().connected(1, 0);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.LEGGING);
        long errorsBefore = venue(f, A).errorCount();

        input.accept(f);

        StrategyView s1 = f.s1();
        assertThat(s1.status()).as(name + " (reason: " + s1.reason() + ")")
                .isIn(HedgeStatus.LEGGING, HedgeStatus.NAKED, HedgeStatus.UNKNOWN);
        assertThat(Double.isInfinite(s1.netUsd())).as("net USD " + s1.netUsd()).isFalse();
        assertThat(venue(f, A).errorCount()).as("the refused number is shown on the venue").isGreaterThan(errorsBefore);
    }

    private static VenueView venue(EngineFixture f, VenueId id) {
        return f.monitor.snapshot().venues().get(id);
    }
}
