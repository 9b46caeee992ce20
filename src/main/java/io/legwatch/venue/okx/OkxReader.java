package io.legwatch.venue.okx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Streams an OKX message into an {@link OkxMessage} with Jackson's {@link JsonParser}: one pass,
 * no tree, unknown fields skipped. {@code balance_and_position} nests its positions in
 * {@code data[].posData[]}; those become rows too.
 */
final class OkxReader {
    private static final JsonFactory FACTORY = new JsonFactory();

    private OkxReader() {
    }

    static OkxMessage read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p);
        }
    }

    static OkxMessage read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return read(p);
        }
    }

    private static OkxMessage read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object");
        }
        OkxMessage m = new OkxMessage();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "event" -> m.event = p.getValueAsString();
                case "code" -> m.code = p.getValueAsString();
                case "msg" -> m.msg = p.getValueAsString();
                case "op" -> m.op = p.getValueAsString();
                case "arg" -> readArg(p, t, m);
                case "data" -> {
                    if (t == JsonToken.START_ARRAY) {
                        readRows(p, m);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return m;
    }

    private static void readArg(JsonParser p, JsonToken t, OkxMessage m) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if ("channel".equals(name)) {
                m.channel = p.getValueAsString();
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readRows(JsonParser p, OkxMessage m) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                OkxRow row = new OkxRow();
                boolean nested = readObject(p, row, m);
                if (!nested) {
                    m.rows.add(row);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads one item; returns true when it was a container whose {@code posData} rows were added instead. */
    private static boolean readObject(JsonParser p, OkxRow r, OkxMessage m) throws IOException {
        boolean nested = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("posData".equals(name) && t == JsonToken.START_ARRAY) {
                readRows(p, m);
                nested = true;
            } else {
                readField(p, name, r);
            }
        }
        return nested;
    }

    private static void readField(JsonParser p, String name, OkxRow r) throws IOException {
        switch (name) {
            case "instId" -> r.instId = p.getValueAsString();
            case "instType" -> r.instType = p.getValueAsString();
            case "posSide" -> r.posSide = p.getValueAsString();
            case "pos" -> r.pos = num(p);
            case "posCcy" -> r.posCcy = p.getValueAsString();
            case "markPx" -> r.markPx = num(p);
            case "idxPx" -> r.idxPx = num(p);
            case "deltaPA" -> r.deltaPA = num(p);
            case "mgnMode" -> r.mgnMode = p.getValueAsString();
            case "liab" -> r.liab = num(p);
            case "liabCcy" -> r.liabCcy = p.getValueAsString();
            case "uTime" -> r.uTime = p.getValueAsLong();
            case "ordId" -> r.ordId = p.getValueAsString();
            case "clOrdId" -> r.clOrdId = p.getValueAsString();
            case "algoId" -> r.algoId = p.getValueAsString();
            case "algoClOrdId" -> r.algoClOrdId = p.getValueAsString();
            case "side" -> r.side = p.getValueAsString();
            case "ordType" -> r.ordType = p.getValueAsString();
            case "sz" -> r.sz = num(p);
            case "accFillSz" -> r.accFillSz = num(p);
            case "px" -> r.px = num(p);
            case "ordPx" -> r.ordPx = num(p);
            case "reduceOnly" -> r.reduceOnly = p.getValueAsBoolean();
            case "state" -> r.state = p.getValueAsString();
            case "fillSz" -> r.fillSz = num(p);
            case "fillPx" -> r.fillPx = num(p);
            case "tradeId" -> r.tradeId = p.getValueAsString();
            case "fillTime" -> r.fillTime = p.getValueAsLong();
            case "sCode" -> r.sCode = p.getValueAsString();
            case "sMsg" -> r.sMsg = p.getValueAsString();
            case "result" -> r.result = p.getValueAsBoolean();
            case "ctVal" -> r.ctVal = num(p);
            case "ctMult" -> r.ctMult = num(p);
            case "ctValCcy" -> r.ctValCcy = p.getValueAsString();
            case "ctType" -> r.ctType = p.getValueAsString();
            case "lotSz" -> r.lotSz = num(p);
            case "baseCcy" -> r.baseCcy = p.getValueAsString();
            case "settleCcy" -> r.settleCcy = p.getValueAsString();
            case "instFamily" -> r.instFamily = p.getValueAsString();
            case "uly" -> r.uly = p.getValueAsString();
            default -> p.skipChildren();
        }
    }

    /** OKX sends numbers as strings, often empty: empty is NaN. */
    private static double num(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IOException("not a number: " + s, e);
            }
        }
        p.skipChildren();
        return Double.NaN;
    }
}
