package io.legwatch.venue.deribit;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.RateLimitGate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * JSON-RPC 2.0 requests over the session's WebSocket: numbered ids, answers matched by id, JSON-RPC
 * errors turned into {@link VenueException}s, a per-call timeout, and fail-fast after a rate limit
 * (10028). A call that times out or whose socket drops fails with TIMEOUT / NETWORK: for an order
 * that means "outcome unknown", never "not placed".
 */
final class JsonRpcChannel {
    /** A successful answer. {@code usOut} is Deribit's send time in microseconds (0 when absent). */
    record Reply(com.fasterxml.jackson.databind.util.TokenBuffer result, long recvNanos, long usOut) {
    }

    private record Pending(String method, CompletableFuture<Reply> future) {
    }

    private final VenueId venue;
    private final Predicate<String> sender;
    private final RateLimitGate gate;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** @param sender sends one text frame, false when there is no open socket */
    JsonRpcChannel(VenueId venue, Predicate<String> sender, RateLimitGate gate, Duration timeout) {
        this.venue = venue;
        this.sender = sender;
        this.gate = gate;
        this.timeout = timeout;
    }

    CompletableFuture<Reply> call(String method, Map<String, ?> params) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        Optional<VenueError> blocked = gate.checkOpen();
        if (blocked.isPresent()) {
            future.completeExceptionally(new VenueException(blocked.get()));
            return future;
        }
        long id = ids.incrementAndGet();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        request.put("params", params);
        pending.put(id, new Pending(method, future));
        if (!sender.test(DeribitJson.write(request))) {
            pending.remove(id);
            future.completeExceptionally(new VenueException(new VenueError(venue, VenueError.Kind.NETWORK, null,
                    method + ": not connected")));
            return future;
        }
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(new VenueException(new VenueError(venue, VenueError.Kind.TIMEOUT, null,
                        method + ": no answer within " + timeout.toMillis() + " ms; outcome unknown")));
            }
        });
        return future;
    }

    /** Completes the call this response answers. False when no call waits for its id (late or foreign). */
    boolean onResponse(DeribitWire.Envelope env, long recvNanos) {
        Pending p = pending.remove(env.id());
        if (p == null) {
            return false;
        }
        if (env.error() != null) {
            VenueError error = DeribitErrors.of(venue, env.error().code(), p.method() + ": " + env.error().message());
            if (error.kind() == VenueError.Kind.RATE_LIMITED) {
                gate.onRateLimited(null);
            }
            p.future().completeExceptionally(new VenueException(error));
        } else {
            gate.onSuccess();
            p.future().complete(new Reply(env.result(), recvNanos, env.usOut() == null ? 0 : env.usOut()));
        }
        return true;
    }

    /** The socket is gone: nothing pending will be answered. */
    void failAll(String reason) {
        for (Long id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.future().completeExceptionally(new VenueException(new VenueError(venue, VenueError.Kind.NETWORK, null,
                        p.method() + ": connection lost (" + reason + "); outcome unknown")));
            }
        }
    }
}
