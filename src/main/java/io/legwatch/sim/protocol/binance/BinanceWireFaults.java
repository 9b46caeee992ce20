package io.legwatch.sim.protocol.binance;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of the Binance front end's wire, on top of the simulator core's own (disconnect, silence,
 * rejections, delays). Thread-safe; each switch takes effect on the next request or stream message.
 */
public final class BinanceWireFaults {
    private final AtomicInteger rateLimitNext = new AtomicInteger();
    private final AtomicInteger banNext = new AtomicInteger();
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private final AtomicInteger reorderNext = new AtomicInteger();
    private final AtomicBoolean refuseStreams = new AtomicBoolean();
    private final BinanceStreamHub hub;

    BinanceWireFaults(BinanceStreamHub hub) {
        this.hub = hub;
    }

    /** The next {@code n} REST requests answer HTTP 429 with Binance's -1003 payload and a Retry-After. */
    public void rateLimitNext(int n) {
        rateLimitNext.set(n);
    }

    /** The next {@code n} REST requests answer HTTP 418 (IP banned) with Binance's -1003 payload. */
    public void banNext(int n) {
        banNext.set(n);
    }

    /** Sends one malformed (truncated) JSON text frame on every user stream. */
    public void sendMalformed() {
        hub.broadcastRaw("{\"e\":\"ACCOUNT_UPDATE\",\"E\":1564745798939,\"a\":{\"P\":[{\"s\":\"BTCUSDT\",\"pa\":");
    }

    /** Sends {@code text} verbatim on every user stream (e.g. an unknown event type). */
    public void sendRaw(String text) {
        hub.broadcastRaw(text);
    }

    /** The next {@code n} stream events are each sent twice. */
    public void duplicateNext(int n) {
        duplicateNext.set(n);
    }

    /** The next {@code n} pairs of stream events are sent in swapped order. */
    public void reorderNext(int n) {
        reorderNext.set(n);
    }

    /** Drops every user-stream socket at once (TCP closed, no close frame); clients may reconnect. */
    public void dropStreams() {
        hub.dropAll();
    }

    /** While true, WebSocket upgrades are refused (HTTP 503) and open streams are dropped; REST keeps working. */
    public void refuseStreams(boolean refuse) {
        refuseStreams.set(refuse);
        if (refuse) {
            hub.dropAll();
        }
    }

    /** Expires the account's listenKey now: pushes {@code listenKeyExpired} and forgets the key. */
    public void expireListenKey() {
        hub.expireListenKey();
    }

    boolean takeRateLimit() {
        return take(rateLimitNext);
    }

    boolean takeBan() {
        return take(banNext);
    }

    boolean takeDuplicate() {
        return take(duplicateNext);
    }

    boolean takeReorder() {
        return take(reorderNext);
    }

    boolean streamsRefused() {
        return refuseStreams.get();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
