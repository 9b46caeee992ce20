package io.legwatch.venue.okx;

import io.legwatch.domain.VenueId;

/** Test-side door to the package-private stream decoder, for the parse benchmark in {@code io.legwatch.bench}. */
public final class OkxDecoding {
    private final OkxStreamDecoder decoder;

    public OkxDecoding(VenueId venue) {
        this.decoder = new OkxStreamDecoder(new OkxMapper(venue), new OkxPositionBook());
    }

    /** Decodes one frame exactly as the connector does; returns the events so a benchmark can consume them. */
    public Object decode(String frame, long recvNanos) {
        return decoder.decode(frame, recvNanos).events();
    }
}
