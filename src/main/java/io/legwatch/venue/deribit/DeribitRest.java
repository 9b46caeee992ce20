package io.legwatch.venue.deribit;

import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.net.RateLimitGate;
import io.legwatch.venue.net.RestClient;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Deribit's REST mirror ({@code GET /api/v2/<method>?params}), used only to poll positions and open
 * orders while the WebSocket is down. Private calls carry
 * {@code Authorization: deri-hmac-sha256 id=..,ts=..,sig=..,nonce=..} (see {@link DeribitSigning}).
 */
final class DeribitRest {
    private final DeribitConfig config;
    private final TimeSource time;
    private final RestClient client;
    private final DeribitInstruments instruments;
    private final SecureRandom random = new SecureRandom();

    DeribitRest(DeribitConfig config, OkHttpClient http, TimeSource time, RateLimitGate gate,
                DeribitInstruments instruments) {
        this.config = config;
        this.time = time;
        this.instruments = instruments;
        this.client = new RestClient(config.venue(), http, HttpUrl.get(config.restUrl()), this::decodeError, gate);
    }

    /** Positions (future + option) and open orders of every configured currency; fails rather than answer "flat". */
    CompletableFuture<VenueEvent.Snapshot> snapshot() {
        CompletableFuture<Void> meta = instruments.isEmpty() ? loadInstruments() : CompletableFuture.completedFuture(null);
        return meta.thenCompose(v -> {
            List<CompletableFuture<List<Position>>> positions = new ArrayList<>();
            List<CompletableFuture<List<Order>>> orders = new ArrayList<>();
            for (String c : config.currencies()) {
                for (String kind : List.of("future", "option")) {
                    positions.add(call("private/get_positions", "currency=" + c + "&kind=" + kind)
                            .thenApply(r -> strict(() -> DeribitMapping.snapshotPositions(instruments,
                                    bind(r, DeribitJson.POSITIONS)))));
                }
                orders.add(call("private/get_open_orders_by_currency", "currency=" + c + "&type=all")
                        .thenApply(r -> strict(() -> DeribitMapping.snapshotOrders(instruments, bind(r, DeribitJson.ORDERS)))));
            }
            List<CompletableFuture<?>> all = new ArrayList<>(positions);
            all.addAll(orders);
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> new VenueEvent.Snapshot(
                    config.venue(), instruments.all(),
                    positions.stream().flatMap(f -> f.join().stream()).toList(),
                    orders.stream().flatMap(f -> f.join().stream()).toList(), 0, System.nanoTime()));
        });
    }

    private CompletableFuture<Void> loadInstruments() {
        List<CompletableFuture<RestClient.Reply>> calls = config.currencies().stream()
                .map(c -> call("public/get_instruments", "currency=" + c + "&expired=false")).toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenAccept(v -> calls.forEach(c -> instruments.addAll(bind(c.join(), DeribitJson.INSTRUMENTS))));
    }

    private CompletableFuture<RestClient.Reply> call(String method, String query) {
        String uri = "/api/v2/" + method + "?" + query;
        Request.Builder b = new Request.Builder().url(HttpUrl.get(config.restUrl()).resolve(uri)).get();
        if (method.startsWith("private/")) {
            byte[] n = new byte[8];
            random.nextBytes(n);
            b.header("Authorization", DeribitSigning.restAuthorization(config.credentials(), time.millis(),
                    HexFormat.of().formatHex(n), "GET", uri, ""));
        }
        return client.execute(b.build());
    }

    private VenueError decodeError(int status, String body) {
        try {
            DeribitWire.Envelope env = DeribitJson.envelope(body);
            return env.error() == null ? null : DeribitErrors.of(config.venue(), env.error().code(), env.error().message());
        } catch (IOException e) {
            return null; // not JSON: the HTTP status decides
        }
    }

    private <T> T bind(RestClient.Reply reply, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            DeribitWire.Envelope env = DeribitJson.envelope(reply.body());
            if (env.result() == null) {
                throw new IOException("no result");
            }
            return DeribitJson.bind(env.result(), type);
        } catch (IOException e) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.MALFORMED, null,
                    "REST answer unreadable: " + e.getMessage()), e);
        }
    }

    @FunctionalInterface
    private interface Part<T> {
        List<T> get() throws DeribitMapping.UnknownInstrumentException, DeribitMapping.BadPayloadException;
    }

    /** Every item must map: a poll that silently dropped a position would report it flat. */
    private <T> List<T> strict(Part<T> part) {
        try {
            return part.get();
        } catch (DeribitMapping.UnknownInstrumentException | DeribitMapping.BadPayloadException e) {
            throw new VenueException(new VenueError(config.venue(), VenueError.Kind.MALFORMED, null,
                    "REST poll: " + e.getMessage()));
        }
    }
}
