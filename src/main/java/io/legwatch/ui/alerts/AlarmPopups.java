package io.legwatch.ui.alerts;

import io.legwatch.domain.HedgeStatus;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ControlsFX popups for strategies entering NAKED / FLATTEN_FAILED, owned by the main window, with
 * the engine's reason as text. {@link StatusAlarms} already reports each transition once, so this
 * only formats and shows.
 *
 * <p>At most {@value #STACK} popups stand at once: when several legs fail together (the worst minute
 * of the year), a column of popups would cover the very table that shows them, and each popup is a
 * window that costs the FX thread 15-20 ms to build. More than that collapse into one summary that
 * names them; the table (naked strategies first, in red) has the rest.
 */
public final class AlarmPopups {
    static final int STACK = 3;
    private static final int NAMED_IN_SUMMARY = 5;
    private static final Duration SHOW_FOR = Duration.seconds(30);
    private final Supplier<Window> owner;

    public AlarmPopups(Supplier<Window> owner) {
        this.owner = owner;
    }

    public static String title(StatusAlarms.Entered e) {
        return (e.status() == HedgeStatus.FLATTEN_FAILED ? "FLATTEN FAILED: " : "NAKED: ") + e.name();
    }

    /** The summary's title for {@code n} strategies. */
    public static String summaryTitle(int n) {
        return n + " strategies need attention";
    }

    public void onEntered(List<StatusAlarms.Entered> entered) {
        Window w = owner.get();
        if (w == null || !w.isShowing() || entered.isEmpty()) {
            return;
        }
        if (entered.size() > STACK) {
            String names = entered.stream().limit(NAMED_IN_SUMMARY).map(AlarmPopups::title)
                    .collect(Collectors.joining("\n"));
            String more = entered.size() > NAMED_IN_SUMMARY ? "\nand " + (entered.size() - NAMED_IN_SUMMARY) + " more" : "";
            summary(w, summaryTitle(entered.size()), names + more).showError();
            return;
        }
        // Popups already standing plus these may pass the stack: ControlsFX then folds them all into one.
        Notifications folded = summary(w, "Several strategies need attention",
                "More than " + STACK + " strategies went NAKED or FLATTEN FAILED.");
        for (StatusAlarms.Entered e : entered) {
            Notifications.create().owner(w).title(title(e)).text(e.reason()).hideAfter(SHOW_FOR)
                    .threshold(STACK, folded).showError();
        }
    }

    private static Notifications summary(Window w, String title, String text) {
        return Notifications.create().owner(w).title(title)
                .text(text + "\nThey are at the top of the table, in red.").hideAfter(SHOW_FOR);
    }
}
