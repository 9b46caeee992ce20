package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;
import io.legwatch.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Automatic flatten, driven by snapshots ({@link #onSnapshot}) and a clock ({@link #tick}), with an
 * injected {@link TimeSource} so every rule is testable without sleeping.
 *
 * <ul>
 *   <li>Per strategy ({@link AutoFlattenRule}): NAKED above a USD threshold continuously for N
 *       seconds -> flatten (or alert); one snapshot back inside resets the clock (debounce);
 *       at most M automatic attempts per window, then it alerts instead.</li>
 *   <li>Venue down ({@link VenueDownRule}): a venue that was trusted and then untrusted for N
 *       seconds -> flatten each armed strategy's legs on the surviving venues, once per outage. A
 *       venue never trusted since start (a bad API key, say) does not fire it: its legs were never
 *       known, and flattening every other venue for it would be a self-inflicted outage. If it
 *       stays unconnected longer than N seconds the trader is alerted once instead.</li>
 *   <li>Armed per strategy and globally; both must be armed. {@link #state()} is for the UI.</li>
 * </ul>
 * Thread-safe and cheap enough to call from the engine's snapshot publication: decisions are made
 * under the lock, while their effects (journal lines, actions, listener calls) run in decision
 * order on the policy's own thread, so neither a slow disk nor a slow listener holds up the engine.
 * {@link #close()} runs what is queued and stops that thread.
 */
public final class AutoFlattenPolicy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoFlattenPolicy.class);

    /** One strategy's automatic state, for the UI. {@code firesInMs} is -1 when nothing is pending. */
    public record StrategyState(String strategyId, AutoFlattenRule rule, boolean armed, boolean effective,
                                long conditionSinceMs, long firesInMs, int attemptsInWindow, String lastAction,
                                long lastActionMs) {
    }

    /**
     * One venue's outage clock, for the UI.
     *
     * @param neverConnected not trusted once since start: the venue-down rule does not fire for it
     */
    public record VenueState(VenueId venue, boolean down, long downSinceMs, boolean fired, boolean neverConnected) {
    }

    public record State(boolean globallyArmed, VenueDownRule venueDownRule, List<StrategyState> strategies,
                        List<VenueState> venues) {
        public State {
            strategies = List.copyOf(strategies);
            venues = List.copyOf(venues);
        }
    }

    private static final class Tracker {
        final String strategyId;
        AutoFlattenRule rule;
        boolean armed = true;
        long since;
        boolean firedThisEpisode;
        final Deque<Long> attempts = new ArrayDeque<>();
        String lastAction = "";
        long lastActionMs;

        Tracker(String strategyId) {
            this.strategyId = strategyId;
        }
    }

    private static final class VenueTracker {
        /** Trusted at least once since start: only then can it "go down". */
        boolean everTrusted;
        long downSince;
        boolean fired;
        /** When it was first seen (never trusted yet), for the "never connected" alert. */
        long firstSeen;
        boolean neverConnectedAlerted;
    }

    private final TimeSource time;
    private final AutoActions actions;
    private final Journal journal;
    private final Map<String, Tracker> strategies = new TreeMap<>();
    private final Map<VenueId, VenueTracker> venues = new TreeMap<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    /** Runs the effects of decisions (journal, actions, listeners) in decision order, off the caller's thread. */
    private final ExecutorService effects = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "legwatch-auto-policy");
        t.setDaemon(true);
        return t;
    });
    private VenueDownRule venueDownRule;
    private boolean globallyArmed;
    private MonitorSnapshot last;
    /**
     * Something a listener sees changed since they last heard (a clock started or reset, a decision,
     * a venue's outage): a snapshot that changed nothing tells them nothing, and under load snapshots
     * come thousands of times a second.
     */
    private boolean changed;

    /**
     * @param journal every arming change and every decision (flatten, alert, cap reached) is journaled
     *                with who or what made it; the flattens themselves are journaled by the kill switch
     */
    public AutoFlattenPolicy(TimeSource time, AutoActions actions, VenueDownRule venueDownRule, Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.time = Objects.requireNonNull(time, "time");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.venueDownRule = Objects.requireNonNull(venueDownRule, "venueDownRule");
    }

    /** Sets (or with null removes) a strategy's rule; a strategy without a rule is never auto-flattened. */
    public synchronized void setRule(String strategyId, AutoFlattenRule rule) {
        if (rule == null) {
            strategies.remove(strategyId);
        } else {
            strategies.computeIfAbsent(strategyId, Tracker::new).rule = rule;
        }
        fireLocked();
    }

    public synchronized void setVenueDownRule(VenueDownRule rule) {
        venueDownRule = Objects.requireNonNull(rule);
        fireLocked();
    }

    /** Arms or disarms every automatic action; {@code by} says who ({@code user:<name>}, {@code config}). */
    public synchronized void armGlobally(boolean armed, String by) {
        globallyArmed = armed;
        String what = (armed ? "armed" : "disarmed") + " globally";
        post("journal " + what, () -> audit("auto.arm", null, what, by));
        fireLocked();
    }

    /** Arms or disarms one strategy's automatic actions (both this and the global switch must be armed). */
    public synchronized void arm(String strategyId, boolean armed, String by) {
        Tracker t = strategies.get(strategyId);
        if (t == null) {
            throw new IllegalArgumentException("no auto-flatten rule for strategy " + strategyId);
        }
        t.armed = armed;
        String what = armed ? "armed" : "disarmed";
        post("journal " + strategyId + " " + what, () -> audit("auto.arm", strategyId, what, by));
        fireLocked();
    }

    /**
     * Called on the engine's thread: decides at once; journal, actions and listeners follow on the
     * policy's thread. Listeners hear only a snapshot that changed the policy's state.
     */
    public synchronized void onSnapshot(MonitorSnapshot snapshot) {
        last = snapshot;
        evaluate();
        if (changed) {
            fireLocked();
        }
    }

    /** Re-evaluates the last snapshot at the current time (call about once a second); listeners always hear it. */
    public synchronized void tick() {
        if (last == null) {
            return;
        }
        evaluate();
        fireLocked();
    }

    /** The whole state, for a view that shows every strategy; {@link #armed} and {@link #globallyArmed} are cheaper. */
    public synchronized State state() {
        return stateLocked();
    }

    /** Whether every automatic action is armed (the global switch). */
    public synchronized boolean globallyArmed() {
        return globallyArmed;
    }

    /** Whether the strategy's own switch is armed; false when it has no rule. */
    public synchronized boolean armed(String strategyId) {
        Tracker t = strategies.get(strategyId);
        return t != null && t.armed;
    }

    /**
     * Milliseconds until the policy fires, by strategy, for every strategy armed (globally too) whose
     * condition holds and has not fired in this episode; the UI reads it a few times a second.
     */
    public synchronized Map<String, Long> countdowns() {
        if (!globallyArmed) {
            return Map.of();
        }
        long now = time.millis();
        Map<String, Long> out = new java.util.HashMap<>();
        strategies.forEach((id, t) -> {
            if (t.armed && t.since != 0 && !t.firedThisEpisode) {
                out.put(id, firesIn(t, now));
            }
        });
        return out;
    }

    /**
     * Called on the policy's own thread, in order: after every arming or rule change, every
     * {@link #tick}, and every snapshot that changed the state (a clock started or reset, a decision).
     */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    private void evaluate() {
        long now = time.millis();
        if (!strategies.isEmpty()) {
            for (StrategyView sv : last.strategies()) {
                Tracker t = strategies.get(sv.id());
                if (t != null) {
                    evaluateStrategy(sv, t, now);
                }
            }
        }
        evaluateVenues(now);
    }

    private void evaluateStrategy(StrategyView sv, Tracker t, long now) {
        AutoFlattenRule rule = t.rule;
        boolean condition = sv.status() == HedgeStatus.NAKED && Math.abs(sv.netUsd()) > rule.thresholdUsd();
        if (!condition) {
            changed |= t.since != 0 || t.firedThisEpisode;
            t.since = 0;
            t.firedThisEpisode = false;
            return;
        }
        if (t.since == 0) {
            t.since = now;
            changed = true;
        }
        if (t.firedThisEpisode || now - t.since < rule.nakedFor().toMillis() || !(globallyArmed && t.armed)) {
            return;
        }
        t.firedThisEpisode = true;
        String why = String.format(java.util.Locale.ROOT, "NAKED %.0f USD > %.0f for %d s", sv.netUsd(),
                rule.thresholdUsd(), (now - t.since) / 1000);
        if (rule.action() == AutoFlattenRule.Action.ALERT) {
            act(t, now, "alert: " + why, () -> actions.alert(sv.id(), sv.id() + ": " + why + " (alert-only rule)"));
            return;
        }
        if (!withinCap(t, rule, now)) {
            act(t, now, "cap reached, alert: " + why, () -> actions.alert(sv.id(), sv.id() + ": " + why
                    + "; automatic attempts cap (" + rule.maxAttempts() + " per " + rule.window().toSeconds()
                    + " s) reached - flatten by hand"));
            return;
        }
        t.attempts.addLast(now);
        act(t, now, "flatten: " + why, () -> actions.flatten(KillScope.strategy(sv.id()), "auto:" + why));
    }

    private void evaluateVenues(long now) {
        Map<VenueId, VenueView> seen = last.venues();
        for (VenueView v : seen.values()) {
            VenueTracker vt = venues.get(v.venue());
            if (vt == null) {
                vt = new VenueTracker();
                venues.put(v.venue(), vt);
                changed = true;
            }
            if (v.state().trusted()) {
                changed |= !vt.everTrusted || vt.downSince != 0 || vt.fired;
                vt.everTrusted = true;
                vt.downSince = 0;
                vt.fired = false;
                continue;
            }
            if (!vt.everTrusted) {
                neverConnected(v.venue(), vt, now);
                continue;
            }
            if (vt.downSince == 0) {
                vt.downSince = now;
                changed = true;
            }
            if (!venueDownRule.enabled() || !globallyArmed || vt.fired
                    || now - vt.downSince < venueDownRule.downFor().toMillis()) {
                continue;
            }
            vt.fired = true;
            changed = true;
            flattenSurvivors(v.venue(), now, (now - vt.downSince) / 1000);
        }
        changed |= venues.keySet().retainAll(seen.keySet());
    }

    /** A venue not trusted once since start: never "down", but the trader hears once that it is not covered. */
    private void neverConnected(VenueId venue, VenueTracker vt, long now) {
        if (vt.firstSeen == 0) {
            vt.firstSeen = now;
        }
        if (!venueDownRule.enabled() || vt.neverConnectedAlerted
                || now - vt.firstSeen < venueDownRule.downFor().toMillis()) {
            return;
        }
        vt.neverConnectedAlerted = true;
        String msg = "venue " + venue + " has not connected since start: legs on it are UNKNOWN; the venue-down"
                + " policy does not fire for a venue never seen";
        post("alert: " + msg, () -> {
            audit("auto.decision", null, "alert: " + msg, "auto-flatten policy");
            actions.alert(null, msg);
        });
    }

    private void flattenSurvivors(VenueId down, long now, long seconds) {
        for (StrategyView sv : last.strategies()) {
            Tracker t = strategies.get(sv.id());
            if (t == null || !t.armed || sv.legs().stream().noneMatch(l -> l.instrument().venue().equals(down))) {
                continue;
            }
            Set<String> survivors = new LinkedHashSet<>();
            for (LegView l : sv.legs()) {
                if (!l.instrument().venue().equals(down) && l.venueState() != null && l.venueState().trusted()) {
                    survivors.add(l.legId());
                }
            }
            String why = "venue " + down + " down for " + seconds + " s";
            if (survivors.isEmpty()) {
                act(t, now, "alert: " + why, () -> actions.alert(sv.id(), sv.id() + ": " + why
                        + "; no surviving venue to flatten on"));
            } else if (!withinCap(t, t.rule, now)) {
                act(t, now, "cap reached, alert: " + why, () -> actions.alert(sv.id(), sv.id() + ": " + why
                        + "; automatic attempts cap reached - flatten the surviving legs by hand"));
            } else {
                t.attempts.addLast(now);
                act(t, now, "flatten survivors " + survivors + ": " + why,
                        () -> actions.flatten(new KillScope.Legs(sv.id(), survivors), "auto:" + why));
            }
        }
    }

    private static boolean withinCap(Tracker t, AutoFlattenRule rule, long now) {
        while (!t.attempts.isEmpty() && now - t.attempts.peekFirst() >= rule.window().toMillis()) {
            t.attempts.pollFirst();
        }
        return t.attempts.size() < rule.maxAttempts();
    }

    private void act(Tracker t, long now, String what, Runnable action) {
        changed = true;
        t.lastAction = what;
        t.lastActionMs = now;
        String strategyId = t.strategyId;
        post(what, () -> {
            audit("auto.decision", strategyId, what, "auto-flatten policy");
            action.run();
        });
    }

    /**
     * Queues an effect behind every earlier one. Called under the lock, so the queue order is the
     * decision order; the effect itself runs later on the policy's thread, never under the lock.
     */
    private void post(String what, Runnable effect) {
        try {
            effects.execute(() -> {
                try {
                    effect.run();
                } catch (RuntimeException e) {
                    LOG.error("auto-flatten policy: {} failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("auto-flatten policy is closed; not done: {}", what);
        }
    }

    private void fireLocked() {
        changed = false;
        if (listeners.isEmpty()) {
            return; // the state is built for listeners only: the UI asks for what it shows
        }
        State s = stateLocked();
        post("state to listeners", () -> listeners.forEach(l -> l.accept(s)));
    }

    /** Written, not fsynced (the policy's thread); the flatten it fires is fsynced by the kill switch. */
    private void audit(String type, String strategyId, String what, String by) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("strategyId", strategyId);
        f.put("what", what);
        f.put("by", by);
        try {
            journal.append(type, f);
        } catch (RuntimeException e) {
            LOG.error("journal write failed for {} {}", type, what, e);
        }
    }

    private State stateLocked() {
        long now = time.millis();
        List<StrategyState> out = new ArrayList<>();
        strategies.forEach((id, t) -> {
            long firesIn = t.since != 0 && !t.firedThisEpisode ? firesIn(t, now) : -1;
            int inWindow = (int) t.attempts.stream().filter(a -> now - a < t.rule.window().toMillis()).count();
            out.add(new StrategyState(id, t.rule, t.armed, t.armed && globallyArmed, t.since, firesIn, inWindow,
                    t.lastAction, t.lastActionMs));
        });
        List<VenueState> vs = new ArrayList<>();
        venues.forEach((v, t) -> vs.add(new VenueState(v, t.downSince != 0, t.downSince, t.fired, !t.everTrusted)));
        return new State(globallyArmed, venueDownRule, out, vs);
    }

    private static long firesIn(Tracker t, long now) {
        return Math.max(0, t.since + t.rule.nakedFor().toMillis() - now);
    }

    /** Runs the effects already decided (an auto-flatten decided is still handed over), then stops. */
    @Override
    public void close() {
        effects.shutdown();
        try {
            if (!effects.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("auto-flatten policy: queued effects still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
