package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

import java.util.ArrayList;
import java.util.List;

/** The engine's view of one venue account's link. Mutable, owned by the engine thread. */
final class VenueState {
    final VenueId id;
    final String idText;
    final long staleAfterMs;
    final List<InstrumentState> instruments = new ArrayList<>();
    /** Strategies with at least one leg on this venue, each once. */
    final List<StrategyState> strategies = new ArrayList<>();

    ConnectionState reported = ConnectionState.CONNECTING;
    String detail = "";
    /** Set by the engine's own staleness timer; cleared by any message. */
    boolean stale;
    /** A full Snapshot arrived since the venue last (re)connected, so absent symbols really are flat. */
    boolean synced;
    long lastMessageMs;
    VenueError lastError;
    long errorCount;

    boolean viewDirty = true;
    VenueView view;

    VenueState(VenueId id, long staleAfterMs) {
        this.id = id;
        this.idText = id.value();
        this.staleAfterMs = staleAfterMs;
    }

    /** The state shown to the trader: the connector's, downgraded to STALE when the engine found it silent. */
    ConnectionState effective() {
        return stale && reported.trusted() ? ConnectionState.STALE : reported;
    }

    /** The connector's detail, or why the engine itself considers the venue stale. */
    String effectiveDetail() {
        return effective() == ConnectionState.STALE && reported.trusted()
                ? "nothing heard for more than " + staleAfterMs + " ms" : detail;
    }

    boolean trusted() {
        return effective().trusted();
    }

    /** Positions on this venue can be believed: trusted link and a snapshot since the last (re)connect. */
    boolean positionsKnown() {
        return synced && trusted();
    }

    void addStrategy(StrategyState strategy) {
        if (!strategies.contains(strategy)) {
            strategies.add(strategy);
        }
    }
}
