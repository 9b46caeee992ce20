package io.legwatch.sim.protocol.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes wire JSON for venues that send numbers as strings (Bybit, OKX). */
public final class WireJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private WireJson() {
    }

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one item of a list. */
    @FunctionalInterface
    public interface ItemWriter<T> {
        void write(JsonGenerator g, T t) throws IOException;
    }

    public static String json(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A number as the venues' decimal string (at most 10 decimals, no exponent); NaN or infinite is "". */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
