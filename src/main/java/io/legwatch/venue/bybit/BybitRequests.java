package io.legwatch.venue.bybit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Builds Bybit v5 request bodies and WebSocket frames. The exact strings built here are the ones
 * signed and sent, so a signature always covers the bytes on the wire.
 */
final class BybitRequests {
    private static final JsonFactory FACTORY = new JsonFactory();

    private BybitRequests() {
    }

    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Writer w) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Decimal text without exponent or trailing zeros: 0.5 -> "0.5", 300.0 -> "300". */
    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * POST /v5/order/create body. Market or Limit+IOC, reduceOnly as asked, orderLinkId as given.
     *
     * @param positionIdx 0 in one-way mode; in hedge mode 1 (long side) or 2 (short side)
     */
    static String orderCreate(String category, OrderRequest r, String orderLinkId, int positionIdx) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("category", category);
            g.writeStringField("symbol", r.instrument().symbol());
            g.writeStringField("side", r.side() == Side.BUY ? "Buy" : "Sell");
            g.writeStringField("orderType", r.type() == OrderType.MARKET ? "Market" : "Limit");
            g.writeStringField("qty", decimal(r.qty()));
            if (r.type() != OrderType.MARKET) {
                g.writeStringField("price", decimal(r.limitPrice()));
            }
            g.writeStringField("timeInForce", r.type() == OrderType.LIMIT ? "GTC" : "IOC");
            g.writeNumberField("positionIdx", positionIdx);
            g.writeStringField("orderLinkId", orderLinkId);
            g.writeBooleanField("reduceOnly", r.reduceOnly());
            g.writeEndObject();
        });
    }

    /**
     * The {@code positionIdx} an order must carry: 0 in one-way mode; in hedge mode the side it acts
     * on, 1 (long) or 2 (short). A reduce-only SELL closes the long side, a reduce-only BUY the short
     * side; an opening BUY adds to the long side, an opening SELL to the short side.
     */
    static int positionIdx(boolean hedgeMode, Side side, boolean reduceOnly) {
        if (!hedgeMode) {
            return 0;
        }
        boolean longSide = reduceOnly ? side == Side.SELL : side == Side.BUY;
        return longSide ? 1 : 2;
    }

    /**
     * POST /v5/order/cancel-all body for one symbol. For linear/inverse an absent orderFilter
     * cancels every kind (active, conditional, TP/SL, trailing); spot needs one call per filter.
     */
    static String cancelAll(String category, String symbol, String orderFilter) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("category", category);
            g.writeStringField("symbol", symbol);
            if (orderFilter != null) {
                g.writeStringField("orderFilter", orderFilter);
            }
            g.writeEndObject();
        });
    }

    /** Spot's cancel-all cancels only plain orders unless told otherwise: these filters cover the rest. */
    static final List<String> SPOT_ORDER_FILTERS = List.of("Order", "StopOrder", "tpslOrder");

    /** POST /v5/order/disconnected-cancel-all body: the DCP window in seconds for one product. */
    static String dcp(String product, long timeWindowSeconds) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("product", product);
            g.writeNumberField("timeWindow", timeWindowSeconds);
            g.writeEndObject();
        });
    }

    static String authFrame(String reqId, String apiKey, long expiresMs, String signature) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("req_id", reqId);
            g.writeStringField("op", "auth");
            g.writeArrayFieldStart("args");
            g.writeString(apiKey);
            g.writeNumber(expiresMs);
            g.writeString(signature);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String subscribeFrame(String reqId, List<String> topics) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("req_id", reqId);
            g.writeStringField("op", "subscribe");
            g.writeArrayFieldStart("args");
            for (String t : topics) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String pingFrame(String reqId) {
        return "{\"req_id\":\"" + reqId + "\",\"op\":\"ping\"}";
    }
}
