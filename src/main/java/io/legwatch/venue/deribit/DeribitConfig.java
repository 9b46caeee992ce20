package io.legwatch.venue.deribit;

import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.Credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One Deribit account connection.
 *
 * @param wsUrl          JSON-RPC WebSocket, e.g. {@code wss://www.deribit.com/ws/api/v2}
 * @param restUrl        REST base for the polling fallback while the stream is down
 *                       (e.g. {@code https://www.deribit.com}), or null for none
 * @param authMode       how {@code public/auth} proves the key
 * @param tradingEnabled false = monitor-only: {@link DeribitConnector#orders()} is empty
 * @param currencies     currencies whose positions/orders are watched, e.g. {@code [BTC, ETH]}
 * @param heartbeat      {@code public/set_heartbeat} interval (Deribit's minimum is 10 s)
 * @param staleAfter     silence reported as STALE; should exceed the heartbeat interval
 * @param deadAfter      silence after which the socket is dropped and reconnected
 * @param requestTimeout per JSON-RPC call
 * @param pollInterval   REST polling period while the stream is down
 */
public record DeribitConfig(VenueId venue, String wsUrl, String restUrl, Credentials credentials, AuthMode authMode,
                            boolean tradingEnabled, List<String> currencies, Duration heartbeat, Duration staleAfter,
                            Duration deadAfter, Duration requestTimeout, Duration pollInterval) {

    public enum AuthMode {
        /** Sends client_id and client_secret (the secret crosses the TLS connection). */
        CLIENT_CREDENTIALS,
        /** Sends an HMAC of timestamp + nonce; the secret never leaves this machine. */
        CLIENT_SIGNATURE
    }

    public static final String PRODUCTION_WS = "wss://www.deribit.com/ws/api/v2";
    public static final String PRODUCTION_REST = "https://www.deribit.com";
    public static final String TESTNET_WS = "wss://test.deribit.com/ws/api/v2";
    public static final String TESTNET_REST = "https://test.deribit.com";

    public DeribitConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(wsUrl, "wsUrl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authMode, "authMode");
        currencies = List.copyOf(currencies);
        if (currencies.isEmpty()) {
            throw new IllegalArgumentException(venue + ": at least one currency to watch");
        }
        if (heartbeat.toSeconds() < 10) {
            throw new IllegalArgumentException(venue + ": Deribit heartbeat interval must be >= 10 s");
        }
    }

    /** Defaults: signature auth, 10 s heartbeat, STALE after 25 s, reconnect after 45 s, 10 s requests, 5 s polling. */
    public static DeribitConfig of(VenueId venue, String wsUrl, String restUrl, Credentials credentials,
                                   boolean tradingEnabled, List<String> currencies) {
        return new DeribitConfig(venue, wsUrl, restUrl, credentials, AuthMode.CLIENT_SIGNATURE, tradingEnabled,
                currencies, Duration.ofSeconds(10), Duration.ofSeconds(25), Duration.ofSeconds(45),
                Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    public static DeribitConfig production(VenueId venue, Credentials credentials, boolean tradingEnabled,
                                           List<String> currencies) {
        return of(venue, PRODUCTION_WS, PRODUCTION_REST, credentials, tradingEnabled, currencies);
    }

    public static DeribitConfig testnet(VenueId venue, Credentials credentials, boolean tradingEnabled,
                                        List<String> currencies) {
        return of(venue, TESTNET_WS, TESTNET_REST, credentials, tradingEnabled, currencies);
    }

    /** The loopback simulator front end: plain ws:// and http:// on 127.0.0.1. */
    public static DeribitConfig loopback(VenueId venue, int port, Credentials credentials, boolean tradingEnabled,
                                         List<String> currencies) {
        return of(venue, "ws://127.0.0.1:" + port + "/ws/api/v2", "http://127.0.0.1:" + port, credentials,
                tradingEnabled, currencies);
    }

    public DeribitConfig withAuthMode(AuthMode mode) {
        return new DeribitConfig(venue, wsUrl, restUrl, credentials, mode, tradingEnabled, currencies, heartbeat,
                staleAfter, deadAfter, requestTimeout, pollInterval);
    }

    public DeribitConfig withTimings(Duration heartbeat, Duration staleAfter, Duration deadAfter,
                                     Duration requestTimeout, Duration pollInterval) {
        return new DeribitConfig(venue, wsUrl, restUrl, credentials, authMode, tradingEnabled, currencies, heartbeat,
                staleAfter, deadAfter, requestTimeout, pollInterval);
    }

    @Override
    public String toString() {
        return "DeribitConfig[" + venue + " " + wsUrl + ", " + credentials + ", " + authMode
                + (tradingEnabled ? ", trading" : ", monitor-only") + ", " + currencies + "]";
    }
}
