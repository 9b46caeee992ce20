package io.legwatch.venue.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.legwatch.domain.Fill;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes frames of OKX's private WebSocket ({@code /ws/v5/private}) into domain events and
 * control answers (login, subscribe, error, pong). A frame that cannot be read becomes an
 * {@link VenueEvent.ErrorReport} of kind MALFORMED, never an exception.
 */
final class OkxStreamDecoder {
    enum Control { NONE, LOGIN_OK, ERROR, SUBSCRIBED, PONG }

    record Decoded(List<VenueEvent> events, Control control, VenueError error) {
    }

    private final OkxMapper mapper;
    private final OkxPositionBook book;

    OkxStreamDecoder(OkxMapper mapper, OkxPositionBook book) {
        this.mapper = mapper;
        this.book = book;
    }

    Decoded decode(String text, long recvNanos) {
        if ("pong".equals(text)) {
            return new Decoded(List.of(new VenueEvent.Heartbeat(mapper.venue(), 0, recvNanos)), Control.PONG, null);
        }
        try {
            return decode(OkxReader.read(text), recvNanos);
        } catch (JsonProcessingException e) {
            return malformed(e.getOriginalMessage(), recvNanos);
        } catch (IOException | RuntimeException e) {
            return malformed(e.getMessage(), recvNanos);
        }
    }

    private Decoded decode(OkxMessage m, long recvNanos) throws IOException {
        if (m.event != null) {
            return event(m, recvNanos);
        }
        if (m.op != null) {
            return opAnswer(m, recvNanos);
        }
        if (m.channel != null) {
            return new Decoded(push(m, recvNanos), Control.NONE, null);
        }
        return malformed("frame with neither event, op nor channel", recvNanos);
    }

    private Decoded event(OkxMessage m, long recvNanos) {
        switch (m.event) {
            case "login" -> {
                if ("0".equals(m.code)) {
                    return new Decoded(List.of(), Control.LOGIN_OK, null);
                }
                return error(m, recvNanos);
            }
            case "error" -> {
                return error(m, recvNanos);
            }
            case "subscribe" -> {
                return new Decoded(List.of(), Control.SUBSCRIBED, null);
            }
            default -> {
                // unsubscribe, channel-conn-count, notice: no state, but the venue is talking
                return new Decoded(List.of(new VenueEvent.Heartbeat(mapper.venue(), 0, recvNanos)), Control.NONE, null);
            }
        }
    }

    private Decoded error(OkxMessage m, long recvNanos) {
        VenueError e = OkxErrors.of(mapper.venue(), m.code, m.msg);
        return new Decoded(List.of(new VenueEvent.ErrorReport(e, 0, recvNanos)), Control.ERROR, e);
    }

    private List<VenueEvent> push(OkxMessage m, long recvNanos) throws IOException {
        List<VenueEvent> events = new ArrayList<>(m.rows.size());
        switch (m.channel) {
            case "positions", "balance_and_position" -> {
                for (OkxRow r : m.rows) {
                    events.add(new VenueEvent.PositionUpdate(book.apply(r, mapper.key(r.instId)), r.uTime, recvNanos));
                }
            }
            case "orders" -> {
                for (OkxRow r : m.rows) {
                    events.add(new VenueEvent.OrderUpdate(mapper.order(r), r.uTime, recvNanos));
                    Fill fill = mapper.fill(r);
                    if (fill != null) {
                        events.add(new VenueEvent.FillEvent(fill, r.fillTime, recvNanos));
                    }
                }
            }
            case "orders-algo" -> {
                for (OkxRow r : m.rows) {
                    events.add(new VenueEvent.OrderUpdate(mapper.algoOrder(r), r.uTime, recvNanos));
                }
            }
            default -> events.add(new VenueEvent.ErrorReport(new VenueError(mapper.venue(), VenueError.Kind.UNSUPPORTED,
                    null, "unknown channel " + m.channel), 0, recvNanos));
        }
        return events;
    }

    /** Answer to a WebSocket op (e.g. order entry): each failed item carries its own sCode. */
    private Decoded opAnswer(OkxMessage m, long recvNanos) {
        List<VenueEvent> events = new ArrayList<>();
        for (OkxRow r : m.rows) {
            if (r.sCode != null && !"0".equals(r.sCode)) {
                events.add(new VenueEvent.ErrorReport(OkxErrors.of(mapper.venue(), r.sCode, r.sMsg), 0, recvNanos));
            }
        }
        if (events.isEmpty() && m.code != null && !"0".equals(m.code)) {
            events.add(new VenueEvent.ErrorReport(OkxErrors.of(mapper.venue(), m.code, m.msg), 0, recvNanos));
        }
        return new Decoded(events, Control.NONE, null);
    }

    private Decoded malformed(String why, long recvNanos) {
        VenueError error = new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                "unreadable OKX message: " + why);
        return new Decoded(List.of(new VenueEvent.ErrorReport(error, 0, recvNanos)), Control.NONE, error);
    }
}
