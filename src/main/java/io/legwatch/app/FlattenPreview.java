package io.legwatch.app;

import java.util.List;

/**
 * What a flatten of {@code target} would do if confirmed now: the orders the flatten plan sends
 * first, and anything the trader should know before confirming (e.g. a venue that is down).
 *
 * @param cancelsFirst true when open orders on the instruments are cancelled before the orders are sent
 * @param escalation   one line on what happens if the first orders do not flatten the position
 */
public record FlattenPreview(FlattenTarget target, boolean cancelsFirst, List<PlannedOrder> orders,
                             String escalation, List<String> warnings) {
    public FlattenPreview {
        orders = List.copyOf(orders);
        warnings = List.copyOf(warnings);
        escalation = escalation == null ? "" : escalation;
    }
}
