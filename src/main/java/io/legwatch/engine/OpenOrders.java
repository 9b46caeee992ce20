package io.legwatch.engine;

import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Side;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live orders on one instrument, keyed by {@link Order#key()} and also by client order id, so
 * the venue's acknowledgement (which carries the venue id) replaces the PENDING order we sent.
 */
final class OpenOrders {
    private final Map<String, Order> byKey = new LinkedHashMap<>();
    private final Map<String, String> keyByClientId = new HashMap<>();
    private int inDoubt;
    /** Unfilled quantity of the in-doubt buy and sell orders: what could have filled without us knowing. */
    private double inDoubtBuyQty;
    private double inDoubtSellQty;

    /** Inserts or replaces the order; a terminal state removes it. */
    void upsert(Order order) {
        int inDoubtBefore = inDoubt;
        boolean touchesDoubt = inDoubt(order);
        String key = order.key();
        String clientId = order.clientOrderId();
        if (clientId != null) {
            String previousKey = keyByClientId.get(clientId);
            if (previousKey != null && !previousKey.equals(key)) {
                forget(byKey.remove(previousKey));
            }
        }
        if (order.state().terminal()) {
            forget(byKey.remove(key));
            if (clientId != null) {
                keyByClientId.remove(clientId);
            }
        } else {
            forget(byKey.put(key, order));
            if (touchesDoubt) {
                inDoubt++;
            }
            if (clientId != null) {
                keyByClientId.put(clientId, key);
            }
        }
        if (touchesDoubt || inDoubt != inDoubtBefore) {
            sumInDoubt();
        }
    }

    /** Recomputed from the orders, not adjusted, so repeated updates cannot drift. */
    private void sumInDoubt() {
        inDoubtBuyQty = 0;
        inDoubtSellQty = 0;
        if (inDoubt == 0) {
            return;
        }
        for (Order order : byKey.values()) {
            if (inDoubt(order)) {
                if (order.side() == Side.BUY) {
                    inDoubtBuyQty += order.remaining();
                } else {
                    inDoubtSellQty += order.remaining();
                }
            }
        }
    }

    void clear() {
        byKey.clear();
        keyByClientId.clear();
        inDoubt = 0;
        inDoubtBuyQty = 0;
        inDoubtSellQty = 0;
    }

    int size() {
        return byKey.size();
    }

    int inDoubt() {
        return inDoubt;
    }

    /** Unsigned unfilled quantity of in-doubt buy orders. */
    double inDoubtBuyQty() {
        return inDoubtBuyQty;
    }

    /** Unsigned unfilled quantity of in-doubt sell orders. */
    double inDoubtSellQty() {
        return inDoubtSellQty;
    }

    static boolean inDoubt(Order order) {
        return order.state() == OrderState.PENDING || order.state() == OrderState.UNKNOWN;
    }

    private void forget(Order removed) {
        if (removed != null && inDoubt(removed)) {
            inDoubt--;
        }
    }
}
