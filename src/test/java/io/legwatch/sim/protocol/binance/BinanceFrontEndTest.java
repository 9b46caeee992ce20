package io.legwatch.sim.protocol.binance;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.binance.BinanceRestParser;
import io.legwatch.venue.net.Hmac;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Binance front end on the wire, with raw HTTP: the docs' signed example requests are accepted
 * byte for byte, and refusals carry Binance's HTTP statuses and error payloads.
 */
class BinanceFrontEndTest {
    // The key pair and request of Binance's documented HMAC example (samples/binance/signing.md).
    private static final String KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private static final long DOC_TIMESTAMP = 1591702613943L;
    private static final String DOC_PARAMS = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC"
            + "&recvWindow=5000&timestamp=" + DOC_TIMESTAMP;
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    /** The front end's clock stands 100 ms after the documented timestamp, so the example is fresh. */
    private final AtomicLong now = new AtomicLong(DOC_TIMESTAMP + 100);
    private final TimeSource clock = new TimeSource() {
        @Override
        public long millis() {
            return now.get();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };
    private final SimExchange exchange = new SimExchange(5, DOC_TIMESTAMP);
    private final BinanceFrontEnd frontEnd = new BinanceFrontEnd(exchange, SimExchange.SIM_A, KEY, SECRET, clock, 1);
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws Exception {
        frontEnd.start(0);
    }

    @AfterEach
    void stop() throws Exception {
        frontEnd.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private record Reply(int status, String body, String retryAfter) {
    }

    private Reply call(Request.Builder b) throws IOException {
        try (Response r = http.newCall(b.build()).execute()) {
            return new Reply(r.code(), r.body().string(), r.header("Retry-After"));
        }
    }

    private Request.Builder at(String pathAndQuery) {
        return new Request.Builder().url(frontEnd.restBase() + pathAndQuery).header("X-MBX-APIKEY", KEY);
    }

    private static RequestBody empty() {
        return RequestBody.create(new byte[0], FORM);
    }

    @Test
    void documentedExample1SignedQueryStringIsAccepted() throws IOException {
        Reply r = call(at("/fapi/v1/order?" + DOC_PARAMS
                + "&signature=3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9").post(empty()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"symbol\":\"BTCUSDT\"", "\"status\":\"NEW\"", "\"price\":\"9000\"",
                "\"origQty\":\"1\"", "\"type\":\"LIMIT\"", "\"timeInForce\":\"GTC\"");
        assertThat(BinanceRestParser.order(r.body()).clientOrderId()).startsWith("sim");
    }

    @Test
    void documentedExample2SignedBodyIsAccepted() throws IOException {
        Reply r = call(at("/fapi/v1/order").post(RequestBody.create(DOC_PARAMS
                + "&signature=3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", FORM)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void mixedQueryAndBodyAreSignedTogether() throws IOException {
        // The docs' example 3 as their curl sends it (no stray space): signature computed with openssl in signing.md.
        Reply r = call(at("/fapi/v1/order?symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC")
                .post(RequestBody.create("quantity=1&price=9000&recvWindow=5000&timestamp=" + DOC_TIMESTAMP
                        + "&signature=30baaf0fab549bbeda7f5ef201898b34122da25fd23c646cac2c529aebe670a4", FORM)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void wrongSignatureGetsMinus1022() throws IOException {
        Reply r = call(at("/fapi/v3/positionRisk?recvWindow=5000&timestamp=" + DOC_TIMESTAMP
                + "&signature=3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9").get());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
    }

    @Test
    void keyProblemsGetMinus2014AndMinus2015() throws IOException {
        Reply missing = call(new Request.Builder().url(frontEnd.restBase() + "/fapi/v1/listenKey").post(empty()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
        Reply wrong = call(new Request.Builder().url(frontEnd.restBase() + "/fapi/v1/listenKey")
                .header("X-MBX-APIKEY", "someone-else").post(empty()));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body())
                .isEqualTo("{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
    }

    @Test
    void staleTimestampGetsMinus1021() throws IOException {
        String params = "recvWindow=50&timestamp=" + (DOC_TIMESTAMP - 1000);
        Reply r = call(at("/fapi/v3/positionRisk?" + params + "&signature=" + Hmac.sha256Hex(SECRET, params)).get());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(
                "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
    }

    @Test
    void rateLimitAndBanCarryBinancesPayloadAndRetryAfter() throws IOException {
        frontEnd.faults().rateLimitNext(1);
        Reply limited = call(at("/fapi/v1/time").get());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("1");
        assertThat(limited.body()).startsWith("{\"code\":-1003,\"msg\":\"Too many requests;");
        frontEnd.faults().banNext(1);
        Reply banned = call(at("/fapi/v1/time").get());
        assertThat(banned.status()).isEqualTo(418);
        assertThat(banned.body()).startsWith("{\"code\":-1003,\"msg\":\"Way too many requests; IP(127.0.0.1) banned");
        assertThat(call(at("/fapi/v1/time").get()).body()).isEqualTo("{\"serverTime\":" + (DOC_TIMESTAMP + 100) + "}");
    }

    @Test
    void downVenueAnswers503AndRefusesStreams() throws Exception {
        String listenKey = call(at("/fapi/v1/listenKey").post(empty())).body()
                .replaceAll(".*\"listenKey\":\"([^\"]+)\".*", "$1");
        assertThat(listenKey).hasSize(64);
        exchange.faults(SimExchange.SIM_A).disconnect();
        Reply r = call(at("/fapi/v1/exchangeInfo").get());
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("-1001");
        CompletableFuture<Integer> handshake = new CompletableFuture<>();
        http.newWebSocket(new Request.Builder().url(frontEnd.wsBase() + "/" + listenKey).build(),
                new WebSocketListener() {
                    @Override
                    public void onFailure(WebSocket ws, Throwable t, Response response) {
                        handshake.complete(response == null ? -1 : response.code());
                    }

                    @Override
                    public void onOpen(WebSocket ws, Response response) {
                        handshake.complete(101);
                    }
                });
        assertThat(handshake.get(10, TimeUnit.SECONDS)).isEqualTo(503);
    }

    @Test
    void silentVenueWithholdsAnswersUntilItSpeaksAgain() throws Exception {
        exchange.faults(SimExchange.SIM_A).goSilent();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return call(at("/fapi/v1/time").get()).body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // Cannot prove "never answers"; wait until the request is parked, then release it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (frontEnd.withheldAnswers() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(frontEnd.withheldAnswers()).isEqualTo(1);
        assertThat(answer).isNotDone();
        exchange.faults(SimExchange.SIM_A).endSilence();
        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("serverTime");
    }

    @Test
    void listenKeyLapsesAfter60MinutesWithoutKeepAlive() throws Exception {
        String listenKey = call(at("/fapi/v1/listenKey").post(empty())).body()
                .replaceAll(".*\"listenKey\":\"([^\"]+)\".*", "$1");
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        CompletableFuture<Void> open = new CompletableFuture<>();
        http.newWebSocket(new Request.Builder().url(frontEnd.wsBase() + "/" + listenKey).build(),
                new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket ws, Response response) {
                        open.complete(null);
                    }

                    @Override
                    public void onMessage(WebSocket ws, String text) {
                        frames.add(text);
                    }

                    @Override
                    public void onClosing(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                    }
                });
        open.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (frontEnd.openStreams() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the server registers the socket just after the client sees the upgrade
        }
        assertThat(frontEnd.openStreams()).isEqualTo(1);
        now.addAndGet(TimeUnit.MINUTES.toMillis(30));
        assertThat(call(at("/fapi/v1/listenKey").put(empty())).body()).isEqualTo("{}");
        now.addAndGet(TimeUnit.MINUTES.toMillis(61));
        exchange.advance(java.time.Duration.ofSeconds(1)); // the venue's once-a-second housekeeping
        String expired = frames.poll(10, TimeUnit.SECONDS);
        assertThat(expired).startsWith("{\"e\":\"listenKeyExpired\",\"E\":\"").contains(listenKey);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        Reply keepAlive = call(at("/fapi/v1/listenKey").put(empty()));
        assertThat(keepAlive.body()).isEqualTo("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
    }

    @Test
    void exchangeInfoListsOnlyLinearSymbolsWithLotFilters() throws IOException {
        Reply r = call(at("/fapi/v1/exchangeInfo").get());
        assertThat(r.status()).isEqualTo(200);
        assertThat(BinanceRestParser.exchangeInfo(r.body())).extracting(BinanceRestParser.SymbolDto::symbol)
                .containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(r.body()).contains("{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\"");
    }

    @Test
    void positionRiskV2AndV3Shapes() throws Exception {
        exchange.place(OrderRequest.market(new InstrumentKey(SimExchange.SIM_A, "ETHUSDT"), Side.SELL, 1.5, false,
                "x1")).get(5, TimeUnit.SECONDS);
        String params = "recvWindow=5000&timestamp=" + DOC_TIMESTAMP;
        String sig = Hmac.sha256Hex(SECRET, params);
        Reply v3 = call(at("/fapi/v3/positionRisk?" + params + "&signature=" + sig).get());
        assertThat(BinanceRestParser.positionRisk(v3.body())).singleElement().satisfies(row -> {
            assertThat(row.symbol()).isEqualTo("ETHUSDT");
            assertThat(row.amount()).isEqualTo(-1.5);
            assertThat(row.positionSide()).isEqualTo("BOTH");
        });
        Reply v2 = call(at("/fapi/v2/positionRisk?" + params + "&signature=" + sig).get());
        assertThat(BinanceRestParser.positionRisk(v2.body())).hasSize(2);
        // CCXT reads leverage brackets before it parses positionRisk.
        Reply brackets = call(at("/fapi/v1/leverageBracket?" + params + "&signature=" + sig).get());
        assertThat(brackets.body()).startsWith("[{\"symbol\":\"BTCUSDT\",\"notionalCoef\":1.0,\"brackets\":[");
    }
}
