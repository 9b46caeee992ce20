package io.legwatch.engine;

import java.util.ArrayList;
import java.util.List;

/** The instruments carrying one underlying's delta, and its last published net view. */
final class UnderlyingState {
    final String name;
    final List<InstrumentState> members = new ArrayList<>();
    boolean dirty = true;
    UnderlyingView view;

    UnderlyingState(String name) {
        this.name = name;
    }

    /** Recomputes the net over every member; a member whose position or price is unknown makes it incomplete. */
    UnderlyingView recompute() {
        double base = 0;
        double usd = 0;
        double gross = 0;
        boolean complete = true;
        for (InstrumentState member : members) {
            if (!member.positionKnown()) {
                complete = false;
                continue;
            }
            double delta = member.baseDelta();
            double memberUsd = member.usd();
            if (Double.isNaN(delta) || Double.isNaN(memberUsd)) {
                complete = false;
                continue;
            }
            base += delta;
            usd += memberUsd;
            gross += Math.abs(memberUsd);
        }
        UnderlyingView next = new UnderlyingView(name, base, usd, gross, complete);
        dirty = false;
        if (!next.equals(view)) {
            view = next;
        }
        return view;
    }
}
