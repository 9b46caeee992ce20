package io.legwatch.venue.deribit;

import io.legwatch.domain.VenueEvent;

import java.io.IOException;

/**
 * Test-side door to the package-private decoder, for the parse benchmark in {@code io.legwatch.bench}:
 * the production decoder with the documented instruments, counting what it produces.
 */
public final class DeribitDecoderProbe {
    private final DeribitDecoder decoder;
    private final Counter out = new Counter();

    private static final class Counter implements DeribitDecoder.Output {
        long events;
        long other;

        @Override
        public void event(VenueEvent event) {
            events += event.recvNanos();
        }

        @Override
        public void response(DeribitWire.Envelope envelope, long recvNanos) {
            other++;
        }

        @Override
        public void testRequest() {
            other++;
        }

        @Override
        public void malformed(String what, String raw, long recvNanos) {
            throw new IllegalStateException("benchmark payload is malformed: " + what);
        }

        @Override
        public void unknownInstrument(String name) {
            throw new IllegalStateException("benchmark payload names an unknown instrument: " + name);
        }
    }

    public DeribitDecoderProbe() throws IOException {
        this.decoder = new DeribitDecoder(DeribitSamples.VENUE, DeribitSamples.instruments());
    }

    /** A documented notification sample wrapped in the documented JSON-RPC envelope. */
    public static String notification(String sample, String channel) {
        return DeribitSamples.notification(sample, channel);
    }

    /** Decodes one frame into events; returns a value the benchmark consumes. */
    public long decode(String text) {
        decoder.decode(text, 1, out);
        return out.events + out.other;
    }
}
