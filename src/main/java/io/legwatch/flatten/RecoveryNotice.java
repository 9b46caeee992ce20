package io.legwatch.flatten;

import java.util.List;

/**
 * What the trader is told at start about a flatten the previous run left unfinished.
 *
 * @param inDoubtOrders client order ids sent without a recorded outcome (re-verified before anything is sent)
 * @param handle        the resumed kill action, or null when its plan could not be read back
 */
public record RecoveryNotice(String flattenId, String scope, KillMode mode, String originalFiredBy,
                             long startedAtMs, List<String> inDoubtOrders, KillHandle handle, String message) {
    public RecoveryNotice {
        inDoubtOrders = List.copyOf(inDoubtOrders);
    }
}
