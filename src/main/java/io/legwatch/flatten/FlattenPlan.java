package io.legwatch.flatten;

import io.legwatch.domain.VenueId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exactly what a kill action will do, built from one snapshot. The confirm dialog shows
 * {@link #lines()} verbatim and {@link KillSwitch#execute} executes this object, not a re-derived one.
 * Order sizes are re-read from each venue before sending (the snapshot may be stale); the plan
 * says so, and the receipts show what was actually sent.
 *
 * @param flattenId        short id, part of every client order id this plan sends
 * @param snapshotVersion  the snapshot it was built from
 * @param ladder           the escalation ladder in words (FLATTEN only)
 * @param warnings         what the trader should know before confirming (venues down, unknown positions)
 */
public record FlattenPlan(String flattenId, KillScope scope, KillMode mode, long createdAtMs, long snapshotVersion,
                          List<PlanLeg> legs, String ladder, List<String> warnings) {
    public FlattenPlan {
        Objects.requireNonNull(flattenId, "flattenId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(mode, "mode");
        legs = List.copyOf(legs);
        warnings = List.copyOf(warnings);
        ladder = ladder == null ? "" : ladder;
    }

    /** The confirm dialog's text, one entry per line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(mode + " " + scope.label() + " - " + legs.size() + " instrument(s) on " + venues().size()
                + " venue(s) [id " + flattenId + "]");
        for (PlanLeg leg : legs) {
            out.add("  " + leg.describe(mode));
        }
        if (mode == KillMode.FLATTEN) {
            out.add("Ladder: " + ladder);
            out.add("Order sizes are re-read from each venue just before sending.");
        }
        for (String w : warnings) {
            out.add("Warning: " + w);
        }
        return out;
    }

    public Set<VenueId> venues() {
        Set<VenueId> v = new TreeSet<>();
        legs.forEach(l -> v.add(l.instrument().venue()));
        return v;
    }

    /** Strategies whose legs this plan touches. */
    public Set<String> strategyIds() {
        Set<String> s = new TreeSet<>();
        legs.forEach(l -> {
            if (l.strategyId() != null) {
                s.add(l.strategyId());
            }
        });
        return s;
    }
}
