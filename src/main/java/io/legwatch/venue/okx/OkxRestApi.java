package io.legwatch.venue.okx;

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
 * Signed OKX v5 REST calls over the shared {@link RestClient}: signs
 * {@code timestamp + METHOD + requestPath(+query) + body} exactly as sent and reads the answer into an
 * {@link OkxMessage} whose {@code code} and {@code sCode}s have been checked.
 */
final class OkxRestApi {
    private static final MediaType JSON = MediaType.get("application/json");

    private final RestClient rest;
    private final Credentials credentials;
    private final boolean demo;
    private final TimeSource time;
    private final OkxResponses responses;

    OkxRestApi(RestClient rest, Credentials credentials, boolean demo, TimeSource time, OkxResponses responses) {
        this.rest = rest;
        this.credentials = credentials;
        this.demo = demo;
        this.time = time;
        this.responses = responses;
    }

    /** The error decoder for {@link RestClient}: OKX reports errors as {@code code}/{@code sCode}, often with HTTP 200. */
    static RestClient.ErrorDecoder errorDecoder(VenueId venue) {
        return (status, body) -> {
            OkxMessage m;
            try {
                m = OkxReader.read(body);
            } catch (IOException e) {
                return null; // not an OKX body: the HTTP status speaks
            }
            if (m.code == null || "0".equals(m.code)) {
                return null;
            }
            for (OkxRow r : m.rows) {
                if (r.sCode != null && !"0".equals(r.sCode)) {
                    return OkxErrors.of(venue, r.sCode, r.sMsg);
                }
            }
            return OkxErrors.of(venue, m.code, m.msg);
        };
    }

    CompletableFuture<OkxMessage> getPublic(String path, Map<String, String> params) {
        HttpUrl url = url(path, params);
        return call(demo(new Request.Builder().url(url).get()).build());
    }

    CompletableFuture<OkxMessage> get(String path, Map<String, String> params) {
        HttpUrl url = url(path, params);
        String requestPath = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        return call(signed(new Request.Builder().url(url).get(), "GET", requestPath, "").build());
    }

    CompletableFuture<OkxMessage> post(String path, String jsonBody) {
        return call(postRequest(path, jsonBody));
    }

    /** The signed POST {@link #post} sends; built alone by the order path's warm-up, which never sends it. */
    Request postRequest(String path, String jsonBody) {
        HttpUrl url = rest.url(path).build();
        return signed(new Request.Builder().url(url).post(RequestBody.create(jsonBody, JSON)), "POST",
                url.encodedPath(), jsonBody).build();
    }

    private HttpUrl url(String path, Map<String, String> params) {
        HttpUrl.Builder b = rest.url(path);
        if (!params.isEmpty()) {
            b.encodedQuery(QueryParams.encode(params));
        }
        return b.build();
    }

    private Request.Builder signed(Request.Builder b, String method, String requestPath, String body) {
        String ts = OkxSigner.restTimestamp(time.millis());
        String sign = credentials.hmacSha256Base64(OkxSigner.restPrehash(ts, method, requestPath, body));
        return demo(b.header("OK-ACCESS-KEY", credentials.key())
                .header("OK-ACCESS-SIGN", sign)
                .header("OK-ACCESS-TIMESTAMP", ts)
                .header("OK-ACCESS-PASSPHRASE", credentials.passphrase().orElse("")));
    }

    private Request.Builder demo(Request.Builder b) {
        return demo ? b.header("x-simulated-trading", "1") : b;
    }

    private CompletableFuture<OkxMessage> call(Request request) {
        return rest.execute(request).thenApply(reply -> responses.checked(reply.status(), reply.body()));
    }
}
