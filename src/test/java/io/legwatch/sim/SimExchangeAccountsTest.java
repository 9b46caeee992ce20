package io.legwatch.sim;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An exchange with a fourth account (four protocol front ends, one account each). */
class SimExchangeAccountsTest {
    private static final VenueId SIM_D = VenueId.of("sim-d");
    private static final long START = 1_767_225_600_000L;

    @Test
    void aFourthAccountListsTheSameInstrumentsAndLeavesTheFirstThreeAsTheyWere() {
        SimExchange three = new SimExchange(42, START);
        SimExchange four = new SimExchange(42, START, List.of(SimExchange.SIM_A, SimExchange.SIM_B, SimExchange.SIM_C,
                SIM_D));

        assertThat(four.venues()).containsExactly(SimExchange.SIM_A, SimExchange.SIM_B, SimExchange.SIM_C, SIM_D);
        assertThat(four.instruments(SIM_D)).extracting(Instrument::symbol)
                .containsExactlyElementsOf(three.instruments(SimExchange.SIM_A).stream().map(Instrument::symbol).toList());
        for (VenueId v : three.venues()) {
            for (Instrument i : three.instruments(v)) {
                assertThat(four.markPrice(i.key())).as(i.key().toString()).isEqualTo(three.markPrice(i.key()));
            }
        }
        four.setPosition(new InstrumentKey(SIM_D, SimExchange.BTC_LINEAR), 0.5);
        assertThat(four.position(new InstrumentKey(SIM_D, SimExchange.BTC_LINEAR)).qty()).isEqualTo(0.5);
    }

    @Test
    void accountsMustBeDistinct() {
        assertThatThrownBy(() -> new SimExchange(42, START, List.of(SimExchange.SIM_A, SimExchange.SIM_A)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
