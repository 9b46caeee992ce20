package io.legwatch.app;

import java.util.List;

/**
 * The outcome of a kill, flatten or cancel: one receipt per venue it touched.
 *
 * @param action   what was done, e.g. "Flatten", "Cancel all"
 * @param verified the kill switch verified the whole scope (flat / no open orders)
 * @param detail   the kill switch's summary line
 */
public record ActionReceipt(FlattenTarget target, String action, boolean verified, String detail,
                            List<VenueReceipt> venues) {
    public ActionReceipt {
        venues = List.copyOf(venues);
        detail = detail == null ? "" : detail;
    }

    public boolean ok() {
        return verified;
    }
}
