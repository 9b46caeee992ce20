package io.legwatch.flatten;

import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;

/**
 * One order the ladder sent and what became of it.
 *
 * @param outcome   the venue's answer, UNKNOWN while (or if) it never answered, REJECTED on a refusal
 * @param filledQty as acknowledged by the venue (positions, not this, decide "flat")
 * @param sends     how many times it was sent with the same client order id (re-sends after a timeout)
 * @param error     the venue's refusal or the timeout, or null
 */
public record SentOrder(OrderRequest request, OrderState outcome, double filledQty, int sends, String error) {
}
