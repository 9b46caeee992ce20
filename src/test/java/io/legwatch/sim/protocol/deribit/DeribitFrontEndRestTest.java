package io.legwatch.sim.protocol.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front end's REST mirror with a raw HTTP client: payload shapes, signature verification and the
 * wire faults. Signatures are computed here independently of the connector's code.
 */
class DeribitFrontEndRestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "rest-id";
    private static final String SECRET = "rest-secret";

    private SimExchange exchange;
    private DeribitFrontEnd frontEnd;
    private final OkHttpClient http = new OkHttpClient();
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        exchange = new SimExchange(3, System.currentTimeMillis());
        frontEnd = new DeribitFrontEnd(exchange, SimExchange.SIM_A, ID, SECRET, TimeSource.SYSTEM, Duration.ofMillis(50));
        port = frontEnd.start(0);
        exchange.place(OrderRequest.market(new InstrumentKey(SimExchange.SIM_A, "BTC-PERPETUAL"), Side.SELL, 3, false,
                "seed")).join();
    }

    @AfterEach
    void tearDown() {
        frontEnd.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String uri, String authorization) throws IOException {
        Request.Builder b = new Request.Builder().url("http://127.0.0.1:" + port + uri);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), JSON.readTree(r.body().string()));
        }
    }

    private static String sign(String secret, long ts, String nonce, String uri) {
        String sig = DeribitRpc.hmacHex(secret, ts + "\n" + nonce + "\n" + "GET\n" + uri + "\n\n");
        return "deri-hmac-sha256 id=" + ID + ",ts=" + ts + ",sig=" + sig + ",nonce=" + nonce;
    }

    @Test
    void publicInstrumentsNeedNoAuthAndLookLikeTheDocs() throws Exception {
        Answer a = get("/api/v2/public/get_instruments?currency=BTC&kind=future", null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode perp = null;
        for (JsonNode n : a.body().get("result")) {
            if (n.get("instrument_name").asText().equals("BTC-PERPETUAL")) {
                perp = n;
            }
        }
        assertThat(perp).isNotNull();
        assertThat(perp.get("kind").asText()).isEqualTo("future");
        assertThat(perp.get("instrument_type").asText()).isEqualTo("reversed");
        assertThat(perp.get("contract_size").asDouble()).isEqualTo(10);
        assertThat(perp.get("min_trade_amount").asDouble()).isEqualTo(10);
        assertThat(perp.get("base_currency").asText()).isEqualTo("BTC");
    }

    @Test
    void signedPrivateCallAnswersPositionsInUsd() throws Exception {
        String uri = "/api/v2/private/get_positions?currency=BTC&kind=future";
        Answer a = get(uri, sign(SECRET, System.currentTimeMillis(), "n1", uri));
        assertThat(a.status()).isEqualTo(200);
        JsonNode p = a.body().get("result").get(0);
        assertThat(p.get("instrument_name").asText()).isEqualTo("BTC-PERPETUAL");
        assertThat(p.get("size").asDouble()).isEqualTo(-30); // 3 contracts short = -30 USD
        assertThat(p.get("direction").asText()).isEqualTo("sell");
        assertThat(p.get("kind").asText()).isEqualTo("future");
    }

    @Test
    void unsignedWrongAndStaleSignaturesGetDeribitsAuthError() throws Exception {
        String uri = "/api/v2/private/get_positions?currency=BTC";
        for (String auth : new String[]{null, sign("not-the-secret", System.currentTimeMillis(), "n2", uri),
                sign(SECRET, System.currentTimeMillis() - 120_000, "n3", uri),
                sign(SECRET, System.currentTimeMillis(), "n4", "/api/v2/private/get_positions?currency=ETH")}) {
            Answer a = get(uri, auth);
            assertThat(a.status()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(a.body().at("/error/code").asInt()).isEqualTo(13009);
            assertThat(a.body().at("/error/message").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void rateLimitFaultAnswers429WithDeribitsBody() throws Exception {
        frontEnd.wireFaults().rateLimitNext(1);
        Answer limited = get("/api/v2/public/test", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().at("/error/code").asInt()).isEqualTo(10028);
        assertThat(limited.body().at("/error/message").asText()).isEqualTo("too_many_requests");
        assertThat(get("/api/v2/public/test", null).body().at("/result/version").asText()).isEqualTo("1.2.26");
    }

    @Test
    void venueDownAnswers503AndUnknownMethodsAreJsonRpcErrors() throws Exception {
        assertThat(get("/api/v2/public/no_such_method", null).body().at("/error/code").asInt()).isEqualTo(-32601);
        exchange.faults(SimExchange.SIM_A).disconnect();
        Request r = new Request.Builder().url("http://127.0.0.1:" + port + "/api/v2/public/test").build();
        try (Response resp = http.newCall(r).execute()) {
            assertThat(resp.code()).isEqualTo(503);
        }
    }
}
