package io.legwatch.ui;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.AutoFlattenControl;
import io.legwatch.app.FaultControl;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.LegwatchSession;
import io.legwatch.app.PlannedOrder;
import io.legwatch.app.VenueReceipt;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.flatten.DeadManSwitches;
import io.legwatch.metrics.PipelineLatency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session fed with hand-made snapshots, for view tests that are about the view (layout,
 * colours, dialogs), not about the engine. Records the commands it was given.
 */
public final class FakeSession implements LegwatchSession {
    public final AtomicReference<MonitorSnapshot> snapshot = new AtomicReference<>();
    public final List<FlattenTarget> flattened = new CopyOnWriteArrayList<>();
    public final List<VenueId> cancelled = new CopyOnWriteArrayList<>();
    public volatile CompletableFuture<ActionReceipt> nextResult;
    /** Not attached to an engine: the window stamps the FX side, tests may stamp the rest. */
    public final PipelineLatency latency = new PipelineLatency();
    private final Map<String, Boolean> armed = new HashMap<>();
    private boolean globalArmed;
    private int plans;

    @Override
    public String label() {
        return "test";
    }

    @Override
    public void start() {
    }

    @Override
    public PipelineLatency latency() {
        return latency;
    }

    @Override
    public MonitorSnapshot snapshot() {
        return snapshot.get();
    }

    @Override
    public FlattenPreview preview(FlattenTarget target) {
        List<PlannedOrder> orders = new ArrayList<>();
        for (StrategyView s : snapshot.get().strategies()) {
            if (target instanceof FlattenTarget.Strategy t && !t.strategyId().equals(s.id())) {
                continue;
            }
            s.legs().forEach(l -> orders.add(l.qty() == 0
                    ? new PlannedOrder(l.instrument(), s.id() + "/" + l.legId(), 0, null, Double.NaN, null, "", true,
                    "already flat: verify zero at venue")
                    : new PlannedOrder(l.instrument(), s.id() + "/" + l.legId(), l.qty(), Side.toReduce(l.qty()),
                    Math.abs(l.qty()), OrderType.LIMIT_IOC, "from mark 65,000", true, "")));
        }
        return new FlattenPreview(target, "p" + (++plans), orders, "IOC with growing pay-up, then market", List.of());
    }

    @Override
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        flattened.add(preview.target());
        return result(preview.target());
    }

    @Override
    public CompletableFuture<ActionReceipt> killAll() {
        flattened.add(new FlattenTarget.Global());
        return result(new FlattenTarget.Global());
    }

    private CompletableFuture<ActionReceipt> result(FlattenTarget target) {
        CompletableFuture<ActionReceipt> r = nextResult;
        return r != null ? r : CompletableFuture.completedFuture(new ActionReceipt(target, "Flatten", true, "",
                List.of(new VenueReceipt(TestSnapshots.A, 2, true, true, 120, List.of()))));
    }

    @Override
    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        cancelled.add(venue);
        return CompletableFuture.completedFuture(new ActionReceipt(new FlattenTarget.Venue(venue), "Cancel all", true,
                "", List.of(new VenueReceipt(venue, 1, true, null, -1, List.of()))));
    }

    @Override
    public AutoFlattenControl autoFlatten() {
        return new AutoFlattenControl() {
            @Override
            public boolean globalArmed() {
                return globalArmed;
            }

            @Override
            public void setGlobalArmed(boolean a) {
                globalArmed = a;
            }

            @Override
            public boolean armed(String strategyId) {
                return armed.getOrDefault(strategyId, false);
            }

            @Override
            public void setArmed(String strategyId, boolean a) {
                armed.put(strategyId, a);
            }

            @Override
            public Map<String, Long> countdowns() {
                return Map.copyOf(countdowns);
            }
        };
    }

    /** What {@link AutoFlattenControl#countdowns()} answers: ms until the policy fires, by strategy. */
    public final Map<String, Long> countdowns = new java.util.concurrent.ConcurrentHashMap<>();

    /** What {@link #deadManSwitches()} answers. */
    public final List<DeadManSwitches.State> deadMan = new CopyOnWriteArrayList<>();

    @Override
    public List<DeadManSwitches.State> deadManSwitches() {
        return List.copyOf(deadMan);
    }

    public final List<io.legwatch.app.AppAlarm> alarms = new CopyOnWriteArrayList<>();
    public final List<io.legwatch.journal.IncidentLog.Incident> incidents = new CopyOnWriteArrayList<>();

    @Override
    public List<io.legwatch.journal.IncidentLog.Incident> incidents() {
        return List.copyOf(incidents);
    }

    @Override
    public List<io.legwatch.app.AppAlarm> alarms() {
        return List.copyOf(alarms);
    }

    @Override
    public Optional<FaultControl> faults() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
