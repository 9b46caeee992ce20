package io.legwatch.venue.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Value readers for Binance's wire habits: decimals and sometimes timestamps arrive as JSON strings
 * ("0.001", and {@code E} of listenKeyExpired is "1736996475556"), booleans as true/false or "true".
 */
final class Json {
    private Json() {
    }

    static double doubleValue(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> {
                String s = p.getText();
                if (s.isEmpty()) {
                    yield Double.NaN;
                }
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new BinanceParseException("not a number: \"" + abbreviate(s) + "\" at " + p.currentName());
                }
            }
            case VALUE_NULL -> Double.NaN;
            default -> throw new BinanceParseException("expected a number at " + p.currentName() + ", got " + t);
        };
    }

    static long longValue(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_STRING -> {
                try {
                    yield Long.parseLong(p.getText().trim());
                } catch (NumberFormatException e) {
                    throw new BinanceParseException("not an integer: \"" + abbreviate(p.getText()) + "\" at "
                            + p.currentName());
                }
            }
            case VALUE_NULL -> 0;
            default -> throw new BinanceParseException("expected an integer at " + p.currentName() + ", got " + t);
        };
    }

    static boolean booleanValue(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_STRING -> Boolean.parseBoolean(p.getText());
            default -> throw new BinanceParseException("expected a boolean at " + p.currentName() + ", got " + t);
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
