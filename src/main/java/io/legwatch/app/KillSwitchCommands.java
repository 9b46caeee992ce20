package io.legwatch.app;

import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.KillMode;
import io.legwatch.flatten.KillReceipt;
import io.legwatch.flatten.KillResult;
import io.legwatch.flatten.KillScope;
import io.legwatch.flatten.KillSwitch;
import io.legwatch.flatten.PlanLeg;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The UI's flatten commands on top of the {@link KillSwitch}: previews are the kill switch's own
 * {@link FlattenPlan}s (kept until confirmed, so the confirmed plan is exactly the one shown), and
 * results are its per-venue {@link KillReceipt}s. {@code beforeExecute} is told the strategies a plan
 * touches just before it runs (demo mode halts its trader there). Used by every mode through
 * {@code app.live.FlattenWiring}.
 */
public final class KillSwitchCommands {
    /** Previews opened and never confirmed are forgotten beyond this many. */
    private static final int PREVIEWS_KEPT = 32;
    /** Who fired a manual action, in the journal. */
    private static final String USER = "user";
    private final KillSwitch killSwitch;
    private final Consumer<FlattenPlan> beforeExecute;
    private final Map<String, Pending> pending = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > PREVIEWS_KEPT;
        }
    };

    private record Pending(FlattenTarget target, FlattenPlan plan) {
    }

    public KillSwitchCommands(KillSwitch killSwitch, Consumer<FlattenPlan> beforeExecute) {
        this.killSwitch = killSwitch;
        this.beforeExecute = beforeExecute;
    }

    static KillScope scope(FlattenTarget target) {
        if (target instanceof FlattenTarget.Strategy s) {
            return new KillScope.Strategy(s.strategyId());
        }
        if (target instanceof FlattenTarget.Leg l) {
            return new KillScope.Legs(l.strategyId(), Set.of(l.legId()));
        }
        if (target instanceof FlattenTarget.Venue v) {
            return new KillScope.Venue(v.venue());
        }
        return new KillScope.Global();
    }

    /** See {@link LegwatchSession#preview}. */
    public FlattenPreview preview(FlattenTarget target) {
        FlattenPlan plan = killSwitch.plan(scope(target), KillMode.FLATTEN);
        synchronized (pending) {
            pending.put(plan.flattenId(), new Pending(target, plan));
        }
        return new FlattenPreview(target, plan.flattenId(), plan.legs().stream().map(this::line).toList(),
                plan.ladder(), plan.warnings());
    }

    /** See {@link LegwatchSession#execute}: runs the plan that was previewed, once. */
    public CompletableFuture<ActionReceipt> execute(FlattenPreview preview) {
        Pending p;
        synchronized (pending) {
            p = pending.remove(preview.planId());
        }
        if (p == null) {
            // Already executed (a double click) or never previewed here: never guess a plan.
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "plan " + preview.planId() + " was already sent or is unknown; open the flatten dialog again"));
        }
        return run(p.target(), p.plan(), p.target() instanceof FlattenTarget.Global ? "Kill switch" : "Flatten");
    }

    public CompletableFuture<ActionReceipt> killAll() {
        FlattenTarget target = new FlattenTarget.Global();
        return run(target, killSwitch.plan(new KillScope.Global(), KillMode.FLATTEN), "Kill switch");
    }

    public CompletableFuture<ActionReceipt> cancelAll(VenueId venue) {
        FlattenTarget target = new FlattenTarget.Venue(venue);
        return run(target, killSwitch.plan(new KillScope.Venue(venue), KillMode.CANCEL), "Cancel all orders");
    }

    private CompletableFuture<ActionReceipt> run(FlattenTarget target, FlattenPlan plan, String action) {
        beforeExecute.accept(plan);
        return killSwitch.execute(plan, USER).result().thenApply(r -> receipt(target, action, r));
    }

    static ActionReceipt receipt(FlattenTarget target, String action, KillResult result) {
        List<VenueReceipt> venues = result.receipts().stream().map(KillSwitchCommands::venue).toList();
        return new ActionReceipt(target, action, result.verified(),
                result.outcome() + (result.detail() == null || result.detail().isBlank() ? "" : ": " + result.detail()),
                venues, result.journalNote());
    }

    private static VenueReceipt venue(KillReceipt r) {
        long toFlat = Double.isNaN(r.timeToFlatMs()) ? -1 : Math.round(r.timeToFlatMs());
        List<String> open = r.stillOpen();
        if (r.pending()) {
            open = new ArrayList<>(open);
            open.add("venue not answering; work queued");
        }
        return new VenueReceipt(r.venue(), r.ordersCancelled(), r.openOrdersZero(), r.positionsZero(), toFlat, open);
    }

    private PlannedOrder line(PlanLeg leg) {
        String owner = leg.strategyId() == null ? "unassigned" : leg.legId() != null
                && leg.legId().startsWith(leg.strategyId() + "/") ? leg.legId() : leg.strategyId() + "/" + leg.legId();
        double current = !leg.positionKnown() ? Double.NaN
                : leg.side() == null ? 0 : (leg.side() == Side.SELL ? 1 : -1) * leg.qty();
        String note;
        if (!leg.positionKnown()) {
            note = "position unknown (venue " + leg.venueState() + "): read from the venue, then reduce-only to zero";
        } else if (leg.side() == null) {
            note = "already flat: verify zero at the venue";
        } else {
            note = "";
        }
        if (leg.openOrders() > 0) {
            note = "cancel " + leg.openOrders() + " open order(s) first" + (note.isEmpty() ? "" : "; " + note);
        }
        String price = leg.firstOrderType() == OrderType.LIMIT_IOC
                ? "from mark " + price(leg.markPrice()) + " paying " + Math.round(killSwitch.settings().payUpBps(1)) + " bps"
                : "";
        return new PlannedOrder(leg.instrument(), owner, current, leg.side(), leg.side() == null ? Double.NaN : leg.qty(),
                leg.side() == null ? null : leg.firstOrderType(), price, leg.reduceOnly(), note);
    }

    private static String price(double p) {
        return Double.isNaN(p) ? "?" : new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US)).format(p);
    }
}
