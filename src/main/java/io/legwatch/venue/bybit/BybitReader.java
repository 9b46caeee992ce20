package io.legwatch.venue.bybit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.venue.net.json.JsonReading;

import java.io.IOException;
import java.util.List;

import static io.legwatch.venue.net.json.JsonReading.number;

/**
 * Streams a Bybit message into a {@link BybitMessage} with Jackson's {@link JsonParser}: one pass,
 * no tree, unknown fields skipped. Thread-safe (the factory is; each call owns its parser).
 */
final class BybitReader {
    private BybitReader() {
    }

    static BybitMessage read(String json) throws IOException {
        return JsonReading.readObject(json, BybitReader::read);
    }

    static BybitMessage read(byte[] json) throws IOException {
        return JsonReading.readObject(json, BybitReader::read);
    }

    private static BybitMessage read(JsonParser p) throws IOException {
        BybitMessage m = new BybitMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "topic" -> m.topic = p.getValueAsString();
                case "op" -> m.op = p.getValueAsString();
                case "success" -> m.success = p.getValueAsBoolean();
                case "retCode" -> m.retCode = p.getValueAsInt();
                case "retMsg", "ret_msg" -> m.retMsg = p.getValueAsString();
                case "req_id" -> m.reqId = p.getValueAsString();
                case "creationTime", "time" -> m.timeMs = p.getValueAsLong();
                case "data" -> readData(p, t, m);
                case "result" -> readResult(p, t, m);
                case "retExtInfo" -> readExtInfo(p, t, m);
                default -> p.skipChildren();
            }
        }
        return m;
    }

    /** WS pushes carry an array of items; WS trade answers an object with a {@code list}. */
    private static void readData(JsonParser p, JsonToken t, BybitMessage m) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            readRows(p, m.rows);
        } else if (t == JsonToken.START_OBJECT) {
            readResult(p, t, m);
        } else {
            p.skipChildren();
        }
    }

    private static void readResult(JsonParser p, JsonToken t, BybitMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "list" -> {
                    if (v == JsonToken.START_ARRAY) {
                        readRows(p, m.rows);
                    } else {
                        p.skipChildren();
                    }
                }
                case "category" -> m.category = p.getValueAsString();
                case "nextPageCursor" -> m.nextPageCursor = p.getValueAsString();
                case "success" -> m.resultSuccess = p.getValueAsString();
                default -> readField(p, name, m.result);
            }
        }
    }

    private static void readExtInfo(JsonParser p, JsonToken t, BybitMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("list".equals(name) && v == JsonToken.START_ARRAY) {
                readRows(p, m.itemErrors);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads an array's objects into rows (items or per-item errors); anything else in it is skipped. */
    private static void readRows(JsonParser p, List<BybitRow> into) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                BybitRow row = new BybitRow();
                readObject(p, row);
                into.add(row);
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readObject(JsonParser p, BybitRow row) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            readField(p, name, row);
        }
    }

    /**
     * Reads the current value of field {@code name} into the row, or skips it. One case per Bybit wire
     * field name (the arms look alike but each names its own field): a string switch keeps the pass free of
     * lookups and allocation.
     */
    private static void readField(JsonParser p, String name, BybitRow r) throws IOException {
        switch (name) {
            case "category" -> r.category = p.getValueAsString();
            case "symbol" -> r.symbol = p.getValueAsString();
            case "side" -> r.side = p.getValueAsString();
            case "size" -> r.size = number(p);
            case "positionIdx" -> r.positionIdx = p.getValueAsInt();
            case "markPrice" -> r.markPrice = number(p);
            case "avgPrice", "entryPrice" -> r.avgPrice = number(p);
            case "delta" -> r.delta = number(p);
            case "updatedTime" -> r.updatedTime = p.getValueAsLong();
            case "orderId" -> r.orderId = p.getValueAsString();
            case "orderLinkId" -> r.orderLinkId = p.getValueAsString();
            case "orderType" -> r.orderType = p.getValueAsString();
            case "timeInForce" -> r.timeInForce = p.getValueAsString();
            case "qty" -> r.qty = number(p);
            case "cumExecQty" -> r.cumExecQty = number(p);
            case "price" -> r.price = number(p);
            case "reduceOnly" -> r.reduceOnly = p.getValueAsBoolean();
            case "stopOrderType" -> r.stopOrderType = p.getValueAsString();
            case "orderStatus" -> r.orderStatus = p.getValueAsString();
            case "rejectReason" -> r.rejectReason = p.getValueAsString();
            case "execId" -> r.execId = p.getValueAsString();
            case "execQty" -> r.execQty = number(p);
            case "execPrice" -> r.execPrice = number(p);
            case "execType" -> r.execType = p.getValueAsString();
            case "execTime" -> r.execTime = p.getValueAsLong();
            case "contractType" -> r.contractType = p.getValueAsString();
            case "status" -> r.status = p.getValueAsString();
            case "baseCoin" -> r.baseCoin = p.getValueAsString();
            case "settleCoin" -> r.settleCoin = p.getValueAsString();
            case "qtyStep" -> r.qtyStep = number(p);
            case "basePrecision" -> r.basePrecision = number(p);
            case "code" -> r.code = p.getValueAsInt();
            case "msg" -> r.msg = p.getValueAsString();
            case "lotSizeFilter" -> {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    readObject(p, r);
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
    }
}
