package io.legwatch.ui.alerts;

/** Plays the alarm sound. Must return at once and never throw (the caller is the FX thread). */
public interface AlarmPlayer {
    void play();
}
