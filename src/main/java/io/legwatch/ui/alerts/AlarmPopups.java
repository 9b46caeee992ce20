package io.legwatch.ui.alerts;

import io.legwatch.domain.HedgeStatus;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * ControlsFX popups for strategies entering NAKED / FLATTEN_FAILED, owned by the main window, with
 * the engine's reason as text. {@link StatusAlarms} already reports each transition once, so this
 * only formats and shows.
 *
 * <p>At most {@value #STACK} single popups stand at once, plus one summary: when several legs fail
 * together (the worst minute of the year), a column of popups would cover the very table that shows
 * them, and each popup is a window that costs the FX thread 15-20 ms to build. Past that, one summary
 * names the newest; while it stands, the pinned "Needs attention" table (in red), the sound and the alert log
 * carry the rest. Counted per window, not with ControlsFX's global threshold, which other windows'
 * popups would trip.
 */
public final class AlarmPopups {
    static final int STACK = 3;
    private static final int NAMED_IN_SUMMARY = 5;
    private static final int LINE = 40;
    private static final Duration SHOW_FOR = Duration.seconds(30);
    private static final long SHOW_FOR_NANOS = (long) SHOW_FOR.toMillis() * 1_000_000L;
    private final Supplier<Window> owner;
    /** When each of this window's single popups still up was shown (they hide after {@link #SHOW_FOR}). */
    private final Deque<Long> standing = new ArrayDeque<>();
    private long summaryShownAt = Long.MIN_VALUE / 2;

    public AlarmPopups(Supplier<Window> owner) {
        this.owner = owner;
    }

    public static String title(StatusAlarms.Entered e) {
        return (e.status() == HedgeStatus.FLATTEN_FAILED ? "FLATTEN FAILED: " : "NAKED: ") + e.name();
    }

    /** The summary's title for {@code n} strategies. */
    public static String summaryTitle(int n) {
        return n == 1 ? "1 more strategy needs attention" : n + " strategies need attention";
    }

    /**
     * The engine's reason broken into lines of about {@value #LINE} characters: ControlsFX places a
     * popup from its unwrapped width, so one long line pushed the popup past the screen's edge.
     */
    static String wrap(String text) {
        if (text == null || text.length() <= LINE) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > LINE) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    public void onEntered(List<StatusAlarms.Entered> entered) {
        Window w = owner.get();
        if (w == null || !w.isShowing() || entered.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        while (!standing.isEmpty() && now - standing.peekFirst() >= SHOW_FOR_NANOS) {
            standing.pollFirst();
        }
        boolean summaryUp = now - summaryShownAt < SHOW_FOR_NANOS;
        if (!summaryUp && standing.size() + entered.size() <= STACK) {
            for (StatusAlarms.Entered e : entered) {
                Notifications.create().owner(w).title(title(e)).text(wrap(e.reason())).hideAfter(SHOW_FOR).showError();
                standing.addLast(now);
            }
            return;
        }
        if (summaryUp) {
            return; // a summary is up: the table (naked first, red), the sound and the alert log carry the rest
        }
        String names = entered.stream().limit(NAMED_IN_SUMMARY).map(AlarmPopups::title)
                .collect(Collectors.joining("\n"));
        String more = entered.size() > NAMED_IN_SUMMARY ? "\nand " + (entered.size() - NAMED_IN_SUMMARY) + " more" : "";
        Notifications.create().owner(w).title(summaryTitle(entered.size()))
                .text(names + more + "\nThey are listed under Needs attention, in red.").hideAfter(SHOW_FOR).showError();
        summaryShownAt = now;
    }
}
