package io.legwatch.venue.net;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous REST calls to one venue with typed errors and rate-limit backoff.
 *
 * <p>Every answer goes through the venue's {@link ErrorDecoder} first (venues put errors in 200
 * bodies too, e.g. Bybit {@code retCode}); if it finds none, a non-2xx status is mapped by
 * {@link HttpErrors}. Failures complete the future with a {@link VenueException}. A
 * {@link VenueError.Kind#RATE_LIMITED} answer closes the {@link RateLimitGate}: later calls fail fast
 * without touching the network until the cool-down (Retry-After, else exponential backoff) ends.
 * No automatic retries: an order must not be resent blindly; the caller decides.
 *
 * <p>Signing is the connector's job: build a signed {@link Request} and pass it to {@link #execute}.
 */
public final class RestClient {
    /** Reads a venue's error body. */
    @FunctionalInterface
    public interface ErrorDecoder {
        /**
         * @param body the raw body (may be empty or not JSON)
         * @return the venue error this answer carries, or null when the body reports none
         */
        VenueError decode(int status, String body);
    }

    /** A successful answer; {@code recvNanos} is {@link System#nanoTime()} when it was read. */
    public record Reply(int status, String body, Headers headers, long recvNanos) {
    }

    private final VenueId venue;
    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final ErrorDecoder decoder;
    private final RateLimitGate gate;

    public RestClient(VenueId venue, OkHttpClient http, HttpUrl baseUrl, ErrorDecoder decoder, RateLimitGate gate) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.http = Objects.requireNonNull(http, "http");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** A URL builder rooted at the base URL, e.g. {@code url("/fapi/v2/positionRisk")}. */
    public HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (!trimmed.isEmpty()) {
            b.addPathSegments(trimmed);
        }
        return b;
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public CompletableFuture<Reply> execute(Request request) {
        CompletableFuture<Reply> result = new CompletableFuture<>();
        Optional<VenueError> blocked = gate.checkOpen();
        if (blocked.isPresent()) {
            result.completeExceptionally(new VenueException(blocked.get()));
            return result;
        }
        Call call = http.newCall(request);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(new VenueException(HttpErrors.fromIo(venue, e), e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    ResponseBody body = response.body();
                    String text = body.string();
                    long recvNanos = System.nanoTime();
                    VenueError error = decode(response.code(), text);
                    if (error == null) {
                        gate.onSuccess();
                        result.complete(new Reply(response.code(), text, response.headers(), recvNanos));
                        return;
                    }
                    if (error.kind() == VenueError.Kind.RATE_LIMITED) {
                        gate.onRateLimited(retryAfter(response.header("Retry-After")));
                    }
                    result.completeExceptionally(new VenueException(error));
                } catch (IOException e) {
                    result.completeExceptionally(new VenueException(HttpErrors.fromIo(venue, e), e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(new VenueException(new VenueError(venue, VenueError.Kind.MALFORMED,
                            null, "could not read answer: " + e.getMessage()), e));
                }
            }
        });
        return result;
    }

    private VenueError decode(int status, String body) {
        VenueError fromBody;
        try {
            fromBody = decoder.decode(status, body);
        } catch (RuntimeException e) {
            // A garbled error body must still surface as the HTTP status it came with.
            fromBody = null;
        }
        return fromBody != null ? fromBody : HttpErrors.fromStatus(venue, status, body);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null; // HTTP-date form: fall back to our own backoff
        }
    }
}
