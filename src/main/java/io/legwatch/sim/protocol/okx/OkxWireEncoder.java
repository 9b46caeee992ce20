package io.legwatch.sim.protocol.okx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Writes simulator state in OKX v5's wire shapes (documented samples: numbers and booleans as
 * strings, {@code instType}, {@code posSide}, {@code ctVal}/{@code ctMult}/{@code ctValCcy}).
 *
 * <p>Units: OKX derivatives count contracts of {@code ctVal x ctMult} {@code ctValCcy}, which is how
 * the simulator counts too, so quantities pass through unchanged and the instrument's contract size
 * becomes {@code ctVal}. Simulator spot holdings are shown as MARGIN positions (OKX reports spot
 * balances, not positions): a long in the base currency, a short as a base-currency liability.
 */
final class OkxWireEncoder {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Prefix of the client ids the front end makes up for orders sent without a clOrdId. */
    static final String GENERATED_ID_PREFIX = "okxsim";

    private OkxWireEncoder() {
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    interface ItemWriter<T> {
        void write(JsonGenerator g, T t) throws IOException;
    }

    static String json(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String instType(InstrumentKind kind) {
        return switch (kind) {
            case LINEAR, INVERSE -> "SWAP";
            case SPOT -> "SPOT";
            case OPTION -> "OPTION";
        };
    }

    static String family(Instrument i) {
        return i.underlying() + (i.kind() == InstrumentKind.LINEAR ? "-USDT" : "-USD");
    }

    /** {@code {"code":"0","msg":"","data":[...]}} */
    static <T> String ok(List<T> items, ItemWriter<T> item) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("code", "0");
            g.writeStringField("msg", "");
            g.writeArrayFieldStart("data");
            for (T t : items) {
                item.write(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String error(String code, String msg) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("msg", msg);
            g.writeArrayFieldStart("data");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static void instrument(JsonGenerator g, Instrument i) throws IOException {
        boolean derivative = i.kind() != InstrumentKind.SPOT;
        g.writeStartObject();
        g.writeStringField("instId", i.symbol());
        g.writeStringField("instType", instType(i.kind()));
        g.writeStringField("instFamily", derivative ? family(i) : "");
        g.writeStringField("uly", derivative ? family(i) : "");
        g.writeStringField("baseCcy", derivative ? "" : i.underlying());
        g.writeStringField("quoteCcy", derivative ? "" : "USD");
        g.writeStringField("settleCcy", i.kind() == InstrumentKind.LINEAR ? "USDT"
                : i.kind() == InstrumentKind.SPOT ? "" : i.underlying());
        g.writeStringField("ctType", i.kind() == InstrumentKind.LINEAR ? "linear"
                : i.kind() == InstrumentKind.INVERSE ? "inverse" : "");
        g.writeStringField("ctVal", derivative ? num(i.contractSize()) : "");
        g.writeStringField("ctMult", derivative ? "1" : "");
        g.writeStringField("ctValCcy", i.kind() == InstrumentKind.INVERSE ? "USD" : derivative ? i.underlying() : "");
        g.writeStringField("optType", i.kind() == InstrumentKind.OPTION ? "C" : "");
        g.writeStringField("lotSz", num(i.lotSize()));
        g.writeStringField("tickSz", "0.01"); // the simulator has no tick size: a fixed, fine one
        g.writeStringField("minSz", num(i.lotSize()));
        g.writeStringField("state", "live");
        g.writeEndObject();
    }

    /**
     * One position row in net mode. For an option {@code markPx} is the premium and {@code idxPx} the
     * underlying's index (the simulator's position mark is the index for options).
     */
    static void position(JsonGenerator g, Position p, Instrument i, double optionPremium, long timeMs)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("instId", i.symbol());
        g.writeStringField("mgnMode", "cross");
        g.writeStringField("posSide", "net");
        if (i.kind() == InstrumentKind.SPOT) {
            g.writeStringField("instType", "MARGIN");
            boolean isLong = p.qty() >= 0;
            g.writeStringField("pos", num(isLong ? p.qty() : Math.abs(p.qty()) * p.markPrice()));
            g.writeStringField("posCcy", isLong ? i.underlying() : "USD");
            g.writeStringField("liab", isLong ? "" : num(-Math.abs(p.qty())));
            g.writeStringField("liabCcy", isLong ? "" : i.underlying());
            g.writeStringField("markPx", num(p.markPrice()));
        } else {
            g.writeStringField("instType", instType(i.kind()));
            g.writeStringField("pos", num(p.qty()));
            g.writeStringField("posCcy", "");
            g.writeStringField("markPx", num(i.kind() == InstrumentKind.OPTION ? optionPremium : p.markPrice()));
        }
        g.writeStringField("idxPx", num(p.markPrice()));
        g.writeStringField("deltaPA", i.kind() == InstrumentKind.OPTION ? num(p.venueDelta()) : "");
        g.writeStringField("ccy", i.kind() == InstrumentKind.LINEAR ? "USDT" : i.underlying());
        g.writeStringField("uTime", Long.toString(timeMs));
        g.writeEndObject();
    }

    /** The clOrdId OKX shows: "" for an order sent without one (the simulator needs an id of its own). */
    static String clOrdId(String clientOrderId) {
        return clientOrderId == null || clientOrderId.startsWith(GENERATED_ID_PREFIX) ? "" : clientOrderId;
    }

    static String state(Order o) {
        return switch (o.state()) {
            case PENDING, NEW, UNKNOWN -> "live";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, EXPIRED, REJECTED -> "canceled";
        };
    }

    /** A plain order row; {@code fill} (may be null) fills in the last-trade fields of an orders push. */
    static void order(JsonGenerator g, Order o, Instrument i, Fill fill, long timeMs) throws IOException {
        g.writeStartObject();
        g.writeStringField("instId", i.symbol());
        g.writeStringField("instType", instType(i.kind()));
        g.writeStringField("ordId", o.orderId() == null ? "" : o.orderId());
        g.writeStringField("clOrdId", clOrdId(o.clientOrderId()));
        g.writeStringField("side", o.side() == Side.BUY ? "buy" : "sell");
        g.writeStringField("posSide", "net");
        g.writeStringField("tdMode", i.kind() == InstrumentKind.SPOT ? "cash" : "cross");
        g.writeStringField("ordType", o.type() == OrderType.MARKET ? "market" : o.type() == OrderType.LIMIT_IOC ? "ioc" : "limit");
        g.writeStringField("sz", num(o.qty()));
        g.writeStringField("px", o.type() == OrderType.MARKET ? "" : num(o.price()));
        g.writeStringField("accFillSz", num(o.filledQty()));
        g.writeStringField("state", state(o));
        g.writeStringField("reduceOnly", Boolean.toString(o.reduceOnly()));
        g.writeStringField("fillSz", fill == null ? "0" : num(fill.qty()));
        g.writeStringField("fillPx", fill == null ? "" : num(fill.price()));
        g.writeStringField("tradeId", fill == null ? "" : fill.tradeId());
        g.writeStringField("fillTime", fill == null ? "" : Long.toString(timeMs));
        g.writeStringField("uTime", Long.toString(timeMs));
        g.writeStringField("cTime", Long.toString(timeMs));
        g.writeEndObject();
    }

    static String algoState(Order o) {
        return switch (o.state()) {
            case PENDING, NEW, UNKNOWN, PARTIALLY_FILLED -> "live";
            case FILLED -> "effective";
            case CANCELED, EXPIRED -> "canceled";
            case REJECTED -> "order_failed";
        };
    }

    /** A conditional (stop) order as an OKX algo order: the simulator's stop price is the trigger. */
    static void algoOrder(JsonGenerator g, Order o, Instrument i, long timeMs) throws IOException {
        g.writeStartObject();
        g.writeStringField("instId", i.symbol());
        g.writeStringField("instType", instType(i.kind()));
        g.writeStringField("algoId", o.orderId());
        g.writeStringField("algoClOrdId", clOrdId(o.clientOrderId()));
        g.writeStringField("ordType", "conditional");
        g.writeStringField("side", o.side() == Side.BUY ? "buy" : "sell");
        g.writeStringField("posSide", "net");
        g.writeStringField("sz", num(o.qty()));
        g.writeStringField("slTriggerPx", num(o.price()));
        g.writeStringField("slOrdPx", "-1");
        g.writeStringField("ordPx", "-1");
        g.writeStringField("reduceOnly", Boolean.toString(o.reduceOnly()));
        g.writeStringField("state", algoState(o));
        g.writeStringField("uTime", Long.toString(timeMs));
        g.writeEndObject();
    }

    /** A private-channel push: {@code {"arg":{"channel","instType":"ANY","uid"},"data":[...]}}. */
    static <T> String push(String channel, String uid, String eventType, List<T> items, ItemWriter<T> item) {
        return json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("arg");
            g.writeStringField("channel", channel);
            g.writeStringField("uid", uid);
            g.writeStringField("instType", "ANY");
            g.writeEndObject();
            if (eventType != null) {
                g.writeStringField("eventType", eventType);
            }
            g.writeArrayFieldStart("data");
            for (T t : items) {
                item.write(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String event(String event, String code, String msg, String connId) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("event", event);
            if (code != null) {
                g.writeStringField("code", code);
                g.writeStringField("msg", msg);
            }
            g.writeStringField("connId", connId);
            g.writeEndObject();
        });
    }
}
