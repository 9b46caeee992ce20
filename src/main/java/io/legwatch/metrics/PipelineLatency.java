package io.legwatch.metrics;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueEvent;
import io.legwatch.engine.AppliedEventListener;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.SnapshotListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Follows venue messages from the moment their bytes arrived ({@link VenueEvent#recvNanos()}) to the
 * screen, into HdrHistograms per {@link LatencyStage}. No JavaFX: the UI calls the FX-side methods.
 *
 * <p>Who calls what (all times are {@link System#nanoTime()} nanoseconds, like {@code recvNanos}):
 * <ul>
 *   <li>Connector side, any thread: {@link #onParsed} as the event is handed to the engine
 *       (e.g. wrap the engine's sink).</li>
 *   <li>Engine side, engine thread: {@link #attach(HedgeMonitor)} registers an applied-event and a
 *       snapshot listener (per message: applied, published).</li>
 *   <li>FX side, FX thread, each pulse: {@link #onSnapshotApplied} after the table took a new snapshot,
 *       {@link #onRendered} from a pulse listener that runs after CSS and layout, {@link #onPulse} with
 *       the FX time the pulse took. All three are allocation-free and wait-free.</li>
 *   <li>Readers (status bar once a second, a harness at the end): {@link #roll}, {@link #report},
 *       {@link #rollingP99VenueToScreenNanos}, {@link #dataAgeNanos}, {@link #statusLine}.</li>
 * </ul>
 * The rolling window is the last {@code windowIntervals} calls of {@link #roll} (the status bar rolls
 * once a second, so by default the last 5 seconds).
 */
public final class PipelineLatency implements AppliedEventListener, SnapshotListener {
    /** Publish stamps kept for the FX side to find a snapshot's publish time by version. */
    private static final int PUBLISH_RING = 1024;
    private static final int MAX_PENDING = 1 << 16;

    private final Map<LatencyStage, StageRecorder> stages = new EnumMap<>(LatencyStage.class);
    private final TimeSource time;

    // engine thread only
    private long[] pendingRecv = new long[1024];
    private long[] pendingApplied = new long[1024];
    private int pending;
    private long droppedPending;

    // engine -> FX hand-off
    private final AtomicLongArray publishNanos = new AtomicLongArray(PUBLISH_RING);
    private volatile long publishedVersion;
    /** Receive stamp of the oldest message published but not yet taken by the table; 0 when none. */
    private final AtomicLong oldestUnshownRecv = new AtomicLong();

    // FX thread only
    private long shownVersion = -1;
    private long tableAppliedNanos;
    private long frameOldestRecv;
    private boolean frameHasNewData;
    private volatile long shownNewestRecv;
    private long publishStampMisses;

    /** Engine-side stamps from {@link System#nanoTime()}, a rolling window of 5 intervals. */
    public PipelineLatency() {
        this(TimeSource.SYSTEM, 5);
    }

    /**
     * @param time            where the engine-side stamps come from ({@link TimeSource#nanos()}; the same
     *                        clock as {@code VenueEvent.recvNanos()} and the FX side's {@code nowNanos})
     * @param windowIntervals how many {@link #roll} intervals the rolling figures cover
     */
    public PipelineLatency(TimeSource time, int windowIntervals) {
        this.time = java.util.Objects.requireNonNull(time, "time");
        if (windowIntervals < 1) {
            throw new IllegalArgumentException("window must hold at least one interval");
        }
        for (LatencyStage stage : LatencyStage.values()) {
            stages.put(stage, new StageRecorder(stage == LatencyStage.VENUE_TO_PARSED, windowIntervals));
        }
    }

    /** Registers this recorder on the engine (applied events and published snapshots). */
    public PipelineLatency attach(HedgeMonitor monitor) {
        monitor.addAppliedEventListener(this);
        monitor.addSnapshotListener(this);
        return this;
    }

    public void detach(HedgeMonitor monitor) {
        monitor.removeAppliedEventListener(this);
        monitor.removeSnapshotListener(this);
    }

    // ---- connector side ---------------------------------------------------------------------------

    /** The event was parsed and is being handed to the engine now; any thread. */
    public void onParsed(VenueEvent event, long nowNanos) {
        long recv = event.recvNanos();
        if (recv != 0) {
            stages.get(LatencyStage.VENUE_TO_PARSED).record(nowNanos - recv);
        }
    }

    // ---- engine side (engine thread) ------------------------------------------------------------

    @Override
    public void onApplied(VenueEvent event) {
        long recv = event.recvNanos();
        if (recv == 0) {
            return;
        }
        long now = time.nanos();
        stages.get(LatencyStage.VENUE_TO_APPLIED).record(now - recv);
        if (pending == pendingRecv.length) {
            if (pending >= MAX_PENDING) {
                droppedPending++; // applied but never published (synchronous use without publish): bounded
                return;
            }
            pendingRecv = Arrays.copyOf(pendingRecv, pending * 2);
            pendingApplied = Arrays.copyOf(pendingApplied, pending * 2);
        }
        pendingRecv[pending] = recv;
        pendingApplied[pending] = now;
        pending++;
    }

    @Override
    public void onSnapshot(MonitorSnapshot snapshot) {
        long now = time.nanos();
        StageRecorder applied = stages.get(LatencyStage.APPLIED_TO_PUBLISHED);
        StageRecorder whole = stages.get(LatencyStage.VENUE_TO_PUBLISHED);
        long oldest = 0;
        for (int i = 0; i < pending; i++) {
            applied.record(now - pendingApplied[i]);
            whole.record(now - pendingRecv[i]);
            if (oldest == 0 || pendingRecv[i] - oldest < 0) {
                oldest = pendingRecv[i];
            }
        }
        pending = 0;
        if (oldest != 0) {
            oldestUnshownRecv.compareAndSet(0, oldest);
        }
        publishNanos.set((int) (snapshot.version() & (PUBLISH_RING - 1)), now);
        publishedVersion = snapshot.version();
    }

    // ---- FX side (FX thread) --------------------------------------------------------------------

    /**
     * The table has just applied {@code snapshot} on this pulse. Call once per pulse with the snapshot
     * the table now shows (calling again with the same version records nothing).
     */
    public void onSnapshotApplied(MonitorSnapshot snapshot, long nowNanos) {
        long version = snapshot.version();
        if (version == shownVersion) {
            return;
        }
        shownVersion = version;
        long published = publishedVersion;
        if (published >= version && published - version < PUBLISH_RING) {
            stages.get(LatencyStage.PUBLISHED_TO_TABLE)
                    .record(nowNanos - publishNanos.get((int) (version & (PUBLISH_RING - 1))));
        } else {
            publishStampMisses++; // the engine's listener has not stamped it yet, or it is too old
        }
        long oldest = oldestUnshownRecv.getAndSet(0);
        if (oldest != 0 || snapshot.lastEventRecvNanos() != 0) {
            // Conservative: a message published after this snapshot may be counted as shown now.
            long first = oldest != 0 ? oldest : snapshot.lastEventRecvNanos();
            frameOldestRecv = frameHasNewData && frameOldestRecv - first < 0 ? frameOldestRecv : first;
            frameHasNewData = true;
        }
        tableAppliedNanos = nowNanos;
        shownNewestRecv = snapshot.lastEventRecvNanos();
    }

    /** The frame was rendered (call from a pulse listener that runs after CSS and layout). */
    public void onRendered(long nowNanos) {
        if (!frameHasNewData) {
            return;
        }
        frameHasNewData = false;
        stages.get(LatencyStage.TABLE_TO_RENDERED).record(nowNanos - tableAppliedNanos);
        stages.get(LatencyStage.VENUE_TO_SCREEN).record(nowNanos - frameOldestRecv);
    }

    /** FX time one pulse took. */
    public void onPulse(long durationNanos) {
        stages.get(LatencyStage.FX_PULSE).record(durationNanos);
    }

    // ---- readers --------------------------------------------------------------------------------

    /** Closes the current interval of every stage (call periodically, e.g. once a second). */
    public void roll() {
        for (StageRecorder recorder : stages.values()) {
            recorder.roll();
        }
    }

    /** Everything recorded until the last {@link #roll}, per stage. */
    public List<StageSummary> report() {
        List<StageSummary> out = new ArrayList<>();
        stages.forEach((stage, recorder) -> out.add(recorder.total(stage)));
        return out;
    }

    /** The rolling window, per stage. */
    public List<StageSummary> rollingReport() {
        List<StageSummary> out = new ArrayList<>();
        stages.forEach((stage, recorder) -> out.add(recorder.window(stage)));
        return out;
    }

    public StageSummary total(LatencyStage stage) {
        return stages.get(stage).total(stage);
    }

    /** One stage over the rolling window. */
    public StageSummary rolling(LatencyStage stage) {
        return stages.get(stage).window(stage);
    }

    /** p99 venue -> screen over the rolling window, or -1 when nothing was rendered in it. */
    public long rollingP99VenueToScreenNanos() {
        return stages.get(LatencyStage.VENUE_TO_SCREEN).windowP99();
    }

    /** How old the newest message on screen is: now minus its receive stamp; -1 before anything was shown. */
    public long dataAgeNanos(long nowNanos) {
        long newest = shownNewestRecv;
        return newest == 0 ? -1 : nowNanos - newest;
    }

    /** For the status bar: {@code "venue->screen p99 4.2 ms · data age 18 ms"}. */
    public String statusLine(long nowNanos) {
        long p99 = rollingP99VenueToScreenNanos();
        long age = dataAgeNanos(nowNanos);
        return String.format(Locale.ROOT, "venue→screen p99 %s · data age %s",
                p99 < 0 ? "–" : millis(p99), age < 0 ? "–" : millis(age));
    }

    private static String millis(long nanos) {
        double ms = nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** Snapshots the table took before the engine's listener had stamped their publish time (not measured). */
    public long publishStampMisses() {
        return publishStampMisses;
    }

    /** Applied events that never made it into a stamped publish because the buffer was full. */
    public long droppedPending() {
        return droppedPending;
    }

    /** Forgets everything recorded (e.g. after a warm-up). Not while writers are recording. */
    public void reset() {
        for (StageRecorder recorder : stages.values()) {
            recorder.reset();
        }
    }
}
