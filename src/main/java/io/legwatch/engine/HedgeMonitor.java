package io.legwatch.engine;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hedge engine: folds venue events and control commands into monitor state, decides every
 * strategy's {@link io.legwatch.domain.HedgeStatus}, and publishes immutable, versioned
 * {@link MonitorSnapshot}s.
 *
 * <p>Threads. After {@link #start()} one engine thread owns all state: it drains the input queue
 * (fed by {@link #submit} and the control methods from any thread, never blocking them), applies the
 * inputs in order, advances timers, publishes a snapshot, then notifies listeners on itself.
 * {@link #snapshot()} is a lock-free read from any thread.
 *
 * <p>Synchronous use. Without {@code start()}, tests and benchmarks drive the same code on their own
 * thread: {@link #apply}, {@link #tick}, {@link #publish}, or {@link #runOnce} (what the engine thread
 * runs each turn). Once started, only the engine thread may call these.
 */
public final class HedgeMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HedgeMonitor.class);

    private final List<Strategy> strategies;
    private final MonitorSettings settings;
    private final TimeSource time;
    private final MonitorState state;
    private final EventFolder folder;
    private final SnapshotAssembler assembler;
    private final Inbox inbox = new Inbox();
    private final AtomicReference<MonitorSnapshot> latest = new AtomicReference<>();
    private final List<SnapshotListener> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<TransitionListener> transitionListeners = new CopyOnWriteArrayList<>();
    private final List<AppliedEventListener> appliedListeners = new CopyOnWriteArrayList<>();

    /** Listener failures so far; only the first few are logged in full, so a broken listener cannot flood the log. */
    private long listenerFailures;
    private volatile Thread engineThread;
    private volatile boolean running;

    /**
     * @throws IllegalArgumentException when two legs claim the same instrument (naming both
     *                                  strategies) or a strategy id repeats
     */
    public HedgeMonitor(List<Strategy> strategies, MonitorSettings settings, TimeSource time) {
        this.strategies = List.copyOf(strategies);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.time = Objects.requireNonNull(time, "time");
        this.state = new MonitorState(this.strategies, settings);
        this.folder = new EventFolder(state);
        this.assembler = new SnapshotAssembler(state);
        long now = time.millis();
        for (StrategyState strategy : state.strategies) {
            state.evaluate(strategy, now);
        }
        state.transitions.clear();
        latest.set(assembler.assemble(now));
    }

    public List<Strategy> strategies() {
        return strategies;
    }

    public MonitorSettings settings() {
        return settings;
    }

    // ---- threaded operation -------------------------------------------------------------------

    /** Starts the engine thread. Call once. */
    public synchronized void start() {
        if (engineThread != null) {
            throw new IllegalStateException("hedge monitor already started");
        }
        running = true;
        Thread thread = new Thread(this::runLoop, "legwatch-engine");
        thread.setDaemon(true);
        // Snapshots freeze if the engine dies: that must never be silent.
        thread.setUncaughtExceptionHandler((t, e) -> log.error("engine thread died: snapshots are no longer updated", e));
        engineThread = thread;
        thread.start();
    }

    /** Stops the engine thread (waits up to 2 s for it). Inputs still queued are dropped. */
    @Override
    public synchronized void close() {
        running = false;
        Thread thread = engineThread;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        inbox.wake();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("engine thread did not stop within 2 s");
        }
    }

    private void runLoop() {
        long tickNanos = settings.tickInterval().toNanos();
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("engine turn failed; continuing", e);
            }
            if (inbox.isEmpty() && running) {
                inbox.await(tickNanos);
            }
        }
    }

    /** Queues a venue event; thread-safe, never blocks. Connectors call this from their own threads. */
    public void submit(VenueEvent event) {
        inbox.offer(Objects.requireNonNull(event, "event"));
    }

    /** A flatten of the strategy started: FLATTENING until {@link #flattenFinished}. Queued; thread-safe. */
    public void flattenStarted(String strategyId) {
        inbox.offer(new ControlCommand.FlattenStarted(known(strategyId)));
    }

    /**
     * The flatten finished: {@code verifiedFlat} true hands the strategy back to the normal rules (FLAT
     * when the venues confirm it), false latches FLATTEN_FAILED with {@code detail} until
     * {@link #clearFailure} or a new {@link #flattenStarted}. Queued; thread-safe.
     */
    public void flattenFinished(String strategyId, boolean verifiedFlat, String detail) {
        inbox.offer(new ControlCommand.FlattenFinished(known(strategyId), verifiedFlat, detail));
    }

    /** A human acknowledged a FLATTEN_FAILED: the strategy goes back to the normal rules. Queued; thread-safe. */
    public void clearFailure(String strategyId) {
        inbox.offer(new ControlCommand.ClearFailure(known(strategyId)));
    }

    private String known(String strategyId) {
        if (!state.strategiesById.containsKey(strategyId)) {
            throw new IllegalArgumentException("no strategy '" + strategyId + "'");
        }
        return strategyId;
    }

    /** The newest published snapshot; lock-free, any thread. */
    public MonitorSnapshot snapshot() {
        return latest.get();
    }

    public void addSnapshotListener(SnapshotListener listener) {
        snapshotListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeSnapshotListener(SnapshotListener listener) {
        snapshotListeners.remove(listener);
    }

    public void addTransitionListener(TransitionListener listener) {
        transitionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeTransitionListener(TransitionListener listener) {
        transitionListeners.remove(listener);
    }

    /** Adds a listener told of every venue event right after it was applied (engine thread, per message). */
    public void addAppliedEventListener(AppliedEventListener listener) {
        appliedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeAppliedEventListener(AppliedEventListener listener) {
        appliedListeners.remove(listener);
    }

    // ---- one code path, driven by the engine thread or synchronously ---------------------------

    /**
     * One engine turn: applies up to {@link MonitorSettings#maxBatch()} queued inputs in order, advances
     * timers, and publishes if something changed (or always, under {@code EVERY_TURN}).
     *
     * @return the newest snapshot (the one just published, if any)
     */
    public MonitorSnapshot runOnce() {
        checkOwner();
        int maxBatch = settings.maxBatch();
        Object input;
        for (int n = 0; n < maxBatch && (input = inbox.poll()) != null; n++) {
            if (input instanceof VenueEvent event) {
                apply(event);
            } else {
                applyControl((ControlCommand) input);
            }
        }
        tick();
        if (state.changed || settings.publishPolicy() == MonitorSettings.PublishPolicy.EVERY_TURN) {
            return publish();
        }
        return latest.get();
    }

    /** Folds one venue event into the state at the time source's now (not published until {@link #publish}). */
    public void apply(VenueEvent event) {
        checkOwner();
        try {
            folder.apply(event, time.millis());
        } catch (RuntimeException e) {
            // A bug or an input we did not foresee must not stop the engine; the trader sees it on the venue.
            log.error("engine failed to apply {}", event.getClass().getSimpleName(), e);
            folder.reject(state.venue(event.venue()), "engine could not apply a " + event.getClass().getSimpleName()
                    + ": " + e);
        }
        for (AppliedEventListener listener : appliedListeners) {
            try {
                listener.onApplied(event);
            } catch (RuntimeException e) {
                log.error("applied-event listener failed", e);
            }
        }
    }

    private void applyControl(ControlCommand command) {
        try {
            folder.apply(command, time.millis());
        } catch (RuntimeException e) {
            log.error("engine failed to apply {}", command, e);
        }
    }

    /** Advances timers (venue staleness, grace expiry) to the time source's now. */
    public void tick() {
        checkOwner();
        state.tick(time.millis());
    }

    /**
     * Publishes a new snapshot version of the current state, then tells the snapshot listeners and
     * the transition listeners (every status change since the previous publish, in order).
     */
    public MonitorSnapshot publish() {
        checkOwner();
        MonitorSnapshot snapshot = assembler.assemble(time.millis());
        latest.set(snapshot);
        for (SnapshotListener listener : snapshotListeners) {
            try {
                listener.onSnapshot(snapshot);
            } catch (RuntimeException e) {
                listenerFailed("snapshot", e);
            }
        }
        List<StatusTransition> transitions = state.transitions;
        if (!transitions.isEmpty()) {
            StatusTransition[] pending = transitions.toArray(new StatusTransition[0]);
            transitions.clear();
            for (StatusTransition transition : pending) {
                for (TransitionListener listener : transitionListeners) {
                    try {
                        listener.onTransition(transition);
                    } catch (RuntimeException e) {
                        listenerFailed("transition", e);
                    }
                }
            }
        }
        return snapshot;
    }

    private void listenerFailed(String kind, RuntimeException e) {
        listenerFailures++;
        if (listenerFailures <= 10) {
            log.error("{} listener failed", kind, e);
        } else if (listenerFailures % 10_000 == 0) {
            log.error("{} listener failures so far; latest: {}", listenerFailures, e.toString());
        }
    }

    private void checkOwner() {
        Thread owner = engineThread;
        if (owner != null && owner != Thread.currentThread()) {
            throw new IllegalStateException("the engine thread owns the monitor state once start() was called");
        }
    }
}
