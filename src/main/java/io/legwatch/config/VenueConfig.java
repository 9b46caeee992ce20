package io.legwatch.config;

import io.legwatch.domain.VenueId;

import java.net.URI;
import java.util.Objects;

/**
 * One venue account from the config file.
 *
 * @param id          the account's id, used by legs and shown in the UI ({@code binance-main})
 * @param type        which connector speaks to it
 * @param account     the trader's label for the account (free text)
 * @param environment which of the venue's environments the default URLs come from
 * @param restUrl     REST base URL (null for venues that need none, and for {@code sim})
 * @param wsUrl       WebSocket URL (null for {@code sim})
 * @param credentials names of the environment variables holding the secrets (null for {@code sim})
 * @param monitorOnly true: the connector gets no order path at all
 */
public record VenueConfig(VenueId id, Type type, String account, Environment environment, URI restUrl, URI wsUrl,
                          CredentialRefs credentials, boolean monitorOnly) {

    public enum Type {
        DERIBIT, BINANCE, BYBIT, OKX, SIM
    }

    public enum Environment {
        PRODUCTION, TESTNET, LOOPBACK
    }

    public VenueConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(environment, "environment");
        account = account == null ? id.value() : account;
    }

    /** True when this account can send orders (not monitor-only). */
    public boolean trading() {
        return !monitorOnly;
    }
}
