package io.legwatch.app;

/** Arms and disarms automatic flatten, per strategy and globally (the policy lives in the flatten package). */
public interface AutoFlattenControl {
    boolean globalArmed();

    void setGlobalArmed(boolean armed);

    boolean armed(String strategyId);

    void setArmed(String strategyId, boolean armed);

    /**
     * Milliseconds until the policy fires, by strategy id, for every strategy where it is armed
     * (globally too) and counting down (naked beyond its threshold); absent strategies have nothing pending.
     */
    java.util.Map<String, Long> countdowns();
}
