package io.legwatch.venue.net;

import java.util.Objects;
import java.util.Optional;

/**
 * API credentials of one venue account. The caller reads them (e.g. from environment variables
 * named in the config) and hands them to a connector; nothing here reads files or the environment.
 *
 * <p>{@link #toString()} never prints the secret or passphrase, and only a short prefix of the key,
 * so a Credentials that ends up in a log line or an exception message leaks nothing usable.
 * Sign with {@link #hmacSha256Hex}/{@link #hmacSha256Base64} where the protocol allows, so the secret
 * never has to leave this object; {@link #secret()} exists only for protocols that send the secret
 * itself (Deribit {@code client_credentials}).
 */
public final class Credentials {
    private final String key;
    private final String secret;
    private final String passphrase;

    private Credentials(String key, String secret, String passphrase) {
        this.key = requireNonBlank(key, "API key");
        this.secret = requireNonBlank(secret, "API secret");
        this.passphrase = passphrase;
    }

    /** Key and secret (Deribit client id + client secret, Binance, Bybit). */
    public static Credentials of(String key, String secret) {
        return new Credentials(key, secret, null);
    }

    /** Key, secret and passphrase (OKX). */
    public static Credentials of(String key, String secret, String passphrase) {
        return new Credentials(key, secret, requireNonBlank(passphrase, "API passphrase"));
    }

    /** The public part: API key / client id. Sent in headers; still only shown as a prefix in logs. */
    public String key() {
        return key;
    }

    /** The raw secret. Only for protocols that transmit it; prefer the signing methods. */
    public String secret() {
        return secret;
    }

    public Optional<String> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    /** Lower-case hex HMAC-SHA256 of {@code message} keyed with the secret. */
    public String hmacSha256Hex(String message) {
        return Hmac.sha256Hex(secret, message);
    }

    /** Base64 HMAC-SHA256 of {@code message} keyed with the secret. */
    public String hmacSha256Base64(String message) {
        return Hmac.sha256Base64(secret, message);
    }

    /** The key with all but its first four characters masked, for logs and the UI. */
    public String maskedKey() {
        return key.length() <= 4 ? "****" : key.substring(0, 4) + "****";
    }

    @Override
    public String toString() {
        return "Credentials[key=" + maskedKey() + ", secret=****" + (passphrase != null ? ", passphrase=****" : "") + "]";
    }

    private static String requireNonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
