package io.legwatch.ui.alerts;

import io.legwatch.domain.HedgeStatus;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.List;
import java.util.function.Supplier;

/**
 * One ControlsFX popup per strategy per transition into NAKED / FLATTEN_FAILED, owned by the main
 * window, with the engine's reason as text. {@link StatusAlarms} already reports each transition
 * once, so this only formats and shows.
 */
public final class AlarmPopups {
    private static final Duration SHOW_FOR = Duration.seconds(30);
    private final Supplier<Window> owner;

    public AlarmPopups(Supplier<Window> owner) {
        this.owner = owner;
    }

    public static String title(StatusAlarms.Entered e) {
        return (e.status() == HedgeStatus.FLATTEN_FAILED ? "FLATTEN FAILED: " : "NAKED: ") + e.name();
    }

    public void onEntered(List<StatusAlarms.Entered> entered) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        for (StatusAlarms.Entered e : entered) {
            Notifications.create().owner(w).title(title(e)).text(e.reason()).hideAfter(SHOW_FOR).showError();
        }
    }
}
