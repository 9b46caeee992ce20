package io.legwatch.venue.net.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Streaming entry point and value readers for venues that send one JSON object per message and
 * numbers as strings (Bybit, OKX). Thread-safe (the factory is; each call owns its parser) and
 * allocation-free beyond the parser itself: pass a non-capturing reader (a method reference to a
 * static method) so that no lambda is allocated per message.
 */
public final class JsonReading {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReading() {
    }

    /** Reads the fields of one top-level object; called with the parser on its START_OBJECT. */
    @FunctionalInterface
    public interface ObjectReader<T> {
        T read(JsonParser p) throws IOException;
    }

    public static <T> T readObject(String json, ObjectReader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readObject(p, reader);
        }
    }

    public static <T> T readObject(byte[] json, ObjectReader<T> reader) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readObject(p, reader);
        }
    }

    private static <T> T readObject(JsonParser p, ObjectReader<T> reader) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("expected a JSON object");
        }
        return reader.read(p);
    }

    /**
     * The current value as a double: a JSON number, or a string holding one (these venues send
     * numbers as strings, often empty); empty, absent or not a scalar is NaN. A string that is not a
     * number is an error, not a NaN, so a malformed message is reported rather than read as "unknown".
     */
    public static double number(JsonParser p) throws IOException {
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
