package io.legwatch.sim.load;

import io.legwatch.domain.InstrumentKey;

/**
 * One injected leg failure: {@code movedLeg} moved by {@code movedQty} and its hedge
 * {@code missingLeg} did not follow, so the strategy holds naked exposure until the repair.
 *
 * @param seq             1, 2, ... in injection order
 * @param injectedNanos   {@link System#nanoTime()} just before the unhedged move was pushed
 * @param injectedEpochMs wall clock at the same moment
 * @param repairedNanos   when the missing leg "filled late" and the strategy was hedged again; 0 while not yet
 */
public record InjectedFailure(long seq, String strategyId, String movedLeg, InstrumentKey movedInstrument,
                              String missingLeg, InstrumentKey missingInstrument, double movedQty,
                              long injectedNanos, long injectedEpochMs, long repairedNanos) {

    public boolean repaired() {
        return repairedNanos != 0;
    }

    InjectedFailure repairedAt(long nanos) {
        return new InjectedFailure(seq, strategyId, movedLeg, movedInstrument, missingLeg, missingInstrument, movedQty,
                injectedNanos, injectedEpochMs, nanos);
    }
}
