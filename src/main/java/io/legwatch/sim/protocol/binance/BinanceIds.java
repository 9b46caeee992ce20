package io.legwatch.sim.protocol.binance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance order and trade ids are numbers; the simulator's are strings such as {@code sim-b-17} and
 * {@code sim-b-t4}. The trailing number is unique per account, so it is the Binance id; the reverse
 * map finds the simulator's order for a cancel by id.
 */
final class BinanceIds {
    private final Map<Long, String> simOrderIds = new ConcurrentHashMap<>();

    long order(String simId) {
        long id = suffix(simId);
        simOrderIds.putIfAbsent(id, simId);
        return id;
    }

    String simOrder(long binanceId) {
        return simOrderIds.get(binanceId);
    }

    static long suffix(String simId) {
        if (simId == null) {
            return 0;
        }
        int i = simId.length();
        while (i > 0 && Character.isDigit(simId.charAt(i - 1))) {
            i--;
        }
        return i == simId.length() ? Math.abs((long) simId.hashCode()) : Long.parseLong(simId.substring(i));
    }
}
