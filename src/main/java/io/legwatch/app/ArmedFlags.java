package io.legwatch.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Armed/disarmed switches for automatic flatten: one global, one per strategy. Disarmed by default. Thread-safe. */
final class ArmedFlags implements AutoFlattenControl {
    private final Map<String, Boolean> perStrategy = new ConcurrentHashMap<>();
    private volatile boolean global;

    @Override
    public boolean globalArmed() {
        return global;
    }

    @Override
    public void setGlobalArmed(boolean armed) {
        global = armed;
    }

    @Override
    public boolean armed(String strategyId) {
        return perStrategy.getOrDefault(strategyId, false);
    }

    @Override
    public void setArmed(String strategyId, boolean armed) {
        perStrategy.put(strategyId, armed);
    }
}
