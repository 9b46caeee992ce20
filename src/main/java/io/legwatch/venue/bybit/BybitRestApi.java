package io.legwatch.venue.bybit;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.common.QueryParams;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.RestClient;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Signed Bybit v5 REST calls over the shared {@link RestClient}: builds the exact query string or
 * JSON body, signs {@code timestamp + apiKey + recvWindow + payload}, and reads the answer into a
 * {@link BybitMessage} whose {@code retCode} has been checked.
 */
final class BybitRestApi {
    private static final MediaType JSON = MediaType.get("application/json");

    private final RestClient rest;
    private final Credentials credentials;
    private final long recvWindowMs;
    private final TimeSource time;
    private final BybitResponses responses;

    BybitRestApi(RestClient rest, Credentials credentials, long recvWindowMs, TimeSource time,
                 BybitResponses responses) {
        this.rest = rest;
        this.credentials = credentials;
        this.recvWindowMs = recvWindowMs;
        this.time = time;
        this.responses = responses;
    }

    /** The error decoder for {@link RestClient}: Bybit puts errors in 200 bodies as {@code retCode}. */
    static RestClient.ErrorDecoder errorDecoder(VenueId venue) {
        return (status, body) -> {
            try {
                BybitMessage m = BybitReader.read(body);
                if (m.retCode != null && m.retCode != 0) {
                    return BybitErrors.of(venue, m.retCode, m.retMsg);
                }
                return null;
            } catch (IOException e) {
                // not JSON: Bybit's IP limit answers a bare "403, access too frequent"
                return status == 403 ? BybitErrors.ofHttp(venue, status, "access too frequent (IP rate limit)") : null;
            }
        };
    }

    /** Public GET (market data): no signature. */
    CompletableFuture<BybitMessage> getPublic(String path, Map<String, String> params) {
        HttpUrl url = rest.url(path).encodedQuery(QueryParams.encode(params)).build();
        return call(new Request.Builder().url(url).get().build());
    }

    /** Signed GET: the signature covers the query string exactly as OkHttp sends it. */
    CompletableFuture<BybitMessage> get(String path, Map<String, String> params) {
        HttpUrl url = rest.url(path).encodedQuery(QueryParams.encode(params)).build();
        String sent = url.encodedQuery() == null ? "" : url.encodedQuery();
        return call(signed(new Request.Builder().url(url).get(), sent).build());
    }

    /** Signed POST of a JSON body; the signature covers the body string sent. */
    CompletableFuture<BybitMessage> post(String path, String jsonBody) {
        return call(postRequest(path, jsonBody));
    }

    /** The signed POST {@link #post} sends; built alone by the order path's warm-up, which never sends it. */
    Request postRequest(String path, String jsonBody) {
        HttpUrl url = rest.url(path).build();
        return signed(new Request.Builder().url(url).post(RequestBody.create(jsonBody, JSON)), jsonBody).build();
    }

    private Request.Builder signed(Request.Builder b, String payload) {
        long ts = time.millis();
        String sign = credentials.hmacSha256Hex(BybitSigner.restPrehash(ts, credentials.key(), recvWindowMs, payload));
        return b.header("X-BAPI-API-KEY", credentials.key())
                .header("X-BAPI-TIMESTAMP", Long.toString(ts))
                .header("X-BAPI-RECV-WINDOW", Long.toString(recvWindowMs))
                .header("X-BAPI-SIGN", sign)
                .header("X-BAPI-SIGN-TYPE", "2");
    }

    private CompletableFuture<BybitMessage> call(Request request) {
        return rest.execute(request).thenApply(reply -> responses.checked(reply.status(), reply.body()));
    }
}
