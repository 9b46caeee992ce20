package io.legwatch.venue.bybit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Bybit v5 REST answers: checks {@code retCode}, turns failures into typed
 * {@link VenueException}s, and maps lists into domain values.
 */
final class BybitResponses {
    private final BybitMapper mapper;

    BybitResponses(BybitMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses an answer and throws the venue's error when {@code retCode} is not 0. */
    BybitMessage checked(int httpStatus, String body) {
        BybitMessage m;
        try {
            m = BybitReader.read(body);
        } catch (JsonProcessingException e) {
            throw httpOrMalformed(httpStatus, e.getOriginalMessage());
        } catch (IOException e) {
            throw httpOrMalformed(httpStatus, e.getMessage());
        }
        if (m.retCode == null) {
            throw httpOrMalformed(httpStatus, "answer without retCode");
        }
        if (m.retCode != 0) {
            throw new VenueException(BybitErrors.of(mapper.venue(), m.retCode, m.retMsg));
        }
        return m;
    }

    private VenueException httpOrMalformed(int httpStatus, String why) {
        if (httpStatus >= 400) {
            return new VenueException(BybitErrors.ofHttp(mapper.venue(), httpStatus, why));
        }
        return new VenueException(new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                "unreadable Bybit answer: " + why));
    }

    List<Instrument> instruments(BybitMessage m) {
        List<Instrument> out = new ArrayList<>(m.rows.size());
        for (BybitRow r : m.rows) {
            out.add(unchecked(() -> mapper.instrument(r, m.category)));
        }
        return out;
    }

    List<Order> orders(BybitMessage m) {
        List<Order> out = new ArrayList<>(m.rows.size());
        for (BybitRow r : m.rows) {
            out.add(unchecked(() -> mapper.order(r)));
        }
        return out;
    }

    /**
     * The acknowledgement of /v5/order/create. Bybit answers only the ids ("the order is
     * accepted"); its state arrives on the order stream, so the ack is reported as NEW.
     */
    Order ack(BybitMessage m, OrderRequest request, String orderLinkId) {
        String orderId = BybitMapper.emptyToNull(m.result.orderId);
        if (orderId == null) {
            throw new VenueException(new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                    "order/create answer without orderId"));
        }
        return new Order(request.instrument(), orderId, orderLinkId, request.side(), request.type(), request.qty(), 0,
                request.limitPrice(), request.reduceOnly(), false, OrderState.NEW, null);
    }

    /** Number of orders cancel-all reports cancelled; a {@code success} of "0" is a failure. */
    int cancelled(BybitMessage m) {
        if ("0".equals(m.resultSuccess)) {
            throw new VenueException(new VenueError(mapper.venue(), VenueError.Kind.REJECTED, null,
                    "cancel-all reported success=0"));
        }
        return m.rows.size();
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private <T> T unchecked(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new VenueException(new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null, e.getMessage()));
        }
    }
}
