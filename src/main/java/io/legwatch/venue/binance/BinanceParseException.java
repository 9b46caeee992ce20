package io.legwatch.venue.binance;

/** A Binance message or response that does not have the documented shape. Never carries secrets. */
public final class BinanceParseException extends RuntimeException {
    public BinanceParseException(String message) {
        super(message);
    }

    public BinanceParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
