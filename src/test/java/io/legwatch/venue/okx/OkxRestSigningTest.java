package io.legwatch.venue.okx;

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

/** What the OKX connector puts on the wire for signed REST calls, captured by a loopback MockWebServer. */
class OkxRestSigningTest {
    private static final long NOW = 1607418537715L; // 2020-12-08T09:08:57.715Z
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
    private OkxConnector connector;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        String base = server.url("/").toString().replaceAll("/$", "");
        OkxConfig demo = new OkxConfig(VenueId.of("okx-demo"), base, "ws://127.0.0.1:1/ws/v5/private", true,
                List.of("SWAP"), List.of(), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(5), "cross", true);
        connector = new OkxConnector(demo, Credentials.of("my-key", "22582BD0CFF14C41EDBF1AB98506286D", "my-pass"),
                new OkHttpClient(), FIXED, new Random(1));
    }

    @AfterEach
    void tearDown() {
        connector.stop();
        server.close();
    }

    @Test
    void signedGetCarriesTheDocumentedHeadersAndTheDemoFlag() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}").build());
        assertThat(connector.fetchPositions().get(10, TimeUnit.SECONDS)).isEmpty();

        RecordedRequest r = server.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/v5/account/positions");
        assertThat(r.getHeaders().get("OK-ACCESS-KEY")).isEqualTo("my-key");
        assertThat(r.getHeaders().get("OK-ACCESS-PASSPHRASE")).isEqualTo("my-pass");
        assertThat(r.getHeaders().get("OK-ACCESS-TIMESTAMP")).isEqualTo("2020-12-08T09:08:57.715Z");
        assertThat(r.getHeaders().get("OK-ACCESS-SIGN")).isEqualTo(Hmac.sha256Base64("22582BD0CFF14C41EDBF1AB98506286D",
                "2020-12-08T09:08:57.715ZGET/api/v5/account/positions"));
        assertThat(r.getHeaders().get("x-simulated-trading")).isEqualTo("1");
    }

    @Test
    void signedPostSignsTheExactBodySent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"triggerTime\":\"1607418597715\",\"tag\":\"\",\"ts\":\"1607418537715\"}]}")
                .build());
        connector.orders().orElseThrow().armDeadMan(Duration.ofSeconds(60)).get(10, TimeUnit.SECONDS);

        RecordedRequest r = server.takeRequest();
        String body = r.getBody().string(StandardCharsets.UTF_8);
        assertThat(r.getTarget()).isEqualTo("/api/v5/trade/cancel-all-after");
        assertThat(body).isEqualTo("{\"timeOut\":\"60\"}");
        assertThat(r.getHeaders().get("OK-ACCESS-SIGN")).isEqualTo(Hmac.sha256Base64("22582BD0CFF14C41EDBF1AB98506286D",
                "2020-12-08T09:08:57.715ZPOST/api/v5/trade/cancel-all-after" + body));
    }

    @Test
    void queryStringIsPartOfTheSignedPath() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}").build());
        connector.instruments().get(10, TimeUnit.SECONDS);
        RecordedRequest r = server.takeRequest();
        // public market data: no signature headers at all
        assertThat(r.getTarget()).isEqualTo("/api/v5/public/instruments?instType=SWAP");
        assertThat(r.getHeaders().get("OK-ACCESS-SIGN")).isNull();
    }
}
