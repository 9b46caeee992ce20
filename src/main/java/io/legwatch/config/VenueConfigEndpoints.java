package io.legwatch.config;

import io.legwatch.config.VenueConfig.Environment;
import io.legwatch.config.VenueConfig.Type;

import java.net.URI;

/**
 * Default base URLs per venue type and environment, used when the file gives none. Production and
 * testnet hosts are the venues' documented public ones; {@code loopback} has no default (the simulator
 * binds an ephemeral port), so its URLs must be written out.
 */
public final class VenueConfigEndpoints {
    /** REST and WebSocket base; either may be null when the venue needs none. */
    public record Endpoints(URI rest, URI ws) {
    }

    private VenueConfigEndpoints() {
    }

    public static Endpoints defaults(Type type, Environment env) {
        return switch (env) {
            case LOOPBACK -> new Endpoints(null, null);
            case PRODUCTION -> switch (type) {
                case DERIBIT -> of("https://www.deribit.com", "wss://www.deribit.com/ws/api/v2");
                case BINANCE -> of("https://fapi.binance.com", "wss://fstream.binance.com/ws");
                case BYBIT -> of("https://api.bybit.com", "wss://stream.bybit.com/v5/private");
                case OKX -> of("https://www.okx.com", "wss://ws.okx.com:8443/ws/v5/private");
                case SIM -> new Endpoints(null, null);
            };
            case TESTNET -> switch (type) {
                case DERIBIT -> of("https://test.deribit.com", "wss://test.deribit.com/ws/api/v2");
                case BINANCE -> of("https://testnet.binancefuture.com", "wss://fstream.binancefuture.com/ws");
                case BYBIT -> of("https://api-testnet.bybit.com", "wss://stream-testnet.bybit.com/v5/private");
                // OKX demo trading: same REST host plus the x-simulated-trading header, its own WS host.
                case OKX -> of("https://www.okx.com", "wss://wspap.okx.com:8443/ws/v5/private");
                case SIM -> new Endpoints(null, null);
            };
        };
    }

    private static Endpoints of(String rest, String ws) {
        return new Endpoints(URI.create(rest), URI.create(ws));
    }
}
