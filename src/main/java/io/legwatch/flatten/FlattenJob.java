package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One executed plan: a ladder per leg, all venues in parallel, then receipts, the journal's finish
 * record (fsynced) and only then the report to the engine. Two jobs never work the same
 * instrument at once: a leg waits for the previous job's leg on that instrument, then verifies.
 */
final class FlattenJob implements KillHandle {
    private static final Logger LOG = LoggerFactory.getLogger(FlattenJob.class);

    /** What a resumed leg carries over from the journal. */
    record Resume(int lastAttempt, OrderRequest inDoubt, int sends) {
    }

    private final FlattenContext ctx;
    private final FlattenPlan plan;
    private final String firedBy;
    private final boolean resumed;
    private final List<LegLadder> ladders = new ArrayList<>();
    private final CompletableFuture<KillResult> result = new CompletableFuture<>();
    private volatile boolean abandoned;
    private long startedMs;
    private long startedNanos;
    private long fsyncFailuresAtStart;

    FlattenJob(FlattenContext ctx, FlattenPlan plan, String firedBy, Map<Integer, Resume> resume) {
        this.ctx = ctx;
        this.plan = plan;
        this.firedBy = firedBy;
        this.resumed = !resume.isEmpty();
        for (PlanLeg leg : plan.legs()) {
            Resume r = resume.get(leg.index());
            ladders.add(new LegLadder(this, leg, ctx.venues().get(leg.instrument().venue()),
                    r == null ? 0 : r.lastAttempt(), r == null ? null : r.inDoubt(), r == null ? 0 : r.sends()));
        }
    }

    /** Starts every leg; returns at once. */
    void start(boolean journalAsResumed) {
        startedMs = ctx.time().millis();
        startedNanos = ctx.time().nanos();
        fsyncFailuresAtStart = ctx.journal().fsyncFailures();
        ctx.journal().started(plan, firedBy, journalAsResumed || resumed);
        ctx.halt().halt(plan, firedBy, startedMs);
        ctx.executor().execute(() -> ctx.journal().force(plan.flattenId()));
        if (plan.mode() == KillMode.FLATTEN) {
            plan.strategyIds().forEach(ctx.listener()::flattenStarted);
        }
        List<CompletableFuture<LegOutcome>> all = new ArrayList<>();
        for (LegLadder ladder : ladders) {
            InstrumentKey key = ladder.leg().instrument();
            CompletableFuture<?> previous = ctx.busy().put(key, ladder.done());
            if (previous == null || previous.isDone()) {
                ctx.executor().execute(ladder::start);
            } else {
                previous.whenCompleteAsync((r, e) -> ladder.start(), ctx.executor());
            }
            ladder.done().whenComplete((r, e) -> ctx.busy().remove(key, ladder.done()));
            all.add(ladder.done());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .whenCompleteAsync((v, e) -> complete(), ctx.executor());
    }

    private void complete() {
        try {
            List<LegOutcome> outcomes = ladders.stream().map(l -> l.done().join()).toList();
            List<KillReceipt> receipts = receipts(outcomes);
            KillResult.Outcome outcome = outcome(outcomes);
            String detail = detail(outcome, outcomes, receipts);
            KillResult r = new KillResult(plan, firedBy, outcome, receipts, startedMs, ctx.time().millis(), detail,
                    ctx.journal().failure(plan.flattenId(), fsyncFailuresAtStart));
            ctx.journal().finished(r); // fsynced before anyone is told
            // A journal failure never stops a flatten, but the result must not claim it was recorded.
            r = r.withJournalFailure(ctx.journal().failure(plan.flattenId(), fsyncFailuresAtStart));
            ctx.journal().forget(plan.flattenId());
            // Result listeners (incident log) first: the engine may close the incident as soon as it hears.
            for (var l : ctx.resultListeners()) {
                try {
                    l.accept(r);
                } catch (RuntimeException e) {
                    LOG.error("kill result listener failed", e);
                }
            }
            if (plan.mode() == KillMode.FLATTEN) {
                for (String s : plan.strategyIds()) {
                    List<LegOutcome> mine = outcomes.stream().filter(o -> s.equals(o.leg().strategyId())).toList();
                    boolean flat = mine.stream().allMatch(o -> o.phase() == LegPhase.FLAT);
                    ctx.listener().flattenFinished(s, flat, flat ? detail : failures(mine));
                }
            }
            if (outcome == KillResult.Outcome.FAILED) {
                alarm(FlattenAlarm.Kind.FLATTEN_FAILED, plan.mode() + " " + plan.scope().label() + " failed: "
                        + failures(outcomes));
            }
            LOG.info("kill {} {} {} by {}: {}", plan.flattenId(), plan.mode(), plan.scope().label(), firedBy, detail);
            result.complete(r);
        } catch (RuntimeException e) {
            LOG.error("kill {} could not be completed", plan.flattenId(), e);
            result.complete(new KillResult(plan, firedBy, KillResult.Outcome.FAILED, List.of(), startedMs,
                    ctx.time().millis(), "internal error: " + e));
        }
    }

    private KillResult.Outcome outcome(List<LegOutcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.phase() == LegPhase.FAILED)) {
            return KillResult.Outcome.FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.phase() == LegPhase.ABANDONED)) {
            return KillResult.Outcome.ABANDONED;
        }
        return switch (plan.mode()) {
            case HALT -> KillResult.Outcome.HALTED;
            case CANCEL -> KillResult.Outcome.CANCELLED;
            case FLATTEN -> KillResult.Outcome.VERIFIED_FLAT;
        };
    }

    private String detail(KillResult.Outcome outcome, List<LegOutcome> outcomes, List<KillReceipt> receipts) {
        if (outcome == KillResult.Outcome.FAILED || outcome == KillResult.Outcome.ABANDONED) {
            return failures(outcomes);
        }
        double worst = receipts.stream().mapToDouble(KillReceipt::timeToFlatMs).filter(d -> !Double.isNaN(d))
                .max().orElse(0);
        return switch (plan.mode()) {
            case HALT -> "halted " + plan.scope().label();
            case CANCEL -> String.format(Locale.ROOT, "no open orders on %d instrument(s), %d venue(s), %.1f ms",
                    outcomes.size(), receipts.size(), worst);
            case FLATTEN -> String.format(Locale.ROOT, "verified flat: %d instrument(s) on %d venue(s) in %.1f ms",
                    outcomes.size(), receipts.size(), worst);
        };
    }

    private static String failures(List<LegOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (LegOutcome o : outcomes) {
            if (o.phase() == LegPhase.FAILED || o.phase() == LegPhase.ABANDONED) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(o.leg().instrument()).append(": ").append(o.detail());
            }
        }
        return sb.length() == 0 ? "ok" : sb.toString();
    }

    List<KillReceipt> receipts(List<LegOutcome> outcomes) {
        Map<VenueId, List<LegOutcome>> byVenue = new TreeMap<>();
        outcomes.forEach(o -> byVenue.computeIfAbsent(o.leg().instrument().venue(), v -> new ArrayList<>()).add(o));
        List<KillReceipt> out = new ArrayList<>();
        byVenue.forEach((venue, legs) -> out.add(receipt(venue, legs, false)));
        return out;
    }

    private KillReceipt receipt(VenueId venue, List<LegOutcome> legs, boolean pending) {
        int cancelled = legs.stream().mapToInt(LegOutcome::ordersCancelled).sum();
        Boolean openZero = allTrue(legs.stream().map(LegOutcome::openOrdersZero).toList());
        Boolean posZero = plan.mode() == KillMode.FLATTEN
                ? allTrue(legs.stream().map(LegOutcome::positionZero).toList()) : null;
        boolean verified = legs.stream().allMatch(o -> o.doneAtNanos() != 0);
        double ttf = verified && plan.mode() != KillMode.HALT
                ? legs.stream().mapToLong(LegOutcome::doneAtNanos).max().orElse(startedNanos) / 1e6
                - startedNanos / 1e6 : Double.NaN;
        List<String> stillOpen = new ArrayList<>();
        for (LegOutcome o : legs) {
            if (o.doneAtNanos() == 0 && o.phase() != LegPhase.HALTED) {
                stillOpen.add(o.leg().instrument().symbol() + " " + o.phase() + " (venue qty "
                        + LegLadder.fmt(o.finalVenueQty()) + "): " + o.detail());
            }
        }
        return new KillReceipt(venue, cancelled, openZero, posZero, ttf, pending, stillOpen, legs);
    }

    /** true if every value is true, false if any is false, null if any is unknown and none false. */
    private static Boolean allTrue(List<Boolean> values) {
        if (values.stream().anyMatch(Boolean.FALSE::equals)) {
            return false;
        }
        return values.stream().anyMatch(v -> v == null) ? null : true;
    }

    // ---- KillHandle ----

    @Override
    public FlattenPlan plan() {
        return plan;
    }

    @Override
    public String firedBy() {
        return firedBy;
    }

    @Override
    public CompletableFuture<KillResult> result() {
        return result;
    }

    @Override
    public KillProgress progress() {
        List<LegProgress> legs = ladders.stream().map(LegLadder::progress).toList();
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return new KillProgress(plan.flattenId(), legs, result.join().receipts(), true);
        }
        // Receipts so far: finished legs as they ended, the rest as in flight.
        Map<VenueId, List<LegOutcome>> byVenue = new TreeMap<>();
        Map<VenueId, Boolean> pending = new TreeMap<>();
        for (LegLadder l : ladders) {
            VenueId v = l.leg().instrument().venue();
            LegProgress p = l.progress();
            LegOutcome o = l.done().getNow(null);
            if (o == null) {
                o = new LegOutcome(l.leg(), p.phase(), 0, Double.NaN, p.venueQty(), null, null, List.of(), p.detail(), 0);
            }
            byVenue.computeIfAbsent(v, k -> new ArrayList<>()).add(o);
            pending.merge(v, p.phase() == LegPhase.WAITING_FOR_VENUE, Boolean::logicalOr);
        }
        List<KillReceipt> receipts = new ArrayList<>();
        byVenue.forEach((v, legsOf) -> receipts.add(receipt(v, legsOf, pending.get(v))));
        return new KillProgress(plan.flattenId(), legs, receipts, false);
    }

    @Override
    public void abandon(String by) {
        if (!result.isDone()) {
            abandoned = true;
            ctx.executor().execute(() -> ctx.journal().action("abandon", plan.scope(), by,
                    "flatten " + plan.flattenId() + " abandoned"));
        }
    }

    // ---- for the ladders ----

    String flattenId() {
        return plan.flattenId();
    }

    FlattenSettings settings() {
        return ctx.settings();
    }

    Executor executor() {
        return ctx.executor();
    }

    FlattenJournal journal() {
        return ctx.journal();
    }

    TimeSource time() {
        return ctx.time();
    }

    TradingHalt halt() {
        return ctx.halt();
    }

    boolean abandoned() {
        return abandoned;
    }

    void alarm(FlattenAlarm.Kind kind, String message) {
        try {
            ctx.alarms().alarm(new FlattenAlarm(ctx.time().millis(), plan.flattenId(), kind, message));
        } catch (RuntimeException e) {
            LOG.error("alarm listener failed for {}", message, e);
        }
    }

}
