package io.legwatch.venue.binance;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
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
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** listenKey creation, keep-alive cadence and the 24 h rotation, on a manual clock against a recording server. */
class BinanceListenKeysTest {
    private static final VenueId V = VenueId.of("binance-a");
    private final MockWebServer server = new MockWebServer();
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final TimeSource clock = new TimeSource() {
        @Override
        public long millis() {
            return now.get();
        }

        @Override
        public long nanos() {
            return now.get() * 1_000_000;
        }
    };
    private final OkHttpClient http = new OkHttpClient();
    private final List<String> reconnects = new CopyOnWriteArrayList<>();
    private final List<VenueError> reports = new CopyOnWriteArrayList<>();
    private BinanceListenKeys keys;

    @BeforeEach
    void setUp() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        RestClient rest = new RestClient(V, http, server.url("/"), BinanceRestApi.errorDecoder(V),
                new RateLimitGate(V, clock, Backoff.standard(new SplittableRandom(1))));
        BinanceRestApi api = new BinanceRestApi(V, rest, Credentials.of("the-key", "the-secret"), clock, 5000);
        BinanceConnectorSettings settings = BinanceConnectorSettings.of(V, server.url("/").toString(),
                "ws://127.0.0.1:1/ws", false);
        keys = new BinanceListenKeys(api, settings, clock);
        keys.owner(new BinanceListenKeys.Owner() {
            @Override
            public void reconnect(String why) {
                reconnects.add(why);
            }

            @Override
            public void report(VenueError error) {
                reports.add(error);
            }
        });
    }

    @AfterEach
    void tearDown() {
        server.close();
        http.dispatcher().executorService().shutdownNow();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toMillis());
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Test
    void streamUrlCarriesAFreshListenKeyCreatedWithTheApiKeyHeader() throws Exception {
        server.enqueue(new MockResponse.Builder().body(Samples.read("rest-listenkey.json")).build());
        assertThat(keys.nextStreamUrl())
                .isEqualTo("ws://127.0.0.1:1/ws/pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1");
        RecordedRequest r = next();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/fapi/v1/listenKey");
        assertThat(r.getHeaders().get("X-MBX-APIKEY")).isEqualTo("the-key");
        assertThat(r.getUrl().queryParameter("signature")).as("USER_STREAM needs no signature").isNull();
    }

    @Test
    void keepAliveEvery30MinutesAndRotationBefore24Hours() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"listenKey\":\"k1\"}").build());
        keys.nextStreamUrl();
        next();
        assertThat(keys.tick()).isEqualTo("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
        assertThat(server.getRequestCount()).isEqualTo(1); // nothing due yet

        for (int i = 1; i <= 46; i++) {
            advance(Duration.ofMinutes(30));
            server.enqueue(new MockResponse.Builder().body("{}").build());
            keys.tick();
            RecordedRequest put = next();
            assertThat(put.getMethod()).isEqualTo("PUT");
            assertThat(put.getUrl().encodedPath()).isEqualTo("/fapi/v1/listenKey");
        }
        assertThat(reconnects).isEmpty(); // 23 h after connecting
        advance(Duration.ofMinutes(30));   // 23 h 30 min: the default maximum age
        keys.tick();
        assertThat(reconnects).singleElement().asString().contains("24 h");
        keys.tick();
        assertThat(reconnects).as("asked once per connection").hasSize(1);
    }

    @Test
    void keepAliveOfAVanishedKeyReconnects() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"listenKey\":\"k1\"}").build());
        keys.nextStreamUrl();
        next();
        advance(Duration.ofMinutes(31));
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}").build());
        keys.tick();
        next();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reconnects.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reconnects).singleElement().asString().contains("-1125");
        assertThat(reports).isEmpty();
    }
}
