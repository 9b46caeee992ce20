package io.legwatch.bench;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.StatusTransition;
import io.legwatch.engine.TransitionListener;
import io.legwatch.ui.MainWindow;
import io.legwatch.ui.SnapshotPump;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.scene.control.IndexedCell;
import javafx.geometry.Bounds;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The FX-side instruments of {@link FxLoadHarness}, on top of what {@code PipelineLatency} records:
 * <ul>
 *   <li>pulse gaps: an AnimationTimer of its own sees the same {@code now} as the pump's; a gap above
 *       1.5 frame periods is a skipped pulse, counted separately when the pulse before it spent more than
 *       {@link #LONG_PULSE_NANOS} in our code (the pump's timer to after CSS and layout);</li>
 *   <li>the pump's split of each pulse: views (snapshot diff, row updates) vs CSS + layout;</li>
 *   <li>NAKED -> red: each NAKED the engine publishes (transition listener, engine thread, right after the
 *       publish) is followed on every post-layout pulse until the model row says NAKED and until a
 *       <em>rendered</em> row for that strategy in the pinned "Needs attention" table (always in view, above
 *       the big table) carries {@code :naked} with a red background: a row cell of the pinned table's
 *       VirtualFlow, the table shown, the row inside the flow's visible area. The big table keeps its rows in
 *       configuration order, so a naked strategy there is usually scrolled out of view and not counted.</li>
 *   <li>cycles with attention changes: the pinned table's rows came, went or reordered in the cycle; and
 *       how often the big table's top-level rows changed (they should not, under load: no strategy comes or goes).</li>
 * </ul>
 * Everything except {@link #onTransition} runs on the FX thread; the probe's own post-layout work runs
 * after the pump has stamped the pulse, so it is not counted as our FX time.
 */
final class FxLoadProbe implements TransitionListener {
    static final long FRAME_NANOS = 1_000_000_000L / 60;
    static final long LONG_PULSE_NANOS = 8_000_000L;
    private static final PseudoClass NAKED = PseudoClass.getPseudoClass("naked");

    private final MainWindow window;
    private final SnapshotPump pump;
    private final ConcurrentLinkedQueue<NakedPublished> published = new ConcurrentLinkedQueue<>();
    private final List<Watch> watching = new ArrayList<>();
    private final AnimationTimer gaps = new AnimationTimer() {
        @Override
        public void handle(long now) {
            onPulse(now);
        }
    };
    private VirtualFlow<?> flow;
    private volatile boolean measuring;

    // FX thread only
    private long lastNow;
    final Histogram gapNanos = new Histogram(1, 60_000_000_000L, 2);
    final Histogram viewsNanos = new Histogram(1, 60_000_000_000L, 2);
    final Histogram cssLayoutNanos = new Histogram(1, 60_000_000_000L, 2);
    /** FX thread CPU time from one post-layout point to the next: a whole pulse cycle, immune to waiting for a CPU. */
    final Histogram cpuPerCycleNanos = new Histogram(1, 60_000_000_000L, 2);
    /** The same, split: cycles in which the pinned table's rows changed (came, went, reordered) and the others. */
    final Histogram cpuAttentionNanos = new Histogram(1, 60_000_000_000L, 2);
    final Histogram cpuSteadyNanos = new Histogram(1, 60_000_000_000L, 2);
    private boolean attentionChanged;
    /** Changes of the big table's top-level rows while measuring (a status must never move them). */
    long bigTableMoves;
    /** Layout passes the tables had to rescue (PositionTable#rescueLayout) while measuring. */
    long bigLayoutRescues;
    long pinnedLayoutRescues;
    private long[] rescuesAtStart = {0, 0};
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long lastCpu = -1;
    long pulses;
    long skippedGaps;
    long skippedPulses;
    long skippedGapsAfterLongPulse;
    /** Gaps in which the FX thread itself used more than 8 ms of CPU (timer to timer): our work, not the scheduler. */
    long skippedGapsWithBusyThread;
    private long lastTimerCpu = -1;
    long longPulses;
    final List<RedSeen> reds = new ArrayList<>();
    long nakedLeftBeforeRed;
    /** Frames after the model row said NAKED without a red row in the pinned table's view, by reason. */
    long lateFramesNotListed;
    long lateFramesOutOfView;
    long lateFramesNotStyled;
    long redButNotRedPixels;

    FxLoadProbe(MainWindow window) {
        this.window = window;
        this.pump = window.pump();
    }

    /** Engine thread: NAKED just published. */
    @Override
    public void onTransition(StatusTransition t) {
        if (t.to() == HedgeStatus.NAKED && measuring) {
            published.add(new NakedPublished(t.strategyId(), System.nanoTime(), System.currentTimeMillis()));
        }
    }

    void start() {
        window.model().attentionRoot().getChildren()
                .addListener((javafx.collections.ListChangeListener<Object>) c -> attentionChanged = true);
        window.model().root().getChildren().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (measuring) {
                bigTableMoves++;
            }
        });
        gaps.start();
    }

    void stop() {
        gaps.stop();
    }

    /** Starts counting (after the warm-up); FX thread. */
    void measure(boolean on) {
        long big = window.table().layoutRescues();
        long pinned = window.attention().table().layoutRescues();
        if (on) {
            rescuesAtStart = new long[] {big, pinned};
        } else {
            bigLayoutRescues = big - rescuesAtStart[0];
            pinnedLayoutRescues = pinned - rescuesAtStart[1];
        }
        measuring = on;
        lastNow = 0;
        lastCpu = -1;
        lastTimerCpu = -1;
    }

    private void onPulse(long now) {
        if (!measuring) {
            return;
        }
        if (lastNow != 0) {
            long gap = now - lastNow;
            gapNanos.recordValue(Math.max(1, gap));
            if (gap > FRAME_NANOS * 3 / 2) {
                skippedGaps++;
                skippedPulses += Math.max(1, Math.round((double) gap / FRAME_NANOS) - 1);
                if (pump.lastPulseNanos() > LONG_PULSE_NANOS) {
                    skippedGapsAfterLongPulse++;
                }
                if (lastTimerCpu >= 0 && threads.getCurrentThreadCpuTime() - lastTimerCpu > LONG_PULSE_NANOS) {
                    skippedGapsWithBusyThread++;
                }
            }
        }
        lastNow = now;
        lastTimerCpu = threads.getCurrentThreadCpuTime();
    }

    /** Post-layout pulse listener, registered after the pump's. */
    void afterLayout() {
        if (!measuring) {
            return;
        }
        pulses++;
        long cpu = threads.getCurrentThreadCpuTime();
        if (lastCpu >= 0) {
            cpuPerCycleNanos.recordValue(Math.max(1, cpu - lastCpu));
            (attentionChanged ? cpuAttentionNanos : cpuSteadyNanos).recordValue(Math.max(1, cpu - lastCpu));
        }
        attentionChanged = false;
        lastCpu = cpu;
        long pulse = pump.lastPulseNanos();
        if (pulse >= 0) {
            long views = pump.lastApplyNanos();
            viewsNanos.recordValue(Math.max(1, views));
            cssLayoutNanos.recordValue(Math.max(1, pulse - views));
            if (pulse > LONG_PULSE_NANOS) {
                longPulses++;
            }
        }
        for (NakedPublished p; (p = published.poll()) != null; ) {
            watching.add(new Watch(p));
        }
        if (watching.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        for (Iterator<Watch> it = watching.iterator(); it.hasNext(); ) {
            Watch w = it.next();
            PositionRow model = window.model().strategyItem(w.published.strategyId()).map(i -> i.getValue()).orElse(null);
            if (w.tableNanos == 0 && model != null && model.status() == HedgeStatus.NAKED) {
                w.tableNanos = now;
            }
            TreeTableRow<?> row = renderedRow(w.published.strategyId());
            if (row != null && row.getPseudoClassStates().contains(NAKED)) {
                if (!isRed(row)) {
                    redButNotRedPixels++;
                }
                reds.add(new RedSeen(w.published, w.tableNanos, now, nowMs));
                it.remove();
            } else if (w.tableNanos != 0 && model != null && model.status() != HedgeStatus.NAKED) {
                nakedLeftBeforeRed++; // NAKED came and went without a rendered red row
                it.remove();
            } else if (w.tableNanos != 0) {
                // The model says NAKED and no red row is on screen in this frame: say why.
                boolean listed = window.model().attentionRoot().getChildren().stream()
                        .anyMatch(i -> w.published.strategyId().equals(i.getValue().strategyId()));
                if (!listed) {
                    lateFramesNotListed++;
                } else if (row == null) {
                    lateFramesOutOfView++;
                } else {
                    lateFramesNotStyled++;
                }
            }
        }
    }

    /** Strategies NAKED but not (yet) shown red when the run ended. */
    int stillWaiting() {
        return watching.size();
    }

    /** The strategy's row as rendered in the pinned table's viewport, or null. */
    private TreeTableRow<?> renderedRow(String strategyId) {
        TreeTableView<?> pinned = window.attention().table().view();
        if (!pinned.isVisible() || pinned.getHeight() <= 0 || pinned.getScene() == null) {
            return null;
        }
        if (flow == null) {
            // The pinned table is skinned once it is first shown.
            flow = (VirtualFlow<?>) pinned.lookup(".virtual-flow");
            if (flow == null) {
                return null;
            }
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return null;
        }
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (cell instanceof TreeTableRow<?> row && !row.isEmpty() && row.getItem() instanceof PositionRow r
                    && r.kind() == RowKind.STRATEGY && strategyId.equals(r.strategyId()) && inViewport(row)) {
                return row;
            }
        }
        return null;
    }

    /** Some of the row is inside the flow's visible area (not only laid out in the flow's spare cells). */
    private boolean inViewport(TreeTableRow<?> row) {
        if (!row.isVisible()) {
            return false;
        }
        Bounds viewport = flow.localToScene(flow.getLayoutBounds());
        Bounds shown = row.localToScene(row.getLayoutBounds());
        return shown.getHeight() > 0 && shown.getMaxY() > viewport.getMinY() + 1 && shown.getMinY() < viewport.getMaxY() - 1;
    }

    private static boolean isRed(TreeTableRow<?> row) {
        Background bg = row.getBackground();
        if (bg == null || bg.getFills().isEmpty()) {
            return false;
        }
        for (var fill : bg.getFills()) {
            Paint p = fill.getFill();
            if (p instanceof Color c && c.getRed() > 2 * c.getGreen() && c.getRed() > 2 * c.getBlue()
                    && c.getRed() > 0.2) {
                return true;
            }
        }
        return false;
    }

    record NakedPublished(String strategyId, long nanos, long epochMs) {
    }

    /** One NAKED shown red: publish, the model row NAKED (0 if not seen first), the red frame. */
    record RedSeen(NakedPublished published, long tableNanos, long redNanos, long redEpochMs) {
    }

    private static final class Watch {
        final NakedPublished published;
        long tableNanos;

        Watch(NakedPublished published) {
            this.published = published;
        }
    }
}
