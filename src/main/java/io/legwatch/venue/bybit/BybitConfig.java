package io.legwatch.venue.bybit;

import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a {@link BybitConnector} talks to Bybit v5.
 *
 * @param venue         the account's id in Legwatch
 * @param restBaseUrl   e.g. {@code https://api.bybit.com}, or the loopback simulator's {@code http://127.0.0.1:port}
 * @param privateWsUrl  e.g. {@code wss://stream.bybit.com/v5/private}
 * @param scopes        which categories (and settle coins) hold the account's positions and orders
 * @param recvWindowMs  how long a signed request stays valid (X-BAPI-RECV-WINDOW)
 * @param pingInterval  Bybit drops a private stream without pings; the docs advise one every 20 s
 * @param staleAfter    silence after which the stream is reported STALE (must exceed pingInterval: pongs count)
 * @param deadAfter     silence after which the socket is dropped and reconnected
 * @param pollInterval  REST polling period while the stream is down
 * @param dcpProduct    the DCP product armed by {@code armDeadMan}: DERIVATIVES, SPOT or OPTIONS
 * @param trading       false for a monitor-only account: no order path exists
 */
public record BybitConfig(VenueId venue, String restBaseUrl, String privateWsUrl, List<Scope> scopes,
                          long recvWindowMs, Duration pingInterval, Duration staleAfter, Duration deadAfter,
                          Duration pollInterval, String dcpProduct, boolean trading) {

    /** One (category, settle coin) pair queried for positions and orders; settleCoin may be null (inverse). */
    public record Scope(String category, String settleCoin) {
        public Scope {
            Objects.requireNonNull(category, "category");
        }
    }

    public static final List<Scope> DEFAULT_SCOPES = List.of(new Scope("linear", "USDT"), new Scope("linear", "USDC"),
            new Scope("inverse", null));

    public BybitConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(privateWsUrl, "privateWsUrl");
        scopes = List.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("at least one scope");
        }
    }

    public static BybitConfig production(VenueId venue, boolean trading) {
        return of(venue, "https://api.bybit.com", "wss://stream.bybit.com/v5/private", trading);
    }

    public static BybitConfig testnet(VenueId venue, boolean trading) {
        return of(venue, "https://api-testnet.bybit.com", "wss://stream-testnet.bybit.com/v5/private", trading);
    }

    /** The simulator's Bybit front end on 127.0.0.1 (plain http/ws). */
    public static BybitConfig loopback(VenueId venue, int port, boolean trading) {
        return of(venue, "http://127.0.0.1:" + port, "ws://127.0.0.1:" + port + "/v5/private", trading);
    }

    private static BybitConfig of(VenueId venue, String rest, String ws, boolean trading) {
        return new BybitConfig(venue, rest, ws, DEFAULT_SCOPES, 5000, Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(5), "DERIVATIVES", trading);
    }

    public BybitConfig withScopes(List<Scope> newScopes) {
        return new BybitConfig(venue, restBaseUrl, privateWsUrl, newScopes, recvWindowMs, pingInterval, staleAfter,
                deadAfter, pollInterval, dcpProduct, trading);
    }

    public BybitConfig withTimings(Duration ping, Duration stale, Duration dead, Duration poll) {
        return new BybitConfig(venue, restBaseUrl, privateWsUrl, scopes, recvWindowMs, ping, stale, dead, poll,
                dcpProduct, trading);
    }

    /** The {@code dcp} topic that makes DCP effective for the configured product. */
    String dcpTopic() {
        return switch (dcpProduct) {
            case "SPOT" -> "dcp.spot";
            case "OPTIONS" -> "dcp.option";
            default -> "dcp.future";
        };
    }
}
