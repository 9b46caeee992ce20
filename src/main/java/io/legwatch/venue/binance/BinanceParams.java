package io.legwatch.venue.binance;

import io.legwatch.venue.net.Credentials;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request parameters in the order they are added, encoded the way Binance signs them:
 * {@code totalParams} is the query string followed directly by the form body, and the signature is the
 * hex HMAC-SHA256 of it with the secret, appended last as {@code signature}.
 */
public final class BinanceParams {
    private final List<String[]> pairs = new ArrayList<>();

    public static BinanceParams of() {
        return new BinanceParams();
    }

    public BinanceParams add(String name, String value) {
        pairs.add(new String[]{name, value});
        return this;
    }

    public BinanceParams add(String name, long value) {
        return add(name, Long.toString(value));
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** {@code a=1&b=2}, values URL-encoded (symbols and decimals never need it; client ids might). */
    public String encode() {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    /** The signature of a request carrying {@code query} in the URL and {@code body} as the form body. */
    public static String signature(Credentials credentials, String query, String body) {
        return credentials.hmacSha256Hex(query + body);
    }

    /** These parameters plus {@code recvWindow}, {@code timestamp} and, last, {@code signature}. */
    public String signed(Credentials credentials, long recvWindowMs, long timestampMs) {
        String total = (isEmpty() ? "" : encode() + "&") + "recvWindow=" + recvWindowMs + "&timestamp=" + timestampMs;
        return total + "&signature=" + signature(credentials, total, "");
    }
}
