package io.legwatch.venue.okx;

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
 * Builds OKX v5 request bodies and WebSocket frames. The exact strings built here are the ones
 * signed and sent.
 */
final class OkxRequests {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** cancel-batch-orders takes at most 20 orders per request, cancel-algos at most 10. */
    static final int CANCEL_BATCH_MAX = 20;
    static final int CANCEL_ALGOS_MAX = 10;

    private OkxRequests() {
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

    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /**
     * POST /api/v5/trade/order body.
     *
     * @param tdMode  cross / isolated for derivatives and margin, cash for spot
     * @param posSide long or short in long/short mode (closing by posSide is reduce-only by
     *                construction, and OKX takes reduceOnly only in net mode); null in net mode
     * @param sendReduceOnly whether the instrument type accepts reduceOnly (MARGIN, net SWAP/FUTURES)
     */
    static String order(OrderRequest r, String tdMode, String posSide, boolean sendReduceOnly, String clOrdId) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("instId", r.instrument().symbol());
            g.writeStringField("tdMode", tdMode);
            g.writeStringField("clOrdId", clOrdId);
            g.writeStringField("side", r.side() == Side.BUY ? "buy" : "sell");
            if (posSide != null) {
                g.writeStringField("posSide", posSide);
            }
            g.writeStringField("ordType", switch (r.type()) {
                case MARKET -> "market";
                case LIMIT_IOC -> "ioc";
                case LIMIT -> "limit";
            });
            if (r.type() != OrderType.MARKET) {
                g.writeStringField("px", decimal(r.limitPrice()));
            }
            g.writeStringField("sz", decimal(r.qty()));
            if (sendReduceOnly && posSide == null && r.reduceOnly()) {
                g.writeBooleanField("reduceOnly", true);
            }
            g.writeEndObject();
        });
    }

    /**
     * The {@code posSide} an order must carry: none in net mode; in long/short mode the side it acts on.
     * A reduce-only SELL closes {@code long}, a reduce-only BUY closes {@code short}; an opening BUY goes
     * to {@code long}, an opening SELL to {@code short}.
     */
    static String posSide(boolean longShortMode, Side side, boolean reduceOnly) {
        if (!longShortMode) {
            return null;
        }
        boolean longSide = reduceOnly ? side == Side.SELL : side == Side.BUY;
        return longSide ? "long" : "short";
    }

    /** POST /api/v5/trade/cancel-batch-orders body: [{instId, ordId}, ...]. */
    static String cancelBatch(String instId, List<String> ordIds) {
        return idList(instId, "ordId", ordIds);
    }

    /** POST /api/v5/trade/cancel-algos body: [{instId, algoId}, ...]. */
    static String cancelAlgos(String instId, List<String> algoIds) {
        return idList(instId, "algoId", algoIds);
    }

    private static String idList(String instId, String field, List<String> ids) {
        return json(g -> {
            g.writeStartArray();
            for (String id : ids) {
                g.writeStartObject();
                g.writeStringField("instId", instId);
                g.writeStringField(field, id);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    /** POST /api/v5/trade/cancel-all-after body: timeOut in seconds as a string, "0" disarms. */
    static String cancelAllAfter(long seconds) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("timeOut", Long.toString(seconds));
            g.writeEndObject();
        });
    }

    static String loginFrame(String apiKey, String passphrase, long epochSeconds, String sign) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("op", "login");
            g.writeArrayFieldStart("args");
            g.writeStartObject();
            g.writeStringField("apiKey", apiKey);
            g.writeStringField("passphrase", passphrase);
            g.writeStringField("timestamp", Long.toString(epochSeconds));
            g.writeStringField("sign", sign);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Subscribes the given private channels for every instrument type. */
    static String subscribeFrame(List<String> channels) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("op", "subscribe");
            g.writeArrayFieldStart("args");
            for (String c : channels) {
                g.writeStartObject();
                g.writeStringField("channel", c);
                g.writeStringField("instType", "ANY");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
