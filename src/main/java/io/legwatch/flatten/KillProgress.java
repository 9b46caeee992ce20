package io.legwatch.flatten;

import java.util.List;

/** A kill action in flight, immutable; the UI polls {@link KillHandle#progress()} once per pulse. */
public record KillProgress(String flattenId, List<LegProgress> legs, List<KillReceipt> receipts, boolean done) {
    public KillProgress {
        legs = List.copyOf(legs);
        receipts = List.copyOf(receipts);
    }

    public long pendingLegs() {
        return legs.stream().filter(l -> l.phase() == LegPhase.WAITING_FOR_VENUE).count();
    }
}
