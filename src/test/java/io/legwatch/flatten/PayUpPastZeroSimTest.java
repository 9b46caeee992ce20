package io.legwatch.flatten;

import io.legwatch.domain.OrderType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reducing SELL whose pay-up reaches 100 % of the mark has no positive limit price. The ladder must
 * go to market then, not throw on building the order and end the leg FAILED ("internal error") while
 * the position is still open.
 */
class PayUpPastZeroSimTest extends SimWorldTest {
    @ParameterizedTest(name = "pay-up {0} bps on a reducing SELL")
    @CsvSource({"10000", "25000"})
    void aLimitPriceAtOrBelowZeroEscalatesToMarket(double payUpBps) throws Exception {
        FlattenSettings settings = new FlattenSettings(1, payUpBps, 0, 2, 40, 3, Duration.ofSeconds(3),
                Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofMinutes(5));
        world = new SimWorld(dir, settings);
        world.nakedLong(1.0);

        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test")
                .result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        LegOutcome spot = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow()
                .legs().get(0);
        assertThat(spot.orders()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.request().type()).isEqualTo(OrderType.MARKET);
            assertThat(o.request().reduceOnly()).isTrue();
        });
    }
}
