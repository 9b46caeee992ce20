package io.legwatch.app;

import io.legwatch.flatten.AutoFlattenPolicy;

import java.util.Map;

/** The UI's armed/disarmed switches, backed by the flatten package's {@link AutoFlattenPolicy}. */
public final class PolicyAutoFlatten implements AutoFlattenControl {
    private final AutoFlattenPolicy policy;

    public PolicyAutoFlatten(AutoFlattenPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean globalArmed() {
        return policy.globallyArmed();
    }

    @Override
    public void setGlobalArmed(boolean armed) {
        policy.armGlobally(armed, "user");
    }

    @Override
    public boolean armed(String strategyId) {
        return policy.armed(strategyId); // per table cell: never builds the whole state
    }

    @Override
    public Map<String, Long> countdowns() {
        return policy.countdowns();
    }

    @Override
    public void setArmed(String strategyId, boolean armed) {
        policy.arm(strategyId, armed, "user");
    }
}
