package io.legwatch.venue.deribit;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.util.List;

/**
 * Turns one inbound Deribit frame into events: answers go to the JSON-RPC channel, heartbeats and
 * subscription notifications become {@link VenueEvent}s, everything else is reported as malformed.
 * Stateless apart from the instrument registry; one call per frame on the reader thread.
 */
final class DeribitDecoder {
    /** Where decoded things go. */
    interface Output {
        void event(VenueEvent event);

        /** A JSON-RPC answer (id + result or error). */
        void response(DeribitWire.Envelope envelope, long recvNanos);

        /** The server asked for proof of life; answer with public/test. */
        void testRequest();

        /** Unparseable, unexpected or incomplete; {@code raw} is the frame (the caller redacts it). */
        void malformed(String what, String raw, long recvNanos);

        /** An item named an instrument without metadata; it was not emitted. */
        void unknownInstrument(String name);
    }

    private final VenueId venue;
    private final DeribitInstruments instruments;

    DeribitDecoder(VenueId venue, DeribitInstruments instruments) {
        this.venue = venue;
        this.instruments = instruments;
    }

    void decode(String text, long recvNanos, Output out) {
        DeribitWire.Envelope env;
        try {
            env = DeribitJson.envelope(text);
        } catch (IOException | RuntimeException e) {
            out.malformed("not a JSON-RPC message", text, recvNanos);
            return;
        }
        try {
            if (env.isResponse()) {
                out.response(env, recvNanos);
            } else if ("heartbeat".equals(env.method())) {
                if (env.params() != null && "test_request".equals(env.params().type())) {
                    out.testRequest();
                }
                out.event(new VenueEvent.Heartbeat(venue, 0, recvNanos));
            } else if ("subscription".equals(env.method()) && env.params() != null && env.params().channel() != null
                    && env.params().data() != null) {
                subscription(env.params(), text, recvNanos, out);
            } else {
                out.malformed("unexpected message", text, recvNanos);
            }
        } catch (IOException | RuntimeException e) {
            out.malformed("unreadable " + (env.method() == null ? "answer" : env.method()) + " (" + e.getMessage() + ")",
                    text, recvNanos);
        }
    }

    private void subscription(DeribitWire.Params params, String text, long recvNanos, Output out) throws IOException {
        String channel = params.channel();
        if (channel.startsWith("user.changes.")) {
            DeribitWire.Changes changes = DeribitJson.bind(params.data(), DeribitWire.Changes.class);
            orders(changes.orders(), recvNanos, out);
            trades(changes.trades(), recvNanos, out);
            positions(changes.positions(), recvNanos, out);
        } else if (channel.startsWith("user.orders.")) {
            orders(DeribitJson.bindList(params.data(), DeribitWire.Order.class, DeribitJson.ORDERS), recvNanos, out);
        } else if (channel.startsWith("user.trades.")) {
            trades(DeribitJson.bindList(params.data(), DeribitWire.Trade.class, DeribitJson.TRADES), recvNanos, out);
        } else if (channel.startsWith("ticker.")) {
            ticker(DeribitJson.bind(params.data(), DeribitWire.Ticker.class), text, recvNanos, out);
        } else if (channel.startsWith("user.portfolio.")) {
            DeribitJson.bind(params.data(), DeribitWire.Portfolio.class); // proves it is readable; no position state
            out.event(new VenueEvent.Heartbeat(venue, 0, recvNanos));
        } else {
            out.malformed("notification on a channel we did not subscribe: " + channel, text, recvNanos);
        }
    }

    /** Mark and index in USD per base unit; an option is valued on its underlying, so both are the index. */
    private void ticker(DeribitWire.Ticker t, String text, long recvNanos, Output out) {
        var entry = instruments.find(t.instrumentName());
        if (entry.isEmpty()) {
            out.unknownInstrument(t.instrumentName());
            return;
        }
        if (t.indexPrice() == null || (t.markPrice() == null && entry.get().instrument().kind() != InstrumentKind.OPTION)) {
            out.malformed("ticker without mark or index price", text, recvNanos);
            return;
        }
        double index = t.indexPrice();
        double mark = entry.get().instrument().kind() == InstrumentKind.OPTION ? index : t.markPrice();
        out.event(new VenueEvent.PriceUpdate(entry.get().instrument().key(), mark, index,
                t.timestamp() == null ? 0 : t.timestamp(), recvNanos));
    }

    private void positions(List<DeribitWire.Position> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitWire.Position p : list) {
            try {
                Position mapped = DeribitMapping.position(instruments, p);
                out.event(new VenueEvent.PositionUpdate(mapped, 0, recvNanos));
            } catch (DeribitMapping.UnknownInstrumentException e) {
                out.unknownInstrument(e.name);
            } catch (DeribitMapping.BadPayloadException e) {
                out.malformed(e.getMessage(), String.valueOf(p), recvNanos);
            }
        }
    }

    private void orders(List<DeribitWire.Order> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitWire.Order o : list) {
            try {
                Order mapped = DeribitMapping.order(instruments, o);
                long ts = o.lastUpdateTimestamp() == null ? 0 : o.lastUpdateTimestamp();
                out.event(new VenueEvent.OrderUpdate(mapped, ts, recvNanos));
            } catch (DeribitMapping.UnknownInstrumentException e) {
                out.unknownInstrument(e.name);
            } catch (DeribitMapping.BadPayloadException e) {
                out.malformed(e.getMessage(), String.valueOf(o), recvNanos);
            }
        }
    }

    private void trades(List<DeribitWire.Trade> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitWire.Trade t : list) {
            try {
                Fill mapped = DeribitMapping.fill(instruments, t);
                out.event(new VenueEvent.FillEvent(mapped, t.timestamp() == null ? 0 : t.timestamp(), recvNanos));
            } catch (DeribitMapping.UnknownInstrumentException e) {
                out.unknownInstrument(e.name);
            } catch (DeribitMapping.BadPayloadException e) {
                out.malformed(e.getMessage(), String.valueOf(t), recvNanos);
            }
        }
    }
}
