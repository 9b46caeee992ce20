package io.legwatch.flatten;

/** Receives alarms (UI banner, sound). Called from flatten threads; must not block. */
@FunctionalInterface
public interface AlarmListener {
    void alarm(FlattenAlarm alarm);
}
