package io.legwatch.app;

import java.util.List;

/**
 * The outcome of a kill, flatten or cancel: one receipt per venue it touched.
 *
 * @param action   what was done, e.g. "Flatten", "Cancel all"
 * @param verified the kill switch verified the whole scope (flat / no open orders)
 * @param detail   the kill switch's summary line
 * @param journalNote "not recorded in the journal: <reason>" when the action's records may not be
 *                 on disk, empty when they are
 */
public record ActionReceipt(FlattenTarget target, String action, boolean verified, String detail,
                            List<VenueReceipt> venues, String journalNote) {
    public ActionReceipt {
        venues = List.copyOf(venues);
        detail = detail == null ? "" : detail;
        journalNote = journalNote == null ? "" : journalNote;
    }

    /** A receipt whose records all reached the journal. */
    public ActionReceipt(FlattenTarget target, String action, boolean verified, String detail,
                         List<VenueReceipt> venues) {
        this(target, action, verified, detail, venues, "");
    }

    public boolean ok() {
        return verified;
    }
}
