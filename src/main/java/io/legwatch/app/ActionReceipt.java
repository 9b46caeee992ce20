package io.legwatch.app;

import java.util.List;

/** The outcome of a kill, flatten or cancel: one receipt per venue it touched. */
public record ActionReceipt(FlattenTarget target, String action, List<VenueReceipt> venues) {
    public ActionReceipt {
        venues = List.copyOf(venues);
    }

    public boolean ok() {
        return venues.stream().allMatch(VenueReceipt::ok);
    }
}
