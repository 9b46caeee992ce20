package io.legwatch.venue.deribit;

import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side door to the package-private decoder for {@code io.legwatch.bench.ParseDecoders}: the
 * production {@link DeribitDecoder} with its registry loaded from a {@code public/get_instruments}
 * answer, as {@code DeribitConnector} sets it up after connecting, its events collected into a list by a
 * plain {@link DeribitDecoder.Output} (no reflection in the measured path).
 */
public final class DeribitBenchDecoder {
    private final DeribitDecoder decoder;
    private final Collect out = new Collect();

    private static final class Collect implements DeribitDecoder.Output {
        List<VenueEvent> events;

        @Override
        public void event(VenueEvent event) {
            events.add(event);
        }

        @Override
        public void response(DeribitWire.Envelope envelope, long recvNanos) {
            // answers are not benchmarked
        }

        @Override
        public void testRequest() {
            // heartbeats are not benchmarked
        }

        @Override
        public void malformed(String what, String raw, long recvNanos) {
            throw new IllegalStateException("deribit decoder refused a documented sample: " + what);
        }

        @Override
        public void unknownInstrument(String name) {
            throw new IllegalStateException("deribit decoder refused a documented sample: unknown instrument " + name);
        }
    }

    public DeribitBenchDecoder(VenueId venue, String getInstrumentsAnswer) throws IOException {
        DeribitInstruments instruments = new DeribitInstruments(venue);
        instruments.addAll(DeribitJson.bind(DeribitJson.envelope(getInstrumentsAnswer).result(), DeribitJson.INSTRUMENTS));
        this.decoder = new DeribitDecoder(venue, instruments);
    }

    /** One frame in, the events the connector would hand to the engine out. */
    public List<VenueEvent> decode(String text, long recvNanos) {
        List<VenueEvent> events = new ArrayList<>(4);
        out.events = events;
        decoder.decode(text, recvNanos, out);
        return events;
    }
}
