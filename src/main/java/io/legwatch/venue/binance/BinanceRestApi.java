package io.legwatch.venue.binance;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceRestParser.AlgoOrderDto;
import io.legwatch.venue.binance.BinanceRestParser.OrderDto;
import io.legwatch.venue.binance.BinanceRestParser.SymbolDto;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.RestClient;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The Binance USD-M REST endpoints Legwatch uses, signed and typed. Every call answers with a future
 * that fails with a {@link VenueException}; responses are bound once by {@link BinanceRestParser}.
 *
 * <p>Time: {@code timestamp} is our clock plus an offset learned from {@code GET /fapi/v1/time}; a -1021
 * answer re-learns it so the next call succeeds (the failed one is not resent: an order must not be
 * resent blindly).
 */
public final class BinanceRestApi {
    private static final Logger log = LoggerFactory.getLogger(BinanceRestApi.class);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private final VenueId venue;
    private final RestClient rest;
    private final Credentials credentials;
    private final TimeSource time;
    private final long recvWindowMs;
    private volatile long clockOffsetMs;

    public BinanceRestApi(VenueId venue, RestClient rest, Credentials credentials, TimeSource time, long recvWindowMs) {
        this.venue = venue;
        this.rest = rest;
        this.credentials = credentials;
        this.time = time;
        this.recvWindowMs = recvWindowMs;
    }

    /** The error decoder for {@link RestClient}: Binance errors come as non-2xx with {@code {code,msg}}. */
    public static RestClient.ErrorDecoder errorDecoder(VenueId venue) {
        return (status, body) -> {
            BinanceRestParser.ErrorBody e = BinanceRestParser.errorBody(body);
            if (status >= 200 && status < 300) {
                // Success bodies may reuse the shape ({"code":200,"msg":"...done."}); only a negative code is an error.
                return e != null && e.code() < 0 ? BinanceErrors.classify(venue, 0, e, "") : null;
            }
            return BinanceErrors.classify(venue, status, e, snippet(body));
        };
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "empty answer";
        }
        String s = body.strip();
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    // ---- clock

    /** Learns the offset between our clock and Binance's from GET /fapi/v1/time (midpoint of the round trip). */
    public CompletableFuture<Long> syncClock() {
        long sent = time.millis();
        return call(get("/fapi/v1/time", BinanceParams.of()), body -> {
            long server = BinanceRestParser.serverTime(body);
            long now = time.millis();
            clockOffsetMs = server - (sent + now) / 2;
            return clockOffsetMs;
        });
    }

    public long clockOffsetMs() {
        return clockOffsetMs;
    }

    // ---- user data stream (API key only, no signature)

    public CompletableFuture<String> createListenKey() {
        return call(keyed("POST", "/fapi/v1/listenKey"), BinanceRestParser::listenKey);
    }

    public CompletableFuture<Void> keepAliveListenKey() {
        return call(keyed("PUT", "/fapi/v1/listenKey"), body -> null);
    }

    // ---- market data

    public CompletableFuture<List<SymbolDto>> exchangeInfo() {
        return call(new Request.Builder().url(rest.url("/fapi/v1/exchangeInfo").build()).get().build(),
                BinanceRestParser::exchangeInfo);
    }

    // ---- account (signed)

    public CompletableFuture<Boolean> dualSidePosition() {
        return call(signedGet("/fapi/v1/positionSide/dual", BinanceParams.of()), BinanceRestParser::dualSidePosition);
    }

    public CompletableFuture<List<PositionRow>> positionRisk() {
        return call(signedGet("/fapi/v3/positionRisk", BinanceParams.of()), BinanceRestParser::positionRisk);
    }

    /** Regular open orders; {@code symbol} null means all symbols. */
    public CompletableFuture<List<OrderDto>> openOrders(String symbol) {
        return call(signedGet("/fapi/v1/openOrders", symbolParam(symbol)), BinanceRestParser::openOrders);
    }

    /** Conditional orders held by the Algo Service (stop, take-profit, trailing); null symbol = all. */
    public CompletableFuture<List<AlgoOrderDto>> openAlgoOrders(String symbol) {
        return call(signedGet("/fapi/v1/openAlgoOrders", symbolParam(symbol)), BinanceRestParser::openAlgoOrders);
    }

    public CompletableFuture<OrderDto> placeOrder(BinanceParams params) {
        return call(signed("POST", "/fapi/v1/order", params), BinanceRestParser::order);
    }

    /**
     * Signs the requests {@link #placeOrder} and {@link #cancelAllOpenOrders} send, and discards them:
     * the order path's warm-up, which never sends anything.
     */
    public void signOnly(BinanceParams order, String symbol) {
        signed("POST", "/fapi/v1/order", order);
        signed("DELETE", "/fapi/v1/allOpenOrders", BinanceParams.of().add("symbol", symbol));
    }

    public CompletableFuture<OrderDto> queryOrder(String symbol, String clientOrderId) {
        return call(signedGet("/fapi/v1/order", BinanceParams.of().add("symbol", symbol)
                .add("origClientOrderId", clientOrderId)), BinanceRestParser::order);
    }

    public CompletableFuture<Void> cancelAllOpenOrders(String symbol) {
        return call(signed("DELETE", "/fapi/v1/allOpenOrders", BinanceParams.of().add("symbol", symbol)), b -> null);
    }

    public CompletableFuture<Void> cancelAllAlgoOpenOrders(String symbol) {
        return call(signed("DELETE", "/fapi/v1/algoOpenOrders", BinanceParams.of().add("symbol", symbol)), b -> null);
    }

    public CompletableFuture<Void> countdownCancelAll(String symbol, long countdownMs) {
        return call(signed("POST", "/fapi/v1/countdownCancelAll", BinanceParams.of().add("symbol", symbol)
                .add("countdownTime", countdownMs)), b -> null);
    }

    // ---- request building

    private static BinanceParams symbolParam(String symbol) {
        return symbol == null ? BinanceParams.of() : BinanceParams.of().add("symbol", symbol);
    }

    private Request keyed(String method, String path) {
        return new Request.Builder().url(rest.url(path).build()).header(API_KEY_HEADER, credentials.key())
                .method(method, method.equals("POST") || method.equals("PUT") ? RequestBody.create(new byte[0], FORM)
                        : null)
                .build();
    }

    private Request get(String path, BinanceParams params) {
        HttpUrl url = rest.url(path).encodedQuery(params.isEmpty() ? null : params.encode()).build();
        return new Request.Builder().url(url).get().build();
    }

    private Request signedGet(String path, BinanceParams params) {
        return signed("GET", path, params);
    }

    /** GET/DELETE carry the signed parameters in the query string, POST/PUT in the form body. */
    private Request signed(String method, String path, BinanceParams params) {
        String total = params.signed(credentials, recvWindowMs, time.millis() + clockOffsetMs);
        Request.Builder b = new Request.Builder().header(API_KEY_HEADER, credentials.key());
        if (method.equals("GET") || method.equals("DELETE")) {
            return b.url(rest.url(path).encodedQuery(total).build()).method(method, null).build();
        }
        return b.url(rest.url(path).build()).method(method, RequestBody.create(total, FORM)).build();
    }

    private <T> CompletableFuture<T> call(Request request, Function<String, T> parse) {
        return rest.execute(request).handle((reply, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof VenueException ve && ve.error().kind() == VenueError.Kind.TIMESTAMP) {
                    log.warn("{}: {} -> resynchronising the clock with Binance", venue, ve.error());
                    syncClock();
                }
                throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            }
            try {
                return parse.apply(reply.body());
            } catch (BinanceParseException e) {
                throw new VenueException(new VenueError(venue, VenueError.Kind.MALFORMED, null,
                        request.method() + " " + request.url().encodedPath() + ": " + e.getMessage()), e);
            }
        });
    }
}
