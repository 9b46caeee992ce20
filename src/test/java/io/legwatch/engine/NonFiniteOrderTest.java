package io.legwatch.engine;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.legwatch.engine.EngineFixture.B;
import static io.legwatch.engine.EngineFixture.PERP;
import static io.legwatch.engine.EngineFixture.PRICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-doubt order with an infinite quantity (or an infinite negative filled quantity) could fill for an
 * unbounded amount: it must not leave the strategy HEDGED. With infinite USD the worst-case excess is
 * Infinity - Infinity = NaN, and "NaN > 0" is false, so the order used to count as harmless. Starting
 * point for every row: s1 hedged (1 BTC spot long, 1,000 perp contracts short).
 */
class NonFiniteOrderTest {

    static Order order(double qty, double filled, OrderState state) {
        return new Order(PERP.key(), null, "h9", Side.SELL, OrderType.MARKET, qty, filled, Double.NaN, false, false,
                state, null);
    }

    static Arguments row(String name, Consumer<EngineFixture> input) {
        return Arguments.of(name, input);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("PENDING order with quantity +Infinity", f -> f.send(new VenueEvent.OrderUpdate(
                        order(Double.POSITIVE_INFINITY, 0, OrderState.PENDING), 0, 0))),
                row("UNKNOWN order with filled quantity -Infinity", f -> f.send(new VenueEvent.OrderUpdate(
                        order(1000, Double.NEGATIVE_INFINITY, OrderState.UNKNOWN), 0, 0))),
                row("snapshot holding a PENDING order with quantity +Infinity", f -> f.snapshot(B, List.of(PERP),
                        List.of(new io.legwatch.domain.Position(PERP.key(), -1000, PRICE, Double.NaN)),
                        List.of(order(Double.POSITIVE_INFINITY, 0, OrderState.PENDING)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anInfiniteInDoubtOrderIsNeverHarmless(String name, Consumer<EngineFixture> input) {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);
        long errorsBefore = f.monitor.snapshot().venues().get(B).errorCount();

        input.accept(f);

        StrategyView s1 = f.s1();
        assertThat(s1.status()).as(name + " (reason: " + s1.reason() + ")").isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(f.monitor.snapshot().venues().get(B).errorCount()).as("the bad order is shown on the venue")
                .isGreaterThan(errorsBefore);
    }
}
