package io.legwatch.app;

import io.legwatch.domain.VenueId;

import java.util.List;

/** Breaks and heals simulated venues (demo mode only). */
public interface FaultControl {
    List<VenueId> venues();

    void inject(VenueId venue, Fault fault);

    /** What is injected on the venue right now, in words (e.g. "link UP, 17 rejects pending"). */
    String describe(VenueId venue);

    /** Removes every fault on the venue and reconnects it if it was disconnected. */
    void heal(VenueId venue);
}
