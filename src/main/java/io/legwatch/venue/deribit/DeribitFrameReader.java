package io.legwatch.venue.deribit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one Deribit frame into a {@link DeribitFrame} with Jackson's {@link JsonParser}: one pass,
 * no tree, no data binding on the notification path, unknown fields skipped. Values are accepted as
 * the bound records accepted them (numbers also as numeric strings, null or {@code ""} as absent); a
 * value of the wrong shape in a field we use is a {@link BadValueException}. Thread-safe.
 */
final class DeribitFrameReader {
    /**
     * Jackson's fast double parser rounds exactly as {@link Double#parseDouble} does and, unlike it,
     * allocates nothing per number: 2.2 instead of 2.5 KB per user.changes frame (JMH -prof gc; its CPU
     * effect was below this machine's noise).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /** A field we use holds a value of the wrong shape (an object for a string, a word for a number). */
    static final class BadValueException extends Exception {
        BadValueException(String message) {
            super(message);
        }
    }

    private DeribitFrameReader() {
    }

    /**
     * Reads a whole frame. {@link IOException}: not JSON, or not a JSON-RPC envelope.
     * {@link BadValueException}: see {@link DeribitFrame#readingData} for where it was.
     */
    static void read(String text, DeribitFrame f) throws IOException, BadValueException {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> f.id = boxedLong(p, t);
                    case "method" -> f.method = text(p, t);
                    case "params" -> params(p, t, f);
                    case "result" -> f.result = t == JsonToken.VALUE_NULL ? null : buffer(p);
                    case "error" -> f.error = t == JsonToken.VALUE_NULL ? null
                            : DeribitJson.MAPPER.readValue(p, DeribitWire.RpcError.class);
                    case "usIn" -> f.usIn = boxedLong(p, t);
                    case "usOut" -> f.usOut = boxedLong(p, t);
                    case "testnet" -> f.testnet = t == JsonToken.VALUE_NULL ? null : bool(p, t);
                    default -> p.skipChildren();
                }
            }
        }
        if (f.bufferedData != null && f.isSubscription() && f.channel != null) {
            try (JsonParser p = f.bufferedData.asParser()) {
                data(p, p.nextToken(), f);
            }
        }
    }

    private static void params(JsonParser p, JsonToken t, DeribitFrame f) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NULL) {
            f.hasParams = false;
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new IOException("params is not an object");
        }
        f.hasParams = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "channel" -> f.channel = text(p, v);
                case "type" -> f.type = text(p, v);
                case "data" -> {
                    f.clearData();
                    f.hasData = v != JsonToken.VALUE_NULL;
                    if (!f.hasData) {
                        continue;
                    }
                    if (f.isSubscription() && f.channel != null) {
                        data(p, v, f);
                    } else {
                        f.bufferedData = buffer(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static TokenBuffer buffer(JsonParser p) throws IOException {
        TokenBuffer b = new TokenBuffer(p);
        b.copyCurrentStructure(p);
        return b;
    }

    // ---- params.data, by channel ----

    private static void data(JsonParser p, JsonToken t, DeribitFrame f) throws IOException, BadValueException {
        f.readingData = true;
        switch (DeribitFrame.Channel.of(f.channel)) {
            case CHANGES -> changes(p, t, f);
            case ORDERS -> f.orders = oneOrMany(p, t, DeribitFrameReader::order);
            case TRADES -> f.trades = oneOrMany(p, t, DeribitFrameReader::trade);
            case TICKER -> {
                expectObject(t, "ticker data");
                f.ticker = ticker(p);
            }
            case PORTFOLIO -> {
                expectObject(t, "portfolio data");
                portfolio(p);
            }
            case OTHER -> p.skipChildren();
        }
        f.readingData = false;
    }

    /** user.changes: everything one matching event changed on one instrument. */
    private static void changes(JsonParser p, JsonToken t, DeribitFrame f) throws IOException, BadValueException {
        expectObject(t, "user.changes data");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "orders" -> f.orders = list(p, v, DeribitFrameReader::order);
                case "trades" -> f.trades = list(p, v, DeribitFrameReader::trade);
                case "positions" -> f.positions = list(p, v, DeribitFrameReader::position);
                default -> p.skipChildren();
            }
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        /** Reads the object the parser is at (current token START_OBJECT). */
        T read(JsonParser p) throws IOException, BadValueException;
    }

    /** A raw channel pushes one object, an aggregated one an array. */
    private static <T> List<T> oneOrMany(JsonParser p, JsonToken t, RowReader<T> reader)
            throws IOException, BadValueException {
        if (t == JsonToken.START_OBJECT) {
            List<T> one = new ArrayList<>(1);
            one.add(reader.read(p));
            return one;
        }
        return list(p, t, reader);
    }

    private static <T> List<T> list(JsonParser p, JsonToken t, RowReader<T> reader) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw new BadValueException("expected an array, got " + t);
        }
        List<T> rows = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            rows.add(reader.read(p));
        }
        return rows;
    }

    private static void expectObject(JsonToken t, String what) throws BadValueException {
        if (t != JsonToken.START_OBJECT) {
            throw new BadValueException(what + " is not an object: " + t);
        }
    }

    private static DeribitRows.OrderRow order(JsonParser p) throws IOException, BadValueException {
        expectObject(p.currentToken(), "order");
        DeribitRows.OrderRow r = new DeribitRows.OrderRow();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "order_id" -> r.orderId = text(p, v);
                case "label" -> r.label = text(p, v);
                case "instrument_name" -> r.instrumentName = text(p, v);
                case "direction" -> r.direction = text(p, v);
                case "order_type" -> r.orderType = text(p, v);
                case "order_state" -> r.orderState = text(p, v);
                case "amount" -> r.amount = num(p, v);
                case "filled_amount" -> r.filledAmount = num(p, v);
                case "price" -> r.price = price(p, v);
                case "reduce_only" -> r.reduceOnly = bool(p, v);
                case "time_in_force" -> r.timeInForce = text(p, v);
                case "last_update_timestamp" -> r.lastUpdateTimestamp = lng(p, v);
                case "trigger" -> r.trigger = text(p, v);
                case "cancel_reason" -> r.cancelReason = text(p, v);
                case "reject_reason" -> r.rejectReason = text(p, v);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    private static DeribitRows.TradeRow trade(JsonParser p) throws IOException, BadValueException {
        expectObject(p.currentToken(), "trade");
        DeribitRows.TradeRow r = new DeribitRows.TradeRow();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "trade_id" -> r.tradeId = text(p, v);
                case "order_id" -> r.orderId = text(p, v);
                case "label" -> r.label = text(p, v);
                case "instrument_name" -> r.instrumentName = text(p, v);
                case "direction" -> r.direction = text(p, v);
                case "amount" -> r.amount = num(p, v);
                case "price" -> r.price = num(p, v);
                case "timestamp" -> r.timestamp = lng(p, v);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    private static DeribitRows.PositionRow position(JsonParser p) throws IOException, BadValueException {
        expectObject(p.currentToken(), "position");
        DeribitRows.PositionRow r = new DeribitRows.PositionRow();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "instrument_name" -> r.instrumentName = text(p, v);
                case "size" -> r.size = num(p, v);
                case "direction" -> r.direction = text(p, v);
                case "mark_price" -> r.markPrice = num(p, v);
                case "index_price" -> r.indexPrice = num(p, v);
                case "delta" -> r.delta = num(p, v);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    private static DeribitRows.TickerRow ticker(JsonParser p) throws IOException, BadValueException {
        DeribitRows.TickerRow r = new DeribitRows.TickerRow();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "instrument_name" -> r.instrumentName = text(p, v);
                case "mark_price" -> r.markPrice = num(p, v);
                case "index_price" -> r.indexPrice = num(p, v);
                case "timestamp" -> r.timestamp = lng(p, v);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    /** user.portfolio carries no state we keep; its fields are checked so an unreadable one is reported. */
    private static void portfolio(JsonParser p) throws IOException, BadValueException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "currency" -> text(p, v);
                case "delta_total", "equity", "margin_balance" -> num(p, v);
                default -> p.skipChildren();
            }
        }
    }

    // ---- values ----

    /** A scalar as text (numbers and booleans as written); null for null. */
    private static String text(JsonParser p, JsonToken t) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getValueAsString();
        }
        throw new BadValueException("expected text for " + p.currentName() + ", got " + t);
    }

    /** A number, or a numeric string; NaN for null or {@code ""}. */
    private static double num(JsonParser p, JsonToken t) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return Double.NaN;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new BadValueException("not a number in " + p.currentName() + ": " + s);
            }
        }
        throw new BadValueException("expected a number for " + p.currentName() + ", got " + t);
    }

    /** An order price: a number, or a word ({@code "market_price"}) meaning none (NaN). */
    private static double price(JsonParser p, JsonToken t) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        return DeribitMapping.price(text(p, t));
    }

    /** A timestamp in ms (a fraction is cut off); 0 for null or {@code ""}. */
    private static long lng(JsonParser p, JsonToken t) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.isEmpty()) {
                return 0;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new BadValueException("not an integer in " + p.currentName() + ": " + s);
            }
        }
        throw new BadValueException("expected an integer for " + p.currentName() + ", got " + t);
    }

    /** Like {@link #lng}, but null for null or {@code ""} (envelope ids and times). */
    private static Long boxedLong(JsonParser p, JsonToken t) throws IOException, BadValueException {
        if (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getText().isBlank())) {
            return null;
        }
        return lng(p, t);
    }

    private static boolean bool(JsonParser p, JsonToken t) throws IOException, BadValueException {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_NUMBER_INT -> p.getLongValue() != 0;
            case VALUE_STRING -> {
                String s = p.getText().trim();
                if (s.isEmpty() || s.equalsIgnoreCase("false")) {
                    yield false;
                }
                if (s.equalsIgnoreCase("true")) {
                    yield true;
                }
                throw new BadValueException("not a boolean in " + p.currentName() + ": " + s);
            }
            default -> throw new BadValueException("expected a boolean for " + p.currentName() + ", got " + t);
        };
    }
}
