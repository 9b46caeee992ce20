package io.legwatch.venue.binance;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.RateLimitGate;
import io.legwatch.venue.net.RestClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the gateway puts on the wire: one-way vs hedge mode, steps and ticks, client-id rules, clock resync. */
class BinanceOrderGatewayTest {
    private static final VenueId V = VenueId.of("binance-a");
    private static final InstrumentKey BTC = new InstrumentKey(V, "BTCUSDT");
    private static final String RULES = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"baseAsset\":\"BTC\",\"status\":"
            + "\"TRADING\",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.10\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\"},{\"filterType\":\"MARKET_LOT_SIZE\","
            + "\"stepSize\":\"0.001\",\"maxQty\":\"120\"}]}]}";
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private final AtomicBoolean hedge = new AtomicBoolean();
    private final Map<String, BinanceSymbolRules> rules = new ConcurrentHashMap<>();
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private BinanceOrderGateway gateway;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        RestClient rest = new RestClient(V, http, server.url("/"), BinanceRestApi.errorDecoder(V),
                new RateLimitGate(V, TimeSource.SYSTEM, Backoff.standard(new SplittableRandom(1))));
        BinanceRestApi api = new BinanceRestApi(V, rest, Credentials.of("k", "s"), TimeSource.SYSTEM, 5000);
        rules.put("BTCUSDT", BinanceSymbolRules.from(BinanceRestParser.exchangeInfo(RULES).get(0)));
        gateway = new BinanceOrderGateway(V, api, new BinanceMapper(V), rules, hedge::get, active);
    }

    @AfterEach
    void tearDown() {
        server.close();
        http.dispatcher().executorService().shutdownNow();
    }

    @Test
    void oneWayReduceOnlyMarket() {
        assertThat(gateway.params(OrderRequest.market(BTC, Side.SELL, 0.5000000001, true, "lw-1")).encode())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.5&reduceOnly=true"
                        + "&newClientOrderId=lw-1&newOrderRespType=RESULT");
    }

    @Test
    void reduceOnlyIocLimitRoundsToStepAndTick() {
        assertThat(gateway.params(new OrderRequest(BTC, Side.BUY, 0.0123, OrderType.LIMIT_IOC, 64123.456, true,
                "lw-2")).encode()).isEqualTo("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.012"
                + "&price=64123.5&reduceOnly=true&newClientOrderId=lw-2&newOrderRespType=RESULT");
    }

    @Test
    void hedgeModeNamesThePositionSideInsteadOfReduceOnly() {
        hedge.set(true);
        assertThat(gateway.params(OrderRequest.market(BTC, Side.SELL, 1, true, "a")).encode())
                .contains("positionSide=LONG").doesNotContain("reduceOnly");
        assertThat(gateway.params(OrderRequest.market(BTC, Side.BUY, 1, true, "b")).encode())
                .contains("positionSide=SHORT").doesNotContain("reduceOnly");
        assertThat(gateway.params(OrderRequest.market(BTC, Side.BUY, 1, false, "c")).encode())
                .contains("positionSide=LONG");
    }

    @Test
    void clientIdBreakingBinancesRuleIsRefusedWithoutSending() {
        assertThatThrownBy(() -> gateway.place(OrderRequest.market(BTC, Side.SELL, 1, true,
                "this-id-is-far-too-long-for-binance-0123456789")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(VenueException.class).hasMessageContaining("not sent");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void signedOrderGoesInTheFormBodyWithKeyHeaderAndSignatureLast() throws Exception {
        server.enqueue(new MockResponse.Builder().body(Samples.read("rest-order-response.json")).build());
        gateway.place(OrderRequest.market(BTC, Side.SELL, 1, true, "lw-3")).get(5, TimeUnit.SECONDS);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getHeaders().get("X-MBX-APIKEY")).isEqualTo("k");
        String body = r.getBody().utf8();
        assertThat(body).matches("symbol=BTCUSDT&.*&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
        String total = body.substring(0, body.lastIndexOf("&signature="));
        assertThat(body.substring(body.lastIndexOf('=') + 1))
                .isEqualTo(BinanceParams.signature(Credentials.of("k", "s"), "", total));
        assertThat(active).contains("BTCUSDT");
    }

    @Test
    void timestampRejectionResynchronisesTheClock() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"serverTime\":" + (System.currentTimeMillis() + 60_000)
                + "}").build());
        assertThatThrownBy(() -> gateway.place(OrderRequest.market(BTC, Side.SELL, 1, true, "lw-4"))
                .get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((VenueException) e.getCause()).error().kind())
                        .isEqualTo(VenueError.Kind.TIMESTAMP));
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest time = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(time).isNotNull();
        assertThat(time.getUrl().encodedPath()).isEqualTo("/fapi/v1/time");
    }
}
