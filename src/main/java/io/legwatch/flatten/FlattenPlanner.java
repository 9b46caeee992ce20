package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link FlattenPlan} from one snapshot. Pure: no I/O. */
final class FlattenPlanner {
    private final FlattenSettings settings;

    FlattenPlanner(FlattenSettings settings) {
        this.settings = settings;
    }

    FlattenPlan plan(String flattenId, MonitorSnapshot snapshot, KillScope scope, KillMode mode, long nowMs) {
        List<LegView> views = select(snapshot, scope);
        List<PlanLeg> legs = new ArrayList<>(views.size());
        List<String> warnings = new ArrayList<>();
        for (LegView v : views) {
            legs.add(toPlanLeg(legs.size(), v, mode));
            if (v.venueState() != null && !v.venueState().trusted()) {
                warnings.add(v.instrument() + ": venue is " + v.venueState()
                        + "; its work is queued and sent when the venue answers");
            }
            if (v.ordersInDoubt() > 0) {
                warnings.add(v.instrument() + ": " + v.ordersInDoubt()
                        + " order(s) with unknown outcome; counted as possibly filled");
            }
        }
        for (var venue : snapshot.venues().values()) {
            if (coversWholeVenue(scope, venue) && !venue.state().trusted()) {
                warnings.add("venue " + venue.venue() + " is " + venue.state()
                        + ": positions there are unknown until it answers");
            }
        }
        if (legs.isEmpty()) {
            warnings.add("nothing in scope in the current snapshot");
        }
        return new FlattenPlan(flattenId, scope, mode, nowMs, snapshot.version(), legs,
                mode == KillMode.FLATTEN ? settings.describe() : "", warnings.stream().distinct().toList());
    }

    private static boolean coversWholeVenue(KillScope scope, VenueView venue) {
        return scope instanceof KillScope.Global
                || scope instanceof KillScope.Venue v && v.venue().equals(venue.venue());
    }

    private PlanLeg toPlanLeg(int index, LegView v, KillMode mode) {
        boolean flat = v.positionKnown() && v.qty() == 0;
        Side side = v.positionKnown() && !flat ? Side.toReduce(v.qty()) : null;
        double qty = v.positionKnown() ? Math.abs(v.qty()) : Double.NaN;
        OrderType first = null;
        if (mode == KillMode.FLATTEN) {
            first = limitPossible(v) ? OrderType.LIMIT_IOC : OrderType.MARKET;
        }
        return new PlanLeg(index, v.strategyId(), v.legId(), v.instrument(), side, qty, first, true, v.markPrice(),
                v.positionKnown(), v.openOrders(), v.venueState());
    }

    /** An IOC limit needs a mark to pay up from; option premiums are not quoted in the underlying's mark. */
    private boolean limitPossible(LegView v) {
        return settings.limitAttempts() > 0 && v.markPrice() > 0 && v.kind() != InstrumentKind.OPTION;
    }

    private static List<LegView> select(MonitorSnapshot s, KillScope scope) {
        Map<InstrumentKey, LegView> out = new LinkedHashMap<>();
        if (scope instanceof KillScope.Legs l) {
            StrategyView sv = strategy(s, l.strategyId());
            for (String id : l.legIds()) {
                LegView leg = sv.legs().stream().filter(x -> id.equals(x.legId())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "strategy " + l.strategyId() + " has no leg " + id));
                out.putIfAbsent(leg.instrument(), leg);
            }
        } else if (scope instanceof KillScope.Strategy st) {
            strategy(s, st.strategyId()).legs().forEach(leg -> out.putIfAbsent(leg.instrument(), leg));
        } else if (scope instanceof KillScope.Venue ve) {
            s.strategies().forEach(sv -> sv.legs().stream()
                    .filter(leg -> leg.instrument().venue().equals(ve.venue()))
                    .forEach(leg -> out.putIfAbsent(leg.instrument(), leg)));
            s.unassigned().stream().filter(leg -> leg.instrument().venue().equals(ve.venue()))
                    .forEach(leg -> out.putIfAbsent(leg.instrument(), leg));
        } else {
            s.strategies().forEach(sv -> sv.legs().forEach(leg -> out.putIfAbsent(leg.instrument(), leg)));
            s.unassigned().forEach(leg -> out.putIfAbsent(leg.instrument(), leg));
        }
        return new ArrayList<>(out.values());
    }

    private static StrategyView strategy(MonitorSnapshot s, String id) {
        return s.strategies().stream().filter(sv -> sv.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no strategy " + id + " in the current snapshot"));
    }
}
