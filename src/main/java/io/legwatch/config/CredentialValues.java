package io.legwatch.config;

import java.util.Objects;

/**
 * Secrets read from the environment for one venue account. {@link #toString()} never shows them; the
 * caller hands them to the venue connector's own credentials object and drops this one.
 */
public final class CredentialValues {
    private final String apiKey;
    private final String apiSecret;
    private final String passphrase;

    CredentialValues(String apiKey, String apiSecret, String passphrase) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.apiSecret = Objects.requireNonNull(apiSecret, "apiSecret");
        this.passphrase = passphrase;
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiSecret() {
        return apiSecret;
    }

    /** The passphrase, or null when the venue needs none. */
    public String passphrase() {
        return passphrase;
    }

    @Override
    public String toString() {
        return "CredentialValues[apiKey=***, apiSecret=***" + (passphrase == null ? "" : ", passphrase=***") + "]";
    }
}
