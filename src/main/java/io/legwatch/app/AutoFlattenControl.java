package io.legwatch.app;

/** Arms and disarms automatic flatten, per strategy and globally (the policy lives in the flatten package). */
public interface AutoFlattenControl {
    boolean globalArmed();

    void setGlobalArmed(boolean armed);

    boolean armed(String strategyId);

    void setArmed(String strategyId, boolean armed);
}
