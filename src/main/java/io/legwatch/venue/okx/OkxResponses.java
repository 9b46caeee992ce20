package io.legwatch.venue.okx;

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
 * Reads OKX v5 REST answers: checks {@code code} and every item's {@code sCode}, turns failures
 * into typed {@link VenueException}s, and maps lists into domain values.
 */
final class OkxResponses {
    private final OkxMapper mapper;

    OkxResponses(OkxMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Parses an answer and throws the venue's error unless {@code code} is "0". For batch
     * answers (code "1"/"2") the first failed item's {@code sCode} is the error reported.
     */
    OkxMessage checked(int httpStatus, String body) {
        OkxMessage m;
        try {
            m = OkxReader.read(body);
        } catch (JsonProcessingException e) {
            throw httpOrMalformed(httpStatus, e.getOriginalMessage());
        } catch (IOException e) {
            throw httpOrMalformed(httpStatus, e.getMessage());
        }
        if (m.code == null) {
            throw httpOrMalformed(httpStatus, "answer without code");
        }
        if (!"0".equals(m.code)) {
            for (OkxRow r : m.rows) {
                if (r.sCode != null && !"0".equals(r.sCode)) {
                    throw new VenueException(OkxErrors.of(mapper.venue(), r.sCode, r.sMsg));
                }
            }
            throw new VenueException(OkxErrors.of(mapper.venue(), m.code, m.msg));
        }
        return m;
    }

    private VenueException httpOrMalformed(int httpStatus, String why) {
        if (httpStatus >= 400) {
            return new VenueException(OkxErrors.ofHttp(mapper.venue(), httpStatus, why));
        }
        return new VenueException(new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                "unreadable OKX answer: " + why));
    }

    List<Instrument> instruments(OkxMessage m) {
        List<Instrument> out = new ArrayList<>(m.rows.size());
        for (OkxRow r : m.rows) {
            out.add(unchecked(() -> mapper.instrument(r)));
        }
        return out;
    }

    List<Order> orders(OkxMessage m) {
        List<Order> out = new ArrayList<>(m.rows.size());
        for (OkxRow r : m.rows) {
            out.add(unchecked(() -> mapper.order(r)));
        }
        return out;
    }

    List<Order> algoOrders(OkxMessage m) {
        List<Order> out = new ArrayList<>(m.rows.size());
        for (OkxRow r : m.rows) {
            out.add(unchecked(() -> mapper.algoOrder(r)));
        }
        return out;
    }

    /** The acknowledgement of /api/v5/trade/order: the venue's ordId, state NEW until the stream says more. */
    Order ack(OkxMessage m, OrderRequest request, String clOrdId) {
        OkxRow r = m.rows.isEmpty() ? null : m.rows.get(0);
        if (r == null || OkxMapper.emptyToNull(r.ordId) == null) {
            throw new VenueException(new VenueError(mapper.venue(), VenueError.Kind.MALFORMED, null,
                    "order answer without ordId"));
        }
        return new Order(request.instrument(), r.ordId, clOrdId, request.side(), request.type(), request.qty(), 0,
                request.limitPrice(), request.reduceOnly(), false, OrderState.NEW, null);
    }

    /** Items of a batch cancel whose sCode is "0"; any failed item fails the whole answer. */
    int cancelled(OkxMessage m) {
        int n = 0;
        for (OkxRow r : m.rows) {
            if (r.sCode != null && !"0".equals(r.sCode)) {
                throw new VenueException(OkxErrors.of(mapper.venue(), r.sCode, r.sMsg));
            }
            n++;
        }
        return n;
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
