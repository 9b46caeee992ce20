package io.legwatch.journal;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Journals every status transition (fsynced, one fsync per burst of transitions) and keeps one
 * incident per leg failure: when the
 * strategy went naked, its peak |net USD|, how long it stayed naked, what fired the flatten, the
 * receipts and the time to flat. Fed by the engine's transitions and the kill switch's results;
 * both calls return at once (journal I/O runs on this log's own thread, never the engine's).
 */
public final class IncidentLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentLog.class);
    private static final int KEEP = 200;

    /**
     * One leg failure.
     *
     * @param endedAtMs   0 while open
     * @param firedBy     who or what fired the flatten(s), empty when none
     * @param receipts    receipt lines of the flatten(s), one per venue
     * @param timeToFlatMs from the kill to verified flat, NaN when never verified
     * @param endStatus   the status that closed it (HEDGED, FLAT), null while open
     */
    public record Incident(String strategyId, long nakedSinceMs, long endedAtMs, double peakUsd, double secondsNaked,
                           List<String> firedBy, List<String> flattenIds, List<String> receipts, double timeToFlatMs,
                           HedgeStatus endStatus, String lastReason) {
        public Incident {
            firedBy = List.copyOf(firedBy);
            flattenIds = List.copyOf(flattenIds);
            receipts = List.copyOf(receipts);
        }

        public boolean open() {
            return endedAtMs == 0;
        }
    }

    private static final class Open {
        final String strategyId;
        final long since;
        double peak;
        final List<String> firedBy = new ArrayList<>();
        final List<String> flattenIds = new ArrayList<>();
        final List<String> receipts = new ArrayList<>();
        double timeToFlatMs = Double.NaN;
        String reason = "";

        Open(String strategyId, long since) {
            this.strategyId = strategyId;
            this.since = since;
        }

        Incident view(long endedAt, HedgeStatus end, long nowMs) {
            long to = endedAt == 0 ? nowMs : endedAt;
            return new Incident(strategyId, since, endedAt, peak, (to - since) / 1000.0, firedBy, flattenIds, receipts,
                    timeToFlatMs, end, reason);
        }
    }

    private final Journal journal;
    private final TimeSource time;
    private final ExecutorService io;
    /** Records handed to {@link #io} and not yet written: the last of a burst forces them all. */
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<String, Open> open = new HashMap<>();
    private final Deque<Incident> closed = new ArrayDeque<>();

    public IncidentLog(Journal journal, TimeSource time) {
        this.journal = journal;
        this.time = time;
        this.io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "legwatch-incidents");
            t.setDaemon(true);
            return t;
        });
    }

    /** One engine status transition. Opens an incident on entering NAKED/FLATTEN_FAILED, closes it on HEDGED/FLAT. */
    public void onTransition(String strategyId, HedgeStatus from, HedgeStatus to, long atMs, double netUsd,
                             String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("strategyId", strategyId);
        f.put("from", from == null ? null : from.name());
        f.put("to", to.name());
        f.put("atMs", atMs);
        f.put("netUsd", netUsd);
        f.put("reason", reason);
        Incident finished = null;
        synchronized (this) {
            Open o = open.get(strategyId);
            if (o == null && (to == HedgeStatus.NAKED || to == HedgeStatus.FLATTEN_FAILED)) {
                o = new Open(strategyId, atMs);
                open.put(strategyId, o);
            }
            if (o != null) {
                if (!Double.isNaN(netUsd)) {
                    o.peak = Math.max(o.peak, Math.abs(netUsd));
                }
                o.reason = reason == null ? "" : reason;
                if (to == HedgeStatus.HEDGED || to == HedgeStatus.FLAT) {
                    open.remove(strategyId);
                    finished = o.view(atMs, to, atMs);
                    closed.addFirst(finished);
                    while (closed.size() > KEEP) {
                        closed.pollLast();
                    }
                }
            }
        }
        Incident done = finished;
        pending.incrementAndGet();
        try {
            io.execute(() -> {
                write("transition", f);
                if (done != null) {
                    write("incident", incidentFields(done));
                }
                // Group commit: one fsync covers every record written before it, so under a burst of
                // transitions the thread forces once per burst instead of once per line and never
                // falls behind the engine.
                if (pending.decrementAndGet() == 0) {
                    force();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.warn("incident log closed: transition of {} to {} not journaled", strategyId, to);
        }
    }

    /** Exposure while naked (from snapshots) so the peak is right between transitions. */
    public synchronized void onExposure(String strategyId, double netUsd) {
        Open o = open.get(strategyId);
        if (o != null && !Double.isNaN(netUsd)) {
            o.peak = Math.max(o.peak, Math.abs(netUsd));
        }
    }

    /** A finished flatten touching the strategy. */
    public synchronized void onFlattenFinished(String strategyId, String flattenId, String firedBy, boolean verified,
                                               double timeToFlatMs, List<String> receiptLines) {
        Open o = open.get(strategyId);
        if (o == null) {
            return;
        }
        o.firedBy.add(firedBy);
        o.flattenIds.add(flattenId);
        o.receipts.addAll(receiptLines);
        if (verified) {
            o.timeToFlatMs = timeToFlatMs;
        }
    }

    public synchronized List<Incident> openIncidents() {
        long now = time.millis();
        return open.values().stream().map(o -> o.view(0, null, now)).toList();
    }

    /** Closed incidents, newest first. */
    public synchronized List<Incident> recent() {
        return List.copyOf(closed);
    }

    private static Map<String, Object> incidentFields(Incident i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("strategyId", i.strategyId());
        f.put("nakedSinceMs", i.nakedSinceMs());
        f.put("endedAtMs", i.endedAtMs());
        f.put("peakUsd", i.peakUsd());
        f.put("secondsNaked", i.secondsNaked());
        f.put("firedBy", i.firedBy());
        f.put("flattenIds", i.flattenIds());
        f.put("receipts", i.receipts());
        f.put("timeToFlatMs", i.timeToFlatMs());
        f.put("endStatus", i.endStatus() == null ? null : i.endStatus().name());
        return f;
    }

    private void write(String type, Map<String, Object> f) {
        try {
            journal.append(type, f);
        } catch (RuntimeException e) {
            LOG.error("journal write failed for {}", type, e);
        }
    }

    private void force() {
        try {
            journal.force();
        } catch (RuntimeException e) {
            LOG.error("journal fsync failed for incident records", e);
        }
    }

    /** Waits for pending journal writes, then stops the I/O thread. */
    @Override
    public void close() {
        io.shutdown();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                // Never write into a journal that is about to close under us: say what is left instead.
                int left = io.shutdownNow().size();
                LOG.error("incident log: {} status transition record(s) not journaled at close (the disk is too slow)",
                        left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
