package io.legwatch.venue.bybit;

import io.legwatch.domain.VenueId;

/** Test-side door to the package-private stream decoder, for the parse benchmark in {@code io.legwatch.bench}. */
public final class BybitDecoding {
    private final BybitStreamDecoder decoder;

    public BybitDecoding(VenueId venue) {
        this.decoder = new BybitStreamDecoder(new BybitMapper(venue), new BybitPositionBook());
    }

    /** Decodes one frame exactly as the connector does; returns the events so a benchmark can consume them. */
    public Object decode(String frame, long recvNanos) {
        return decoder.decode(frame, recvNanos).events();
    }
}
