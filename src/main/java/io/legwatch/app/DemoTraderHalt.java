package io.legwatch.app;

import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.KillScope;
import io.legwatch.sim.demo.DemoTrader;

import java.util.Objects;

/**
 * Stops the demo trader trading what is about to be flattened, so the bot does not re-open a
 * strategy while its flatten works: the demo sessions' before-execute and before-auto-flatten hook.
 */
public final class DemoTraderHalt {
    private final DemoTrader trader;

    public DemoTraderHalt(DemoTrader trader) {
        this.trader = Objects.requireNonNull(trader, "trader");
    }

    /** Every strategy the plan touches, and everything when its scope is global. */
    public void before(FlattenPlan plan) {
        before(plan.scope());
        plan.strategyIds().forEach(trader::halt);
    }

    public void before(KillScope scope) {
        if (scope instanceof KillScope.Global) {
            trader.haltAll();
        } else if (scope instanceof KillScope.Strategy s) {
            trader.halt(s.strategyId());
        } else if (scope instanceof KillScope.Legs l) {
            trader.halt(l.strategyId());
        }
    }
}
