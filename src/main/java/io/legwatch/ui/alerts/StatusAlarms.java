package io.legwatch.ui.alerts;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which strategies newly entered an alarming status (NAKED or FLATTEN_FAILED) since the
 * previous snapshot, so the sound and the popup fire once per transition, not once per frame.
 * No JavaFX: fed on the FX thread by the snapshot pump, tested without a toolkit.
 */
public final class StatusAlarms {
    /** One strategy that just entered {@code status}; {@code reason} is the engine's one-line why. */
    public record Entered(String strategyId, String name, HedgeStatus status, String reason) {
    }

    private Map<String, HedgeStatus> last = Map.of();

    /**
     * The strategies whose status is alarming in {@code snapshot} and was not the same alarming
     * status before (NAKED to FLATTEN_FAILED counts: it is worse news). A strategy first seen
     * already alarming counts too: the trader must hear about a naked book at start-up.
     */
    public List<Entered> update(MonitorSnapshot snapshot) {
        Map<String, HedgeStatus> now = new HashMap<>();
        List<Entered> entered = new ArrayList<>();
        for (StrategyView s : snapshot.strategies()) {
            now.put(s.id(), s.status());
            if (s.status().alarming() && last.get(s.id()) != s.status()) {
                entered.add(new Entered(s.id(), s.name(), s.status(), s.reason() == null ? "" : s.reason()));
            }
        }
        last = now;
        return entered;
    }
}
