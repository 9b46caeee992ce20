package io.legwatch.venue.net.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Builds request bodies and WebSocket frames as strings. The string built is the one signed and
 * sent, so a signature always covers the bytes on the wire.
 */
public final class JsonWriting {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriting() {
    }

    /** Writes one JSON value with the generator it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    public static String json(Writer w) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Decimal text without exponent or trailing zeros: 0.5 -> "0.5", 300.0 -> "300". */
    public static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
