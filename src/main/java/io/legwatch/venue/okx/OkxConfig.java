package io.legwatch.venue.okx;

import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how an {@link OkxConnector} talks to OKX v5.
 *
 * @param venue           the account's id in Legwatch
 * @param restBaseUrl     {@code https://www.okx.com}, or the loopback simulator's {@code http://127.0.0.1:port}
 * @param privateWsUrl    {@code wss://ws.okx.com:8443/ws/v5/private} (demo: {@code wss://wspap.okx.com:8443/ws/v5/private})
 * @param demo            demo trading: every REST call carries {@code x-simulated-trading: 1}
 * @param instTypes       instrument types loaded from /api/v5/public/instruments (SPOT covers MARGIN ids)
 * @param optionFamilies  OPTION instruments are listed per family (e.g. BTC-USD): which ones to load
 * @param pingInterval    OKX closes a connection idle for 30 s; a text {@code ping} goes out this often
 * @param staleAfter      silence after which the stream is STALE (pongs count)
 * @param deadAfter       silence after which the socket is dropped and reconnected
 * @param pollInterval    REST polling period while the stream is down
 * @param defaultTdMode   trade mode for a derivative order when no position tells us (cross or isolated)
 * @param trading         false for a monitor-only account: no order path exists
 */
public record OkxConfig(VenueId venue, String restBaseUrl, String privateWsUrl, boolean demo, List<String> instTypes,
                        List<String> optionFamilies, Duration pingInterval, Duration staleAfter, Duration deadAfter,
                        Duration pollInterval, String defaultTdMode, boolean trading) {

    public OkxConfig {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restBaseUrl, "restBaseUrl");
        Objects.requireNonNull(privateWsUrl, "privateWsUrl");
        instTypes = List.copyOf(instTypes);
        optionFamilies = List.copyOf(optionFamilies);
        Objects.requireNonNull(defaultTdMode, "defaultTdMode");
    }

    public static OkxConfig production(VenueId venue, boolean trading) {
        return of(venue, "https://www.okx.com", "wss://ws.okx.com:8443/ws/v5/private", false, trading);
    }

    /** OKX demo trading: same REST host with the simulated-trading header, its own WebSocket host. */
    public static OkxConfig demo(VenueId venue, boolean trading) {
        return of(venue, "https://www.okx.com", "wss://wspap.okx.com:8443/ws/v5/private", true, trading);
    }

    /** The simulator's OKX front end on 127.0.0.1 (plain http/ws). */
    public static OkxConfig loopback(VenueId venue, int port, boolean trading) {
        return of(venue, "http://127.0.0.1:" + port, "ws://127.0.0.1:" + port + "/ws/v5/private", false, trading);
    }

    private static OkxConfig of(VenueId venue, String rest, String ws, boolean demo, boolean trading) {
        return new OkxConfig(venue, rest, ws, demo, List.of("SPOT", "SWAP", "FUTURES"), List.of("BTC-USD", "ETH-USD"),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(5), "cross",
                trading);
    }

    public OkxConfig withTimings(Duration ping, Duration stale, Duration dead, Duration poll) {
        return new OkxConfig(venue, restBaseUrl, privateWsUrl, demo, instTypes, optionFamilies, ping, stale, dead, poll,
                defaultTdMode, trading);
    }

    public OkxConfig withInstruments(List<String> types, List<String> families) {
        return new OkxConfig(venue, restBaseUrl, privateWsUrl, demo, types, families, pingInterval, staleAfter,
                deadAfter, pollInterval, defaultTdMode, trading);
    }
}
