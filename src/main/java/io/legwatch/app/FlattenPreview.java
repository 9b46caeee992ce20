package io.legwatch.app;

import java.util.List;

/**
 * What a flatten of {@code target} would do if confirmed now, from the flatten package's plan.
 *
 * @param planId     the plan's id (part of every client order id it sends)
 * @param lines      one per instrument in scope
 * @param escalation the ladder in words: what happens if the first orders do not flatten the position
 * @param warnings   what the trader should know before confirming (venues down, unknown positions)
 */
public record FlattenPreview(FlattenTarget target, String planId, List<PlannedOrder> lines, String escalation,
                             List<String> warnings) {
    public FlattenPreview {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
        escalation = escalation == null ? "" : escalation;
    }
}
