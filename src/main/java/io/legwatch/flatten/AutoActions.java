package io.legwatch.flatten;

/** What automatic policies may do; the app backs it with the {@link KillSwitch} and the alarm sink. */
public interface AutoActions {
    /** Flatten {@code scope}; {@code firedBy} names the rule ({@code auto:...}). */
    void flatten(KillScope scope, String firedBy);

    /**
     * Tell the human without acting (alert-only rules, attempt cap reached, a venue never
     * connected); {@code strategyId} is null when the alert is about a venue, not a strategy.
     */
    void alert(String strategyId, String message);

    /** The real actions: flatten through the kill switch, alert through the alarm sink. */
    static AutoActions of(KillSwitch killSwitch, AlarmListener alarms, io.legwatch.domain.TimeSource time) {
        return new AutoActions() {
            @Override
            public void flatten(KillScope scope, String firedBy) {
                try {
                    killSwitch.flatten(scope, firedBy);
                } catch (RuntimeException e) {
                    alarms.alarm(new FlattenAlarm(time.millis(), null, FlattenAlarm.Kind.AUTO_POLICY,
                            firedBy + " wanted to flatten " + scope.label() + " but could not: " + e.getMessage()));
                }
            }

            @Override
            public void alert(String strategyId, String message) {
                alarms.alarm(new FlattenAlarm(time.millis(), null, FlattenAlarm.Kind.AUTO_POLICY, message));
            }
        };
    }
}
