package io.legwatch.venue.bybit;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.net.Hmac;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Bybit connector puts on the wire for signed REST calls, captured by a loopback MockWebServer. */
class BybitRestSigningTest {
    private static final long NOW = 1658384314791L;
    private static final TimeSource FIXED = new TimeSource() {
        @Override
        public long millis() {
            return NOW;
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };

    private final MockWebServer server = new MockWebServer();
    private BybitConnector connector;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        String base = server.url("/").toString().replaceAll("/$", "");
        BybitConfig config = new BybitConfig(VenueId.of("bybit-t"), base, "ws://127.0.0.1:1/v5/private",
                List.of(new BybitConfig.Scope("linear", "USDT")), 5000, Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(5), "DERIVATIVES", true);
        connector = new BybitConnector(config, Credentials.of("XXXXXXXXXX", "test-secret"), new OkHttpClient(), FIXED,
                new Random(1));
    }

    @AfterEach
    void tearDown() {
        connector.stop();
        server.close();
    }

    @Test
    void signedGetSignsTheQueryStringAsSent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(
                "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[],\"nextPageCursor\":\"\",\"category\":\"linear\"},"
                        + "\"retExtInfo\":{},\"time\":1}").build());
        assertThat(connector.fetchPositions().get(10, TimeUnit.SECONDS)).isEmpty();

        RecordedRequest r = server.takeRequest();
        String query = r.getUrl().encodedQuery();
        assertThat(query).isEqualTo("category=linear&settleCoin=USDT&limit=200");
        assertThat(r.getHeaders().get("X-BAPI-API-KEY")).isEqualTo("XXXXXXXXXX");
        assertThat(r.getHeaders().get("X-BAPI-TIMESTAMP")).isEqualTo("1658384314791");
        assertThat(r.getHeaders().get("X-BAPI-RECV-WINDOW")).isEqualTo("5000");
        assertThat(r.getHeaders().get("X-BAPI-SIGN")).isEqualTo(
                Hmac.sha256Hex("test-secret", "1658384314791XXXXXXXXXX5000" + query));
    }

    @Test
    void signedPostSignsTheExactBodySent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"retCode\":0,\"retMsg\":\"success\"}").build());
        connector.orders().orElseThrow().armDeadMan(Duration.ofSeconds(40)).get(10, TimeUnit.SECONDS);

        RecordedRequest r = server.takeRequest();
        String body = r.getBody().string(StandardCharsets.UTF_8);
        assertThat(r.getTarget()).isEqualTo("/v5/order/disconnected-cancel-all");
        assertThat(body).isEqualTo("{\"product\":\"DERIVATIVES\",\"timeWindow\":40}");
        assertThat(r.getHeaders().get("X-BAPI-SIGN")).isEqualTo(
                Hmac.sha256Hex("test-secret", "1658384314791XXXXXXXXXX5000" + body));
    }
}
