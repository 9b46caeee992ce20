package io.legwatch.venue.deribit;

import io.legwatch.venue.net.Credentials;

/**
 * Deribit v2 signatures (samples/deribit/signing.md; the docs give no v2 worked example, so tests use
 * self-computed vectors checked with openssl).
 * <ul>
 *   <li>{@code public/auth} with {@code client_signature}: hex HMAC-SHA256(secret, timestamp + "\n" + nonce + "\n" + data).</li>
 *   <li>REST: {@code Authorization: deri-hmac-sha256 id=<key>,ts=<ts>,sig=<sig>,nonce=<nonce>} where the data is
 *       {@code METHOD + "\n" + URI-with-query + "\n" + body + "\n"}.</li>
 * </ul>
 */
final class DeribitSigning {
    private DeribitSigning() {
    }

    static String stringToSign(long timestampMs, String nonce, String data) {
        return timestampMs + "\n" + nonce + "\n" + (data == null ? "" : data);
    }

    static String clientSignature(Credentials credentials, long timestampMs, String nonce, String data) {
        return credentials.hmacSha256Hex(stringToSign(timestampMs, nonce, data));
    }

    static String restData(String method, String uriWithQuery, String body) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + uriWithQuery + "\n" + (body == null ? "" : body) + "\n";
    }

    static String restAuthorization(Credentials credentials, long timestampMs, String nonce, String method,
                                    String uriWithQuery, String body) {
        String sig = clientSignature(credentials, timestampMs, nonce, restData(method, uriWithQuery, body));
        return "deri-hmac-sha256 id=" + credentials.key() + ",ts=" + timestampMs + ",sig=" + sig + ",nonce=" + nonce;
    }
}
