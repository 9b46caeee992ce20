package io.legwatch.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The instruments carrying one underlying's delta, with running sums kept up to date per changed
 * member (so one event costs O(1), not O(members)), and its last published view. The sums are
 * rebuilt from scratch when membership or a venue's trust changes, and every
 * {@value #FULL_RECOMPUTE_EVERY} updates so floating-point drift cannot accumulate.
 */
final class UnderlyingState {
    static final int FULL_RECOMPUTE_EVERY = 8192;

    final String name;
    final List<InstrumentState> members = new ArrayList<>();
    /** The view may differ from the last published one. */
    boolean dirty = true;
    UnderlyingView view;

    private boolean needsFull = true;
    private int updatesSinceFull;
    private double base;
    private double usd;
    private double gross;
    private int unknown;

    UnderlyingState(String name) {
        this.name = name;
    }

    void join(InstrumentState member) {
        members.add(member);
        invalidate();
    }

    void leave(InstrumentState member) {
        members.remove(member);
        invalidate();
    }

    /** Many members may have changed (a venue's trust or snapshot): rebuild the sums at the next view. */
    void invalidate() {
        needsFull = true;
        dirty = true;
    }

    /** One member's position or price changed: swap its old contribution for its new one. */
    void refresh(InstrumentState member) {
        dirty = true;
        if (needsFull) {
            return;
        }
        if (++updatesSinceFull >= FULL_RECOMPUTE_EVERY) {
            needsFull = true;
            return;
        }
        subtract(member);
        add(member);
    }

    UnderlyingView view() {
        if (needsFull) {
            base = 0;
            usd = 0;
            gross = 0;
            unknown = 0;
            for (int i = 0; i < members.size(); i++) {
                add(members.get(i));
            }
            needsFull = false;
            updatesSinceFull = 0;
        }
        dirty = false;
        UnderlyingView next = new UnderlyingView(name, base, usd, gross, unknown == 0);
        if (!next.equals(view)) {
            view = next;
        }
        return view;
    }

    private void add(InstrumentState member) {
        double delta = member.positionKnown() ? member.baseDelta() : Double.NaN;
        double memberUsd = Double.isNaN(delta) ? Double.NaN : member.usd();
        member.underlyingDelta = delta;
        member.underlyingUsd = memberUsd;
        if (Double.isNaN(delta) || Double.isNaN(memberUsd)) {
            unknown++;
        } else {
            base += delta;
            usd += memberUsd;
            gross += Math.abs(memberUsd);
        }
    }

    private void subtract(InstrumentState member) {
        double delta = member.underlyingDelta;
        double memberUsd = member.underlyingUsd;
        if (Double.isNaN(delta) || Double.isNaN(memberUsd)) {
            unknown--;
        } else {
            base -= delta;
            usd -= memberUsd;
            gross -= Math.abs(memberUsd);
        }
    }
}
