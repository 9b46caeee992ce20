package io.legwatch.metrics;

/**
 * The points at which a venue message is stamped on its way to the screen. Stages named "venue ->"
 * are cumulative from the moment the message's bytes arrived ({@code VenueEvent.recvNanos()}); the
 * others are the time spent in one hop.
 */
public enum LatencyStage {
    /** Venue bytes -> parsed into an event and handed to the engine (per message). */
    VENUE_TO_PARSED("venue -> parsed"),
    /** Venue bytes -> folded into the engine's state (per message; includes the engine queue wait). */
    VENUE_TO_APPLIED("venue -> applied"),
    /** Applied -> in a published snapshot (per message). */
    APPLIED_TO_PUBLISHED("applied -> published"),
    /** Venue bytes -> in a published snapshot (per message): the engine-only whole path. */
    VENUE_TO_PUBLISHED("venue -> published"),
    /** Snapshot published -> its rows applied to the table on a pulse (per snapshot the UI takes). */
    PUBLISHED_TO_TABLE("published -> table"),
    /** Rows applied on a pulse -> rendered, after CSS and layout (per frame that showed new data). */
    TABLE_TO_RENDERED("table -> rendered"),
    /**
     * Venue bytes -> rendered: the whole path, per frame that showed new data, for the oldest message
     * first shown in that frame (the worst case of the frame, not its freshest message).
     */
    VENUE_TO_SCREEN("venue -> screen"),
    /** FX thread time spent per pulse (animation, table diff, CSS, layout). */
    FX_PULSE("FX time per pulse");

    private final String label;

    LatencyStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
