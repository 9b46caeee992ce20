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
import java.util.function.Consumer;

/**
 * Automatic flatten, driven by snapshots ({@link #onSnapshot}) and a clock ({@link #tick}), with an
 * injected {@link TimeSource} so every rule is testable without sleeping.
 *
 * <ul>
 *   <li>Per strategy ({@link AutoFlattenRule}): NAKED above a USD threshold continuously for N
 *       seconds -> flatten (or alert); one snapshot back inside resets the clock (debounce);
 *       at most M automatic attempts per window, then it alerts instead.</li>
 *   <li>Venue down ({@link VenueDownRule}): a venue untrusted for N seconds -> flatten each armed
 *       strategy's legs on the surviving venues, once per outage.</li>
 *   <li>Armed per strategy and globally; both must be armed. {@link #state()} is for the UI.</li>
 * </ul>
 * Thread-safe; cheap enough to call from the engine's snapshot publication (actions return at once).
 */
public final class AutoFlattenPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AutoFlattenPolicy.class);

    /** One strategy's automatic state, for the UI. {@code firesInMs} is -1 when nothing is pending. */
    public record StrategyState(String strategyId, AutoFlattenRule rule, boolean armed, boolean effective,
                                long conditionSinceMs, long firesInMs, int attemptsInWindow, String lastAction,
                                long lastActionMs) {
    }

    /** One venue's outage clock, for the UI. */
    public record VenueState(VenueId venue, boolean down, long downSinceMs, boolean fired) {
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
        long downSince;
        boolean fired;
    }

    private final TimeSource time;
    private final AutoActions actions;
    private final Journal journal;
    private final Map<String, Tracker> strategies = new TreeMap<>();
    private final Map<VenueId, VenueTracker> venues = new TreeMap<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private VenueDownRule venueDownRule;
    private boolean globallyArmed;
    private MonitorSnapshot last;

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
    public void setRule(String strategyId, AutoFlattenRule rule) {
        State s;
        synchronized (this) {
            if (rule == null) {
                strategies.remove(strategyId);
            } else {
                strategies.computeIfAbsent(strategyId, Tracker::new).rule = rule;
            }
            s = stateLocked();
        }
        fire(s);
    }

    public void setVenueDownRule(VenueDownRule rule) {
        State s;
        synchronized (this) {
            venueDownRule = Objects.requireNonNull(rule);
            s = stateLocked();
        }
        fire(s);
    }

    /** Arms or disarms every automatic action; {@code by} says who ({@code user:<name>}, {@code config}). */
    public void armGlobally(boolean armed, String by) {
        State s;
        synchronized (this) {
            globallyArmed = armed;
            s = stateLocked();
        }
        audit("auto.arm", null, (armed ? "armed" : "disarmed") + " globally", by);
        fire(s);
    }

    /** Arms or disarms one strategy's automatic actions (both this and the global switch must be armed). */
    public void arm(String strategyId, boolean armed, String by) {
        State s;
        synchronized (this) {
            Tracker t = strategies.get(strategyId);
            if (t == null) {
                throw new IllegalArgumentException("no auto-flatten rule for strategy " + strategyId);
            }
            t.armed = armed;
            s = stateLocked();
        }
        audit("auto.arm", strategyId, armed ? "armed" : "disarmed", by);
        fire(s);
    }

    public void onSnapshot(MonitorSnapshot snapshot) {
        State s;
        synchronized (this) {
            last = snapshot;
            s = evaluate();
        }
        fire(s);
    }

    /** Re-evaluates the last snapshot at the current time (call about once a second). */
    public void tick() {
        State s;
        synchronized (this) {
            if (last == null) {
                return;
            }
            s = evaluate();
        }
        fire(s);
    }

    public synchronized State state() {
        return stateLocked();
    }

    /** Called after every evaluation and arming change, on the calling thread. */
    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    private State evaluate() {
        long now = time.millis();
        for (StrategyView sv : last.strategies()) {
            Tracker t = strategies.get(sv.id());
            if (t != null) {
                evaluateStrategy(sv, t, now);
            }
        }
        evaluateVenues(now);
        return stateLocked();
    }

    private void evaluateStrategy(StrategyView sv, Tracker t, long now) {
        AutoFlattenRule rule = t.rule;
        boolean condition = sv.status() == HedgeStatus.NAKED && Math.abs(sv.netUsd()) > rule.thresholdUsd();
        if (!condition) {
            t.since = 0;
            t.firedThisEpisode = false;
            return;
        }
        if (t.since == 0) {
            t.since = now;
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
        Set<VenueId> seen = new LinkedHashSet<>();
        for (VenueView v : last.venues().values()) {
            seen.add(v.venue());
            VenueTracker vt = venues.computeIfAbsent(v.venue(), k -> new VenueTracker());
            if (v.state().trusted()) {
                vt.downSince = 0;
                vt.fired = false;
                continue;
            }
            if (vt.downSince == 0) {
                vt.downSince = now;
            }
            if (!venueDownRule.enabled() || !globallyArmed || vt.fired
                    || now - vt.downSince < venueDownRule.downFor().toMillis()) {
                continue;
            }
            vt.fired = true;
            flattenSurvivors(v.venue(), now, (now - vt.downSince) / 1000);
        }
        venues.keySet().retainAll(seen);
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
        t.lastAction = what;
        t.lastActionMs = now;
        audit("auto.decision", t.strategyId, what, "auto-flatten policy");
        action.run();
    }

    /** Written, not fsynced: this may run on the engine thread; the flatten it fires is fsynced by the kill switch. */
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
            long firesIn = -1;
            if (t.since != 0 && !t.firedThisEpisode) {
                firesIn = Math.max(0, t.since + t.rule.nakedFor().toMillis() - now);
            }
            int inWindow = (int) t.attempts.stream().filter(a -> now - a < t.rule.window().toMillis()).count();
            out.add(new StrategyState(id, t.rule, t.armed, t.armed && globallyArmed, t.since, firesIn, inWindow,
                    t.lastAction, t.lastActionMs));
        });
        List<VenueState> vs = new ArrayList<>();
        venues.forEach((v, t) -> vs.add(new VenueState(v, t.downSince != 0, t.downSince, t.fired)));
        return new State(globallyArmed, venueDownRule, out, vs);
    }

    private void fire(State s) {
        listeners.forEach(l -> l.accept(s));
    }
}
