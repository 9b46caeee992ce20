package io.legwatch.venue.binance;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The user-data-stream lifecycle Binance imposes: a listenKey per connection (POST), kept alive by a PUT
 * well inside its 60 min expiry, and a fresh connection before Binance cuts it at 24 h. Driven by the
 * session's probe tick, which also produces the {@code LIST_SUBSCRIPTIONS} probe whose answer proves the
 * stream is alive on an account where nothing happens.
 */
final class BinanceListenKeys {
    /** What the lifecycle needs from its connector. */
    interface Owner {
        void reconnect(String why);

        void report(VenueError error);
    }

    private static final Logger log = LoggerFactory.getLogger(BinanceListenKeys.class);
    static final int LISTEN_KEY_DOES_NOT_EXIST = -1125;

    private final BinanceRestApi api;
    private final BinanceConnectorSettings settings;
    private final TimeSource time;
    private final AtomicLong probeIds = new AtomicLong();
    private volatile Owner owner;
    private volatile long connectedAtMs;
    private volatile long lastKeepAliveMs;
    private volatile boolean rotating;

    BinanceListenKeys(BinanceRestApi api, BinanceConnectorSettings settings, TimeSource time) {
        this.api = api;
        this.settings = settings;
        this.time = time;
    }

    void owner(Owner owner) {
        this.owner = owner;
    }

    /**
     * The URL of the next connection: creates (or, while still valid, re-obtains) the listenKey. Blocks the
     * session thread for at most the resync timeout; a failure counts as a failed connection attempt.
     */
    String nextStreamUrl() throws Exception {
        String key = api.createListenKey().get(settings.resyncTimeout().toMillis(), TimeUnit.MILLISECONDS);
        long now = time.millis();
        connectedAtMs = now;
        lastKeepAliveMs = now;
        rotating = false;
        String base = settings.wsBase().endsWith("/") ? settings.wsBase() : settings.wsBase() + "/";
        return base + key;
    }

    /** One probe tick of a live socket: keep-alive and the 24 h rotation when due; returns the probe frame. */
    String tick() {
        long now = time.millis();
        Owner o = owner;
        if (!rotating && connectedAtMs > 0 && now - connectedAtMs >= settings.maxConnectionAge().toMillis()) {
            rotating = true;
            if (o != null) {
                o.reconnect("connection is " + (now - connectedAtMs) / 60_000 + " min old; renewing it before "
                        + "Binance's 24 h cut");
            }
        } else if (now - lastKeepAliveMs >= settings.keepAlive().toMillis()) {
            lastKeepAliveMs = now;
            api.keepAliveListenKey().whenComplete((ok, e) -> {
                if (e == null || o == null) {
                    return;
                }
                Throwable c = BinanceOrderGateway.unwrap(e);
                if (BinanceOrderGateway.binanceCode(c) == LISTEN_KEY_DOES_NOT_EXIST) {
                    o.reconnect("listenKey no longer exists (keep-alive answered -1125)");
                } else if (c instanceof io.legwatch.domain.VenueException ve) {
                    log.warn("listenKey keep-alive failed: {}", ve.error());
                    o.report(ve.error());
                }
            });
        }
        return "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + probeIds.incrementAndGet() + "}";
    }
}
