package io.legwatch.app.live;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.PlannedOrder;
import io.legwatch.app.VenueReceipt;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.KillReceipt;
import io.legwatch.flatten.KillResult;
import io.legwatch.flatten.PlanLeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Translates the flatten package's plans and results into the records the UI shows. Pure. */
final class Receipts {
    private Receipts() {
    }

    static FlattenPreview preview(FlattenTarget target, FlattenPlan plan) {
        List<PlannedOrder> lines = new ArrayList<>();
        for (PlanLeg leg : plan.legs()) {
            lines.add(line(leg));
        }
        List<String> warnings = new ArrayList<>(plan.warnings());
        return new FlattenPreview(target, plan.flattenId(), lines, plan.ladder(), warnings);
    }

    static PlannedOrder line(PlanLeg leg) {
        String owner = leg.strategyId() == null ? "unassigned" : leg.strategyId() + "/" + leg.legId();
        double current;
        if (!leg.positionKnown()) {
            current = Double.NaN;
        } else if (leg.side() == null) {
            current = 0;
        } else {
            // The plan's side reduces the position: selling closes a long.
            current = leg.side() == Side.SELL ? leg.qty() : -leg.qty();
        }
        boolean sends = leg.side() != null && leg.firstOrderType() != null;
        String price = sends && leg.firstOrderType() == OrderType.LIMIT_IOC
                ? String.format(Locale.ROOT, "from mark %,.2f", leg.markPrice()) : "";
        List<String> notes = new ArrayList<>();
        if (leg.openOrders() > 0) {
            notes.add("cancel " + leg.openOrders() + " open order(s) first");
        }
        if (!leg.positionKnown()) {
            notes.add("position unknown (venue " + leg.venueState() + "): read from venue first");
        }
        return new PlannedOrder(leg.instrument(), owner, current, sends ? leg.side() : null,
                sends ? leg.qty() : Double.NaN, sends ? leg.firstOrderType() : null, price, leg.reduceOnly(),
                String.join("; ", notes));
    }

    static ActionReceipt receipt(FlattenTarget target, String action, KillResult r) {
        List<VenueReceipt> venues = r.receipts().stream().map(Receipts::venue).toList();
        String detail = r.outcome() + (r.detail() == null || r.detail().isBlank() ? "" : ": " + r.detail());
        return new ActionReceipt(target, action, r.verified(), detail, venues);
    }

    static VenueReceipt venue(KillReceipt k) {
        long ttf = Double.isNaN(k.timeToFlatMs()) ? -1 : Math.round(k.timeToFlatMs());
        List<String> open = new ArrayList<>(k.stillOpen());
        if (k.pending()) {
            open.add("venue not answering; work queued");
        }
        return new VenueReceipt(k.venue(), k.ordersCancelled(), k.openOrdersZero(), k.positionsZero(), ttf, open);
    }
}
