package io.legwatch.venue.binance;

import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.Objects;

/**
 * How one Binance USD-M connector connects and paces itself.
 *
 * @param restBase          e.g. {@code https://fapi.binance.com}, {@code https://testnet.binancefuture.com},
 *                          or the simulator's {@code http://127.0.0.1:port}
 * @param wsBase            the user-stream base without the listenKey, e.g. {@code wss://fstream.binance.com/ws}
 * @param recvWindowMs      how long after {@code timestamp} Binance may still accept a signed request
 * @param keepAlive         listenKey keep-alive period (Binance expires a key after 60 min without one)
 * @param maxConnectionAge  reconnect (with a fresh listenKey) before Binance cuts the stream at 24 h
 * @param probeInterval     how often a {@code LIST_SUBSCRIPTIONS} request checks the stream answers; the user
 *                          stream is silent while nothing happens on the account, so silence alone proves nothing
 * @param staleAfter        no frame at all for this long: STALE
 * @param deadAfter         no frame for this long: presumed half-open, dropped and reconnected
 * @param resyncTimeout     listenKey + snapshot must complete within this after a connect
 * @param pollInterval      REST polling period while the stream is down (DEGRADED); each poll costs ~50 weight
 * @param monitorOnly       no order path at all
 */
public record BinanceConnectorSettings(VenueId venue, String restBase, String wsBase, long recvWindowMs,
                                       Duration keepAlive, Duration maxConnectionAge, Duration probeInterval,
                                       Duration staleAfter, Duration deadAfter, Duration resyncTimeout,
                                       Duration pollInterval, boolean monitorOnly) {
    public BinanceConnectorSettings {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(restBase, "restBase");
        Objects.requireNonNull(wsBase, "wsBase");
        if (recvWindowMs <= 0 || recvWindowMs > 60_000) {
            throw new IllegalArgumentException("recvWindow must be in (0, 60000] ms, was " + recvWindowMs);
        }
        if (!(probeInterval.compareTo(staleAfter) < 0 && staleAfter.compareTo(deadAfter) < 0)) {
            throw new IllegalArgumentException("need probeInterval < staleAfter < deadAfter");
        }
    }

    /** Production pacing: keep-alive every 30 min, reconnect at 23 h 30 min, probe every 15 s. */
    public static BinanceConnectorSettings of(VenueId venue, String restBase, String wsBase, boolean monitorOnly) {
        return new BinanceConnectorSettings(venue, restBase, wsBase, 5_000, Duration.ofMinutes(30),
                Duration.ofHours(23).plusMinutes(30), Duration.ofSeconds(15), Duration.ofSeconds(40),
                Duration.ofSeconds(75), Duration.ofSeconds(20), Duration.ofSeconds(5), monitorOnly);
    }

    public BinanceConnectorSettings withTiming(Duration keepAlive, Duration maxConnectionAge, Duration probeInterval,
                                               Duration staleAfter, Duration deadAfter, Duration pollInterval) {
        return new BinanceConnectorSettings(venue, restBase, wsBase, recvWindowMs, keepAlive, maxConnectionAge,
                probeInterval, staleAfter, deadAfter, resyncTimeout, pollInterval, monitorOnly);
    }
}
