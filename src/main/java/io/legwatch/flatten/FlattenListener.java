package io.legwatch.flatten;

import io.legwatch.engine.HedgeMonitor;

/**
 * What the flatten service tells the engine. The app wires it to HedgeMonitor's
 * {@code flattenStarted}/{@code flattenFinished}; flatten does not need the engine itself.
 * Called from the flatten executor; implementations must not block.
 */
public interface FlattenListener {
    void flattenStarted(String strategyId);

    /**
     * @param verifiedFlat every leg of the strategy in scope was read back from its venue at zero
     * @param detail       one line for the trader (what is still open, and why)
     */
    void flattenFinished(String strategyId, boolean verifiedFlat, String detail);

    /** The app's wiring: report to the engine (its control inputs queue and return at once). */
    static FlattenListener of(HedgeMonitor monitor) {
        return new FlattenListener() {
            @Override
            public void flattenStarted(String strategyId) {
                monitor.flattenStarted(strategyId);
            }

            @Override
            public void flattenFinished(String strategyId, boolean verifiedFlat, String detail) {
                monitor.flattenFinished(strategyId, verifiedFlat, detail);
            }
        };
    }

    FlattenListener NONE = new FlattenListener() {
        @Override
        public void flattenStarted(String strategyId) {
        }

        @Override
        public void flattenFinished(String strategyId, boolean verifiedFlat, String detail) {
        }
    };
}
