package io.legwatch.sim.demo;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionException;

/**
 * The trader's execution bot in the demo: it trades the {@link DemoScenario} strategies through the
 * simulator's order API. On its first {@link #step()} it opens every strategy (primary leg, then the
 * hedge sized from the primary's actual delta). Then every 4-9 s of sim time per strategy (seeded)
 * it rebalances: it nudges the primary leg by 8-20 % of its base size and hedges 0.2-1.2 s later,
 * so the strategy is briefly out of tolerance (LEGGING); the hedge also re-hedges the option's
 * drifting delta.
 *
 * <p>Failures are left alone, as a careless bot would: a rejected or lost leg order is not retried
 * until the strategy's next rebalance, and a rebalance (or a hedge) is skipped while a leg's venue is
 * disconnected or silent, so a fault leaves the strategy naked for Legwatch to catch. A strategy with
 * an order still unanswered (delayed ack) is not rebalanced again until the answer comes.
 * {@link #halt} stops it trading a strategy for good (the UI calls it when the trader flattens).
 *
 * <p>Deterministic: given the seed and the simulator's history, the same orders go out at the same
 * sim times. Drive it with {@link #step()} after each simulator step (a test, or {@link DemoWorld}'s
 * clock thread). Thread-safe: every method is synchronized; it never holds its lock while the
 * simulator calls back into it.
 */
public final class DemoTrader {
    private static final Logger log = LoggerFactory.getLogger(DemoTrader.class);

    /** What the bot is doing with one strategy, for tests and a demo status line. */
    public record StrategyState(String strategyId, boolean opened, boolean halted, double targetQty,
                                boolean hedgePending, int ordersInFlight, long nextRebalanceMs, String lastError) {
    }

    private final SimExchange exchange;
    private final DemoScenario scenario;
    private final Random random;
    private final String idPrefix;
    private final Map<String, State> states = new LinkedHashMap<>();
    private long orderSeq;

    private static final class State {
        final DemoScenario.Plan plan;
        boolean opened;
        boolean halted;
        double targetQty;
        long nextRebalanceMs;
        long hedgeAtMs = -1;
        int inFlight;
        String lastError;

        State(DemoScenario.Plan plan) {
            this.plan = plan;
        }
    }

    /**
     * @param seed drives rebalance times, sizes and lags (and prefixes client order ids, so two
     *             traders with different seeds on one exchange never collide)
     */
    public DemoTrader(SimExchange exchange, DemoScenario scenario, long seed) {
        this.exchange = exchange;
        this.scenario = scenario;
        this.random = new Random(seed);
        this.idPrefix = "demo" + Long.toHexString(seed) + "-";
        for (DemoScenario.Plan p : scenario.plans()) {
            states.put(p.id(), new State(p));
        }
    }

    public DemoScenario scenario() {
        return scenario;
    }

    /** Acts on everything due at the simulator's current time. */
    public synchronized void step() {
        long now = exchange.nowMs();
        for (State s : states.values()) {
            if (s.halted) {
                continue;
            }
            if (!s.opened) {
                open(s, now);
            } else if (now >= s.nextRebalanceMs) {
                rebalance(s, now);
            }
            if (s.hedgeAtMs >= 0 && now >= s.hedgeAtMs && !s.halted) {
                s.hedgeAtMs = -1;
                if (healthy(s.plan.hedge().venue())) {
                    hedge(s);
                }
            }
        }
    }

    /**
     * Stops trading {@code strategyId} (no rebalance, no pending hedge) until {@link #resume}.
     *
     * @return false if the demo does not trade that strategy
     */
    public synchronized boolean halt(String strategyId) {
        State s = states.get(strategyId);
        if (s == null) {
            return false;
        }
        if (!s.halted) {
            log.info("demo trader halted on {}", strategyId);
        }
        s.halted = true;
        s.hedgeAtMs = -1;
        return true;
    }

    /** Halts every strategy. */
    public synchronized void haltAll() {
        states.keySet().forEach(this::halt);
    }

    /** Lets the bot trade a halted strategy again from its next rebalance. */
    public synchronized boolean resume(String strategyId) {
        State s = states.get(strategyId);
        if (s == null) {
            return false;
        }
        s.halted = false;
        return true;
    }

    public synchronized Optional<StrategyState> state(String strategyId) {
        State s = states.get(strategyId);
        return Optional.ofNullable(s == null ? null : new StrategyState(s.plan.id(), s.opened, s.halted, s.targetQty,
                s.hedgeAtMs >= 0, s.inFlight, s.nextRebalanceMs, s.lastError));
    }

    public synchronized List<StrategyState> states() {
        return states.keySet().stream().map(id -> state(id).orElseThrow()).toList();
    }

    private void open(State s, long now) {
        s.opened = true;
        s.targetQty = s.plan.primary().intendedSide().sign() * s.plan.baseQty();
        s.nextRebalanceMs = now + interval();
        trade(s, s.plan.primary().instrument(), s.targetQty);
        s.hedgeAtMs = now; // hedged in this same step, from the primary's actual fill
    }

    private void rebalance(State s, long now) {
        s.nextRebalanceMs = now + interval();
        double nudge = 0.08 + 0.12 * random.nextDouble();
        boolean up = random.nextBoolean();
        long lag = 200 + random.nextInt(1_000);
        if (s.inFlight > 0 || !healthy(s.plan.primary().venue()) || !healthy(s.plan.hedge().venue())) {
            return; // wait for a healthy venue and a quiet book; the next rebalance repairs the hedge
        }
        double base = s.plan.baseQty();
        double size = Math.abs(s.targetQty);
        if (size > 1.25 * base) {
            up = false;
        } else if (size < 0.75 * base) {
            up = true;
        }
        size = Math.max(base * 0.5, size + (up ? 1 : -1) * nudge * base);
        s.targetQty = s.plan.primary().intendedSide().sign() * size;
        trade(s, s.plan.primary().instrument(), s.targetQty);
        s.hedgeAtMs = now + lag;
    }

    /** Sizes the hedge leg to cancel the primary leg's actual delta. */
    private void hedge(State s) {
        Position primary = exchange.position(s.plan.primary().instrument());
        InstrumentKey hedgeKey = s.plan.hedge().instrument();
        Instrument hedge = exchange.instrument(hedgeKey).orElseThrow();
        double perUnit = hedge.baseDelta(1, exchange.markPrice(hedgeKey), Double.NaN);
        double primaryDelta = Double.isNaN(primary.venueDelta()) ? 0 : primary.venueDelta();
        trade(s, hedgeKey, -primaryDelta / perUnit);
    }

    /** Sends a market order taking the position in {@code key} to {@code targetQty} (rounded to lots). */
    private void trade(State s, InstrumentKey key, double targetQty) {
        Instrument instrument = exchange.instrument(key).orElseThrow();
        double lot = instrument.lotSize();
        double diff = Math.round((targetQty - exchange.position(key).qty()) / lot) * lot;
        if (Math.abs(diff) < lot / 2) {
            return;
        }
        Side side = diff > 0 ? Side.BUY : Side.SELL;
        String clientId = idPrefix + (++orderSeq);
        s.inFlight++;
        log.debug("demo {}: {} {} {}", s.plan.id(), side, Math.abs(diff), key);
        exchange.place(OrderRequest.market(key, side, Math.abs(diff), false, clientId))
                .whenComplete((order, error) -> answered(s, key, error));
    }

    private void answered(State s, InstrumentKey key, Throwable error) {
        synchronized (this) {
            s.inFlight--;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                s.lastError = key + ": " + (cause instanceof VenueException ve ? ve.error().toString() : cause.toString());
                log.warn("demo {}: leg order on {} failed, leaving it until the next rebalance: {}",
                        s.plan.id(), key, s.lastError);
            }
        }
    }

    private boolean healthy(VenueId venue) {
        SimFaults f = exchange.faults(venue);
        return !f.isDisconnected() && !f.isSilent();
    }

    private long interval() {
        return 4_000 + random.nextInt(5_000);
    }
}
