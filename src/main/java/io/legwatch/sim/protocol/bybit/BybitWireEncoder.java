package io.legwatch.sim.protocol.bybit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Writes simulator state in Bybit v5's wire shapes (field names and JSON types as in the documented
 * samples: numbers as strings, {@code side} + unsigned {@code size}, {@code orderLinkId}, ...).
 *
 * <p>Units: Bybit quantities are base coin for linear, spot and options and USD for inverse. The
 * simulator counts contracts of {@link Instrument#contractSize()} (base or USD), so every wire
 * quantity is {@code simQty x contractSize}.
 */
final class BybitWireEncoder {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String TICK_SIZE = "0.01";
    /** Prefix of the client ids the front end makes up for orders sent without an orderLinkId. */
    static final String GENERATED_ID_PREFIX = "bybit-sim-";

    private BybitWireEncoder() {
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
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

    static String category(InstrumentKind kind) {
        return switch (kind) {
            case LINEAR -> "linear";
            case INVERSE -> "inverse";
            case SPOT -> "spot";
            case OPTION -> "option";
        };
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A REST success envelope around {@code result}. */
    static String ok(long timeMs, Body result) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("retCode", 0);
            g.writeStringField("retMsg", "OK");
            g.writeFieldName("result");
            result.write(g);
            g.writeObjectFieldStart("retExtInfo");
            g.writeEndObject();
            g.writeNumberField("time", timeMs);
            g.writeEndObject();
        });
    }

    static String error(int retCode, String retMsg, long timeMs) {
        return json(g -> {
            g.writeStartObject();
            g.writeNumberField("retCode", retCode);
            g.writeStringField("retMsg", retMsg);
            g.writeObjectFieldStart("result");
            g.writeEndObject();
            g.writeObjectFieldStart("retExtInfo");
            g.writeEndObject();
            g.writeNumberField("time", timeMs);
            g.writeEndObject();
        });
    }

    /** {@code {"category":..,"list":[..],"nextPageCursor":""}} */
    static <T> Body list(String category, List<T> items, ItemWriter<T> item) {
        return g -> {
            g.writeStartObject();
            if (category != null) {
                g.writeStringField("category", category);
            }
            g.writeArrayFieldStart("list");
            for (T t : items) {
                item.write(g, t);
            }
            g.writeEndArray();
            g.writeStringField("nextPageCursor", "");
            g.writeEndObject();
        };
    }

    interface ItemWriter<T> {
        void write(JsonGenerator g, T t) throws IOException;
    }

    static void instrument(JsonGenerator g, Instrument i) throws IOException {
        double step = i.lotSize() * i.contractSize();
        g.writeStartObject();
        g.writeStringField("symbol", i.symbol());
        switch (i.kind()) {
            case LINEAR -> g.writeStringField("contractType", "LinearPerpetual");
            case INVERSE -> g.writeStringField("contractType", "InversePerpetual");
            default -> {
                // spot and option instruments carry no contractType
            }
        }
        if (i.kind() == InstrumentKind.OPTION) {
            writeOptionTerms(g, i.symbol());
        }
        g.writeStringField("status", "Trading");
        g.writeStringField("baseCoin", i.underlying());
        // Bybit: inverse is quoted in USD and settled in the coin; options are USDC; linear and spot USDT
        String quote = switch (i.kind()) {
            case INVERSE -> "USD";
            case OPTION -> "USDC";
            default -> "USDT";
        };
        g.writeStringField("quoteCoin", quote);
        g.writeStringField("settleCoin", i.kind() == InstrumentKind.INVERSE ? i.underlying() : quote);
        g.writeObjectFieldStart("priceFilter");
        g.writeStringField("tickSize", TICK_SIZE); // the simulator has no tick size: a fixed, fine one
        g.writeEndObject();
        g.writeObjectFieldStart("lotSizeFilter");
        if (i.kind() == InstrumentKind.SPOT) {
            g.writeStringField("basePrecision", num(step));
        } else {
            g.writeStringField("qtyStep", num(step));
        }
        g.writeStringField("minOrderQty", num(step));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static final DateTimeFormatter OPTION_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dMMMyy").toFormatter(Locale.ROOT);

    /**
     * {@code optionsType} and {@code deliveryTime} of an option, read from its Bybit-style symbol
     * (BTC-25DEC26-60000-C): Bybit options deliver at 08:00 UTC.
     */
    private static void writeOptionTerms(JsonGenerator g, String symbol) throws IOException {
        String[] parts = symbol.split("-");
        if (parts.length != 4) {
            return;
        }
        g.writeStringField("optionsType", "C".equals(parts[3]) ? "Call" : "Put");
        try {
            long delivery = LocalDate.parse(parts[1], OPTION_DATE).atTime(8, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
            g.writeStringField("deliveryTime", Long.toString(delivery));
        } catch (DateTimeParseException e) {
            // not a dated symbol: leave the delivery time out rather than invent one
        }
    }

    static void position(JsonGenerator g, Position p, Instrument i, long timeMs) throws IOException {
        double size = Math.abs(p.qty()) * i.contractSize();
        g.writeStartObject();
        g.writeNumberField("positionIdx", 0);
        g.writeStringField("symbol", i.symbol());
        g.writeStringField("side", p.qty() > 0 ? "Buy" : p.qty() < 0 ? "Sell" : "");
        g.writeStringField("size", num(size));
        g.writeStringField("markPrice", num(p.markPrice()));
        g.writeStringField("positionValue", num(size * (i.kind() == InstrumentKind.INVERSE ? 1 : p.markPrice())));
        g.writeStringField("category", category(i.kind()));
        g.writeStringField("positionStatus", "Normal");
        g.writeStringField("updatedTime", Long.toString(timeMs));
        g.writeBooleanField("isReduceOnly", false);
        g.writeEndObject();
    }

    static void order(JsonGenerator g, Order o, Instrument i, long timeMs) throws IOException {
        double f = i.contractSize();
        g.writeStartObject();
        g.writeStringField("orderId", o.orderId() == null ? "" : o.orderId());
        g.writeStringField("orderLinkId", linkId(o.clientOrderId()));
        g.writeStringField("symbol", i.symbol());
        g.writeStringField("price", num(o.price()));
        g.writeStringField("qty", num(o.qty() * f));
        g.writeStringField("side", o.side() == Side.BUY ? "Buy" : "Sell");
        g.writeNumberField("positionIdx", 0);
        g.writeStringField("orderStatus", status(o));
        g.writeStringField("rejectReason", o.state() == OrderState.REJECTED && o.reason() != null ? o.reason() : "EC_NoError");
        g.writeStringField("leavesQty", num(o.state().terminal() ? 0 : o.remaining() * f));
        g.writeStringField("cumExecQty", num(o.filledQty() * f));
        g.writeStringField("timeInForce", o.type() == OrderType.LIMIT ? "GTC" : "IOC");
        g.writeStringField("orderType", o.type() == OrderType.MARKET ? "Market" : "Limit");
        g.writeStringField("stopOrderType", o.conditional() ? "Stop" : "");
        g.writeBooleanField("reduceOnly", o.reduceOnly());
        g.writeStringField("category", category(i.kind()));
        g.writeStringField("updatedTime", Long.toString(timeMs));
        g.writeEndObject();
    }

    /** The orderLinkId Bybit shows: "" for an order sent without one (the simulator needs an id of its own). */
    static String linkId(String clientOrderId) {
        return clientOrderId == null || clientOrderId.startsWith(GENERATED_ID_PREFIX) ? "" : clientOrderId;
    }

    static String status(Order o) {
        return switch (o.state()) {
            case PENDING, NEW -> o.conditional() ? "Untriggered" : "New";
            case PARTIALLY_FILLED -> "PartiallyFilled";
            case FILLED -> "Filled";
            // Bybit reports an IOC/market remainder as cancelled
            case CANCELED, EXPIRED -> o.filledQty() > 0 ? "PartiallyFilledCanceled" : "Cancelled";
            case REJECTED -> "Rejected";
            case UNKNOWN -> "Created";
        };
    }

    static void execution(JsonGenerator g, Fill f, Instrument i, long timeMs) throws IOException {
        g.writeStartObject();
        g.writeStringField("category", category(i.kind()));
        g.writeStringField("symbol", i.symbol());
        g.writeStringField("execId", f.tradeId());
        g.writeStringField("execPrice", num(f.price()));
        g.writeStringField("execQty", num(f.qty() * i.contractSize()));
        g.writeStringField("execType", "Trade");
        g.writeStringField("orderId", f.orderId() == null ? "" : f.orderId());
        g.writeStringField("orderLinkId", linkId(f.clientOrderId()));
        g.writeStringField("side", f.side() == Side.BUY ? "Buy" : "Sell");
        g.writeStringField("execTime", Long.toString(timeMs));
        g.writeEndObject();
    }

    /** A private-topic push: {@code {"id","topic","creationTime","data":[...]}}. */
    static <T> String push(String id, String topic, long timeMs, List<T> items, ItemWriter<T> item) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("topic", topic);
            g.writeNumberField("creationTime", timeMs);
            g.writeArrayFieldStart("data");
            for (T t : items) {
                item.write(g, t);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
