package io.legwatch.sim.load;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The load schedule as a pure function of elapsed time: {@link #step(long)} advances the simulator
 * clock, makes the hedged moves that are due, injects due leg failures and repairs failures whose
 * hold ran out. Deterministic for a seed and a sequence of step times (tests drive it by hand;
 * {@link LoadGenerator} drives it from its thread). Not thread-safe: one caller.
 *
 * <p>Rate. The simulator itself pushes every listed instrument's price each 100 ms tick, every
 * non-flat position and a heartbeat per venue each second; the driver tops that up with position
 * moves (a hedged move is two pushes, a failure or a repair one) to reach the profile's total rate.
 * It never bursts more than {@link #MAX_CATCH_UP_NANOS} of schedule when it falls behind: moves
 * older than that are dropped and counted, so the offered rate stays bounded.
 */
final class LoadDriver {
    static final long MAX_CATCH_UP_NANOS = 100_000_000L;
    /** A leg stays within +-BAND units of its starting quantity (moves are clamped to it). */
    private static final double BAND = 0.75;
    private static final double MOVE = 0.10;
    private static final double FAILURE_MOVE = 0.50;

    private final SimExchange exchange;
    private final LoadUniverse universe;
    private final LoadProfile profile;
    private final TimeSource time;
    private final Random random;
    private final long startEpochMs;
    private final double moveMessagesPerNano;
    private final double baseMessagesPerSecond;
    private final long failureIntervalNanos;
    /** No failure is injected after this point, so every failure is NAKED and repaired within the run. */
    private final long lastFailureNanos;
    private final long repairAfterNanos;
    private final long durationNanos;

    private final double[][] qty;
    private final boolean[] failed;
    private int failedCount;
    private final ArrayDeque<PendingRepair> repairs = new ArrayDeque<>();
    private final List<InjectedFailure> failures = new ArrayList<>();

    /** Position in the schedule, in messages (pushes made plus pushes dropped while behind). */
    private long moveMessages;
    private long pushes;
    private long hedgedMoves;
    private long droppedMessages;
    private long nextFailureNanos;
    private long failuresSkipped;
    private long lastElapsedNanos;

    LoadDriver(SimExchange exchange, LoadUniverse universe, TimeSource time) {
        this.exchange = exchange;
        this.universe = universe;
        this.profile = universe.profile();
        this.time = time;
        this.random = new Random(profile.seed());
        this.startEpochMs = exchange.nowMs();
        int listed = 0;
        for (VenueId venue : exchange.venues()) {
            listed += exchange.instruments(venue).size();
        }
        // prices: every listed instrument per tick; each second: a heartbeat per venue and every non-flat position
        this.baseMessagesPerSecond = listed * (1000.0 / SimExchange.TICK_MS) + exchange.venues().size()
                + nonFlatLegs(universe);
        double moveRate = profile.messagesPerSecond() - baseMessagesPerSecond;
        if (moveRate <= 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a total of %.0f msg/s is too low for %d legs: the simulator alone pushes %.0f msg/s (the price of "
                            + "each of %d listed instruments every %d ms, positions and heartbeats every second)",
                    profile.messagesPerSecond(), profile.legs(), baseMessagesPerSecond, listed, SimExchange.TICK_MS));
        }
        this.moveMessagesPerNano = moveRate / 1e9;
        this.durationNanos = profile.duration().toNanos();
        this.failureIntervalNanos = profile.failuresPerSecond() > 0
                ? Math.max(1, (long) (1e9 / profile.failuresPerSecond())) : Long.MAX_VALUE;
        this.repairAfterNanos = profile.grace().toNanos() + profile.failureHold().toNanos();
        this.lastFailureNanos = durationNanos - repairAfterNanos - 500_000_000L;
        this.nextFailureNanos = failureIntervalNanos;
        int n = profile.strategies();
        this.qty = new double[n][profile.legsPerStrategy()];
        for (int s = 0; s < n; s++) {
            for (int l = 0; l < qty[s].length; l++) {
                qty[s][l] = universe.startQty(s, l);
            }
        }
        this.failed = new boolean[n];
    }

    private static int nonFlatLegs(LoadUniverse universe) {
        int count = 0;
        for (int s = 0; s < universe.profile().strategies(); s++) {
            for (int l = 0; l < universe.profile().legsPerStrategy(); l++) {
                if (Math.abs(universe.startQty(s, l)) >= universe.lot(s) / 2) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Messages per second the simulator pushes by itself for this universe (prices, positions, heartbeats). */
    double baseMessagesPerSecond() {
        return baseMessagesPerSecond;
    }

    long durationNanos() {
        return durationNanos;
    }

    /**
     * Runs the schedule up to {@code elapsedNanos} since the start (clamped to the duration).
     *
     * @return true while the run has time left
     */
    boolean step(long elapsedNanos) {
        long elapsed = Math.min(Math.max(elapsedNanos, lastElapsedNanos), durationNanos);
        lastElapsedNanos = elapsed;
        exchange.advanceTo(startEpochMs + elapsed / 1_000_000L);
        while (!repairs.isEmpty() && repairs.peekFirst().dueNanos <= elapsed) {
            repair(repairs.pollFirst());
        }
        while (nextFailureNanos <= elapsed && nextFailureNanos <= lastFailureNanos) {
            inject();
            nextFailureNanos += failureIntervalNanos;
        }
        long due = (long) (elapsed * moveMessagesPerNano);
        long floor = (long) ((elapsed - MAX_CATCH_UP_NANOS) * moveMessagesPerNano);
        if (moveMessages < floor) {
            droppedMessages += floor - moveMessages;
            moveMessages = floor;
        }
        while (moveMessages + 2 <= due && failedCount < failed.length) {
            hedgedMove(healthyStrategy());
        }
        return elapsed < durationNanos;
    }

    private int healthyStrategy() {
        int n = failed.length;
        int s = random.nextInt(n);
        while (failed[s]) {
            s = (s + 1) % n;
        }
        return s;
    }

    /** Moves a pair of neighbouring legs by opposite amounts: the strategy's net delta does not change. */
    private void hedgedMove(int s) {
        int legs = qty[s].length;
        int a = random.nextInt(legs);
        int b = (a + 1) % legs;
        double unit = universe.unit(s);
        double lot = universe.lot(s);
        double d = Math.rint((random.nextDouble() * 2 - 1) * MOVE * unit / lot) * lot;
        // qty[a] + d and qty[b] - d must both stay in their bands
        double lo = Math.max(low(s, a) - qty[s][a], qty[s][b] - high(s, b));
        double hi = Math.min(high(s, a) - qty[s][a], qty[s][b] - low(s, b));
        d = lo > hi ? 0 : Math.max(lo, Math.min(hi, d));
        push(s, a, qty[s][a] + d);
        push(s, b, qty[s][b] - d);
        moveMessages += 2;
        hedgedMoves++;
    }

    private void inject() {
        if (failedCount == failed.length) {
            failuresSkipped++;
            return;
        }
        int s = healthyStrategy();
        int legs = qty[s].length;
        int a = random.nextInt(legs);
        int b = (a + 1) % legs;
        double unit = universe.unit(s);
        double d = (qty[s][a] >= universe.startQty(s, a) ? -1 : 1) * FAILURE_MOVE * unit;
        failed[s] = true;
        failedCount++;
        InjectedFailure failure = new InjectedFailure(failures.size() + 1, LoadUniverse.strategyId(s),
                LoadUniverse.legId(s, a), universe.key(s, a), LoadUniverse.legId(s, b), universe.key(s, b), d,
                time.nanos(), time.millis(), 0);
        failures.add(failure);
        push(s, a, qty[s][a] + d);
        moveMessages++;
        repairs.addLast(new PendingRepair(lastElapsedNanos + repairAfterNanos, s, b, d, failures.size() - 1));
    }

    /** The missing leg "fills late": the strategy is hedged again. */
    private void repair(PendingRepair r) {
        push(r.strategy, r.missingLeg, qty[r.strategy][r.missingLeg] - r.qty);
        moveMessages++;
        failed[r.strategy] = false;
        failedCount--;
        failures.set(r.failureIndex, failures.get(r.failureIndex).repairedAt(time.nanos()));
    }

    private void push(int s, int l, double q) {
        double lot = universe.lot(s);
        q = Math.rint(q / lot) * lot;
        qty[s][l] = q;
        exchange.setPosition(universe.key(s, l), q);
        pushes++;
    }

    private double low(int s, int l) {
        return universe.startQty(s, l) - BAND * universe.unit(s);
    }

    private double high(int s, int l) {
        return universe.startQty(s, l) + BAND * universe.unit(s);
    }

    /** Repairs every failure still open (used when a run is stopped early), so no strategy is left naked. */
    void repairAll() {
        while (!repairs.isEmpty()) {
            repair(repairs.pollFirst());
        }
    }

    LoadStats stats() {
        return new LoadStats(lastElapsedNanos, hedgedMoves, failures.size(), failures.size() - repairs.size(),
                pushes, droppedMessages, failuresSkipped, baseMessagesPerSecond);
    }

    List<InjectedFailure> failures() {
        return List.copyOf(failures);
    }

    private record PendingRepair(long dueNanos, int strategy, int missingLeg, double qty, int failureIndex) {
    }
}
