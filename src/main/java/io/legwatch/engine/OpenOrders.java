package io.legwatch.engine;

import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live orders on one instrument, keyed by {@link Order#key()} and also by client order id, so
 * the venue's acknowledgement (which carries the venue id) replaces the PENDING order we sent.
 */
final class OpenOrders {
    private final Map<String, Order> byKey = new LinkedHashMap<>();
    private final Map<String, String> keyByClientId = new HashMap<>();
    private int inDoubt;

    /** Inserts or replaces the order; a terminal state removes it. */
    void upsert(Order order) {
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
            return;
        }
        forget(byKey.put(key, order));
        if (inDoubt(order)) {
            inDoubt++;
        }
        if (clientId != null) {
            keyByClientId.put(clientId, key);
        }
    }

    void clear() {
        byKey.clear();
        keyByClientId.clear();
        inDoubt = 0;
    }

    int size() {
        return byKey.size();
    }

    int inDoubt() {
        return inDoubt;
    }

    /** The orders whose outcome is unknown, appended to {@code out}. */
    void collectInDoubt(List<Order> out) {
        if (inDoubt == 0) {
            return;
        }
        for (Order order : byKey.values()) {
            if (inDoubt(order)) {
                out.add(order);
            }
        }
    }

    List<Order> all() {
        return new ArrayList<>(byKey.values());
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
