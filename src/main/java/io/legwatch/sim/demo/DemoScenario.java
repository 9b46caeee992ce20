package io.legwatch.sim.demo;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.sim.SimExchange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The demo's three hedged strategies, as domain {@link Strategy} objects (for the engine and the
 * UI) plus how the demo trader sizes them ({@link Plan}):
 * <ol>
 *   <li>{@value #BTC_BASIS}: BTC spot long on sim-a, hedged by the BTC inverse perp short on sim-b
 *       (5 BTC, about 300k USD a leg);</li>
 *   <li>{@value #ETH_FUNDING}: ETH linear perp long on sim-b, hedged by the ETH linear perp short on
 *       sim-c (100 ETH, about 300k USD a leg);</li>
 *   <li>{@value #BTC_OPTION_HEDGE}: 10 BTC calls long on sim-c, delta-hedged by the BTC linear perp
 *       short on sim-a (about 5.5 BTC, 330k USD of delta).</li>
 * </ol>
 * Every strategy uses {@link #TOLERANCE}: 500 USD or 2 % of gross, grace 3 s.
 */
public final class DemoScenario {
    public static final String BTC_BASIS = "btc-basis";
    public static final String ETH_FUNDING = "eth-funding";
    public static final String BTC_OPTION_HEDGE = "btc-option-hedge";
    public static final Tolerance TOLERANCE = new Tolerance(500, 2.0, Duration.ofSeconds(3));

    /**
     * How the demo trades one strategy: the primary leg is sized directly ({@code baseQty} venue
     * units, on the primary leg's intended side); the hedge leg is sized to cancel the primary's delta.
     */
    public record Plan(Strategy strategy, Leg primary, Leg hedge, double baseQty) {
        public String id() {
            return strategy.id();
        }
    }

    private final List<Plan> plans;

    private DemoScenario(List<Plan> plans) {
        this.plans = List.copyOf(plans);
    }

    /** The standard scenario on {@code exchange}'s venues (the option symbol depends on its start date). */
    public static DemoScenario standard(SimExchange exchange) {
        return new DemoScenario(List.of(
                plan(BTC_BASIS, "BTC basis",
                        new InstrumentKey(SimExchange.SIM_A, SimExchange.BTC_SPOT), Side.BUY,
                        new InstrumentKey(SimExchange.SIM_B, SimExchange.BTC_INVERSE), Side.SELL, 5),
                plan(ETH_FUNDING, "ETH funding",
                        new InstrumentKey(SimExchange.SIM_B, SimExchange.ETH_LINEAR), Side.BUY,
                        new InstrumentKey(SimExchange.SIM_C, SimExchange.ETH_LINEAR), Side.SELL, 100),
                plan(BTC_OPTION_HEDGE, "BTC option hedge",
                        new InstrumentKey(SimExchange.SIM_C, exchange.btcCallSymbol()), Side.BUY,
                        new InstrumentKey(SimExchange.SIM_A, SimExchange.BTC_LINEAR), Side.SELL, 10)));
    }

    private static Plan plan(String id, String name, InstrumentKey primary, Side primarySide, InstrumentKey hedge,
                             Side hedgeSide, double baseQty) {
        Leg p = new Leg(id + "/" + primary.venue() + ":" + primary.symbol(), primary, primarySide, 1.0);
        Leg h = new Leg(id + "/" + hedge.venue() + ":" + hedge.symbol(), hedge, hedgeSide, 1.0);
        return new Plan(new Strategy(id, name, List.of(p, h), TOLERANCE), p, h, baseQty);
    }

    public List<Plan> plans() {
        return plans;
    }

    /** The strategies, for the engine's configuration. */
    public List<Strategy> strategies() {
        return plans.stream().map(Plan::strategy).toList();
    }

    public Optional<Plan> plan(String strategyId) {
        return plans.stream().filter(p -> p.id().equals(strategyId)).findFirst();
    }
}
