package io.legwatch.venue.bybit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.legwatch.domain.Fill;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes frames of Bybit's private WebSocket ({@code /v5/private}) into domain events and
 * control answers (auth, subscribe, pong). A frame that cannot be read becomes an
 * {@link VenueEvent.ErrorReport} of kind MALFORMED, never an exception.
 */
final class BybitStreamDecoder {
    enum Control { NONE, AUTH_OK, AUTH_FAILED, SUBSCRIBED, SUBSCRIBE_FAILED, PONG }

    /** What one frame meant: events for the engine and, for op answers, what the session must do. */
    record Decoded(List<VenueEvent> events, Control control, String detail) {
    }

    private final BybitMapper mapper;
    private final BybitPositionBook book;

    BybitStreamDecoder(BybitMapper mapper, BybitPositionBook book) {
        this.mapper = mapper;
        this.book = book;
    }

    Decoded decode(String text, long recvNanos) {
        try {
            return decode(BybitReader.read(text), recvNanos);
        } catch (JsonProcessingException e) {
            // the original message leaves out Jackson's echo of the input
            return malformed(e.getOriginalMessage(), recvNanos);
        } catch (IOException | RuntimeException e) {
            return malformed(e.getMessage(), recvNanos);
        }
    }

    private Decoded decode(BybitMessage m, long recvNanos) throws IOException {
        if (m.topic != null) {
            return new Decoded(topic(m, recvNanos), Control.NONE, "");
        }
        if (m.op != null) {
            return op(m, recvNanos);
        }
        return malformed("frame with neither topic nor op", recvNanos);
    }

    private List<VenueEvent> topic(BybitMessage m, long recvNanos) throws IOException {
        List<VenueEvent> events = new ArrayList<>(m.rows.size());
        String topic = m.topic;
        int dot = topic.indexOf('.');
        String base = dot < 0 ? topic : topic.substring(0, dot);
        switch (base) {
            case "position" -> {
                for (BybitRow r : m.rows) {
                    events.add(new VenueEvent.PositionUpdate(book.apply(r, mapper.key(r.symbol)), m.timeMs, recvNanos));
                }
            }
            case "order" -> {
                for (BybitRow r : m.rows) {
                    events.add(new VenueEvent.OrderUpdate(mapper.order(r), m.timeMs, recvNanos));
                }
            }
            case "execution" -> {
                for (BybitRow r : m.rows) {
                    Fill fill = mapper.fill(r);
                    if (fill != null) {
                        events.add(new VenueEvent.FillEvent(fill, m.timeMs, recvNanos));
                    }
                }
            }
            // Balances and DCP status carry no position state: they prove the stream is alive.
            case "wallet", "dcp" -> events.add(new VenueEvent.Heartbeat(mapper.venue(), m.timeMs, recvNanos));
            default -> events.add(new VenueEvent.ErrorReport(new VenueError(mapper.venue(), VenueError.Kind.UNSUPPORTED,
                    null, "unknown topic " + topic), m.timeMs, recvNanos));
        }
        return events;
    }

    private Decoded op(BybitMessage m, long recvNanos) {
        boolean ok = Boolean.TRUE.equals(m.success) || (m.retCode != null && m.retCode == 0);
        String detail = m.retMsg == null ? "" : m.retMsg;
        switch (m.op) {
            case "pong", "ping" -> {
                return new Decoded(List.of(new VenueEvent.Heartbeat(mapper.venue(), 0, recvNanos)), Control.PONG, "");
            }
            case "auth" -> {
                if (ok) {
                    return new Decoded(List.of(), Control.AUTH_OK, detail);
                }
                VenueError error = new VenueError(mapper.venue(), VenueError.Kind.AUTH,
                        m.retCode == null ? null : m.retCode.toString(), "auth refused: " + detail);
                return new Decoded(List.of(new VenueEvent.ErrorReport(error, 0, recvNanos)), Control.AUTH_FAILED, detail);
            }
            case "subscribe" -> {
                if (ok) {
                    return new Decoded(List.of(), Control.SUBSCRIBED, detail);
                }
                VenueError error = new VenueError(mapper.venue(), VenueError.Kind.REJECTED, null,
                        "subscribe refused: " + detail);
                return new Decoded(List.of(new VenueEvent.ErrorReport(error, 0, recvNanos)), Control.SUBSCRIBE_FAILED,
                        detail);
            }
            default -> {
                return opErrors(m, recvNanos);
            }
        }
    }

    /** Any other op answer (e.g. WS order entry): report its failures, item by item. */
    private Decoded opErrors(BybitMessage m, long recvNanos) {
        List<VenueEvent> events = new ArrayList<>();
        if (m.retCode != null && m.retCode != 0) {
            events.add(new VenueEvent.ErrorReport(BybitErrors.of(mapper.venue(), m.retCode, m.retMsg), m.timeMs,
                    recvNanos));
        }
        for (int i = 0; i < m.itemErrors.size(); i++) {
            BybitRow e = m.itemErrors.get(i);
            if (e.code != 0) {
                String who = i < m.rows.size() && m.rows.get(i).orderLinkId != null
                        ? " (" + m.rows.get(i).orderLinkId + ")" : "";
                events.add(new VenueEvent.ErrorReport(BybitErrors.of(mapper.venue(), e.code, e.msg + who), m.timeMs,
                        recvNanos));
            }
        }
        return new Decoded(events, Control.NONE, "");
    }

    private Decoded malformed(String why, long recvNanos) {
        VenueError error = new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                "unreadable Bybit message: " + why);
        return new Decoded(List.of(new VenueEvent.ErrorReport(error, 0, recvNanos)), Control.NONE, why);
    }
}
