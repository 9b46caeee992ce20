package io.legwatch.venue.net;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link WsSession} connects and watches its stream.
 *
 * @param name          short name for thread names and logs, e.g. {@code deribit-main}
 * @param url           where to connect; asked again before every attempt, because some venues hand
 *                      out per-session URLs (Binance listenKey). May block or throw: a throw counts
 *                      as a failed attempt and is retried with backoff.
 * @param staleAfter    silence after which the stream is reported STALE
 * @param deadAfter     silence after which the socket is presumed half-open, dropped and reconnected
 * @param resyncTimeout how long the connect hook (auth, subscribe, snapshot) may take before the
 *                      attempt is abandoned and retried
 * @param pingInterval  how often to send {@code pingMessage}, or null for venues whose server drives the
 *                      heartbeat (Deribit)
 * @param pingMessage   the application-level ping text (Bybit {@code {"op":"ping"}}, OKX {@code ping})
 */
public record WsSessionConfig(String name, UrlSource url, Duration staleAfter, Duration deadAfter,
                              Duration resyncTimeout, Duration pingInterval, Supplier<String> pingMessage) {

    /** Produces the URL for the next connection attempt. */
    @FunctionalInterface
    public interface UrlSource {
        String next() throws Exception;
    }

    public WsSessionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(deadAfter, "deadAfter");
        Objects.requireNonNull(resyncTimeout, "resyncTimeout");
        if ((pingInterval == null) != (pingMessage == null)) {
            throw new IllegalArgumentException("pingInterval and pingMessage go together");
        }
    }

    /** Defaults: STALE after 10 s of silence, reconnect after 30 s, 15 s to resync, no client ping. */
    public static WsSessionConfig of(String name, UrlSource url) {
        return new WsSessionConfig(name, url, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                null, null);
    }

    public WsSessionConfig withStaleness(Duration staleAfter, Duration deadAfter) {
        return new WsSessionConfig(name, url, staleAfter, deadAfter, resyncTimeout, pingInterval, pingMessage);
    }

    public WsSessionConfig withResyncTimeout(Duration timeout) {
        return new WsSessionConfig(name, url, staleAfter, deadAfter, timeout, pingInterval, pingMessage);
    }

    public WsSessionConfig withPing(Duration interval, Supplier<String> message) {
        return new WsSessionConfig(name, url, staleAfter, deadAfter, resyncTimeout, interval, message);
    }
}
