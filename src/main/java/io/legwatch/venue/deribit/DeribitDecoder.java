package io.legwatch.venue.deribit;

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
 * The frame is read in one streaming pass ({@link DeribitFrameReader}) before anything is emitted, so
 * a frame that turns out broken emits nothing but its malformed report. Stateless apart from the
 * instrument registry; one call per frame on the reader thread.
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
        DeribitFrame f = new DeribitFrame();
        try {
            DeribitFrameReader.read(text, f);
        } catch (DeribitFrameReader.BadValueException e) {
            out.malformed(f.readingData ? unreadable(f, e) : "not a JSON-RPC message", text, recvNanos);
            return;
        } catch (IOException | RuntimeException e) {
            out.malformed("not a JSON-RPC message", text, recvNanos);
            return;
        }
        try {
            if (f.isResponse()) {
                out.response(f.envelope(), recvNanos);
            } else if ("heartbeat".equals(f.method)) {
                if (f.hasParams && "test_request".equals(f.type)) {
                    out.testRequest();
                }
                out.event(new VenueEvent.Heartbeat(venue, 0, recvNanos));
            } else if (f.isSubscription() && f.hasParams && f.channel != null && f.hasData) {
                subscription(f, text, recvNanos, out);
            } else {
                out.malformed("unexpected message", text, recvNanos);
            }
        } catch (RuntimeException e) {
            out.malformed(unreadable(f, e), text, recvNanos);
        }
    }

    private static String unreadable(DeribitFrame f, Exception e) {
        return "unreadable " + (f.method == null ? "answer" : f.method) + " (" + e.getMessage() + ")";
    }

    private void subscription(DeribitFrame f, String text, long recvNanos, Output out) {
        switch (DeribitFrame.Channel.of(f.channel)) {
            case CHANGES -> {
                orders(f.orders, recvNanos, out);
                trades(f.trades, recvNanos, out);
                positions(f.positions, recvNanos, out);
            }
            case ORDERS -> orders(f.orders, recvNanos, out);
            case TRADES -> trades(f.trades, recvNanos, out);
            case TICKER -> ticker(f.ticker, text, recvNanos, out);
            // read and checked; it carries no position state, only that the account is alive
            case PORTFOLIO -> out.event(new VenueEvent.Heartbeat(venue, 0, recvNanos));
            case OTHER -> out.malformed("notification on a channel we did not subscribe: " + f.channel, text, recvNanos);
        }
    }

    /** Mark and index in USD per base unit; an option is valued on its underlying, so both are the index. */
    private void ticker(DeribitRows.TickerRow t, String text, long recvNanos, Output out) {
        var entry = instruments.find(t.instrumentName);
        if (entry.isEmpty()) {
            out.unknownInstrument(t.instrumentName);
            return;
        }
        boolean option = entry.get().instrument().kind() == InstrumentKind.OPTION;
        if (Double.isNaN(t.indexPrice) || (Double.isNaN(t.markPrice) && !option)) {
            out.malformed("ticker without mark or index price", text, recvNanos);
            return;
        }
        double mark = option ? t.indexPrice : t.markPrice;
        out.event(new VenueEvent.PriceUpdate(entry.get().instrument().key(), mark, t.indexPrice, t.timestamp, recvNanos));
    }

    private void positions(List<DeribitRows.PositionRow> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitRows.PositionRow p : list) {
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

    private void orders(List<DeribitRows.OrderRow> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitRows.OrderRow o : list) {
            try {
                Order mapped = DeribitMapping.order(instruments, o);
                out.event(new VenueEvent.OrderUpdate(mapped, o.lastUpdateTimestamp, recvNanos));
            } catch (DeribitMapping.UnknownInstrumentException e) {
                out.unknownInstrument(e.name);
            } catch (DeribitMapping.BadPayloadException e) {
                out.malformed(e.getMessage(), String.valueOf(o), recvNanos);
            }
        }
    }

    private void trades(List<DeribitRows.TradeRow> list, long recvNanos, Output out) {
        if (list == null) {
            return;
        }
        for (DeribitRows.TradeRow t : list) {
            try {
                out.event(new VenueEvent.FillEvent(DeribitMapping.fill(instruments, t), t.timestamp, recvNanos));
            } catch (DeribitMapping.UnknownInstrumentException e) {
                out.unknownInstrument(e.name);
            } catch (DeribitMapping.BadPayloadException e) {
                out.malformed(e.getMessage(), String.valueOf(t), recvNanos);
            }
        }
    }
}
