package io.legwatch.ui.alerts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;

/**
 * Sounds the alarm when a strategy newly enters NAKED or FLATTEN_FAILED, unless the trader muted
 * it. Fed with the transitions {@link StatusAlarms} found in each snapshot (FX thread); the player
 * does the audio on its own thread.
 */
public final class AlarmSound {
    private final AlarmPlayer player;
    private final BooleanProperty muted = new SimpleBooleanProperty(false);

    public AlarmSound(AlarmPlayer player) {
        this.player = player;
    }

    public void onEntered(List<StatusAlarms.Entered> entered) {
        if (!entered.isEmpty() && !muted.get()) {
            player.play();
        }
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }
}
