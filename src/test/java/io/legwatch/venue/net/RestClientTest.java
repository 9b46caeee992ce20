package io.legwatch.venue.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RestClientTest {
    private static final VenueId VENUE = VenueId.of("test-venue");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Binance-like body decoder, enough to show how a venue plugs its codes in (self-made fixture). */
    private static final RestClient.ErrorDecoder DECODER = (status, body) -> {
        try {
            JsonNode n = JSON.readTree(body);
            if (!n.has("code") || n.get("code").asInt() >= 0) {
                return null;
            }
            int code = n.get("code").asInt();
            VenueError.Kind kind = switch (code) {
                case -1003 -> VenueError.Kind.RATE_LIMITED;
                case -1021 -> VenueError.Kind.TIMESTAMP;
                case -2014, -2015 -> VenueError.Kind.AUTH;
                default -> VenueError.Kind.REJECTED;
            };
            return new VenueError(VENUE, kind, Integer.toString(code), n.path("msg").asText());
        } catch (Exception e) {
            return null;
        }
    };

    private MockWebServer server;
    private ManualTime time;
    private RestClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        time = new ManualTime();
        RateLimitGate gate = new RateLimitGate(VENUE, time,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.0, new Random(1)));
        client = new RestClient(VENUE, new OkHttpClient(), server.url("/"), DECODER, gate);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CompletableFuture<RestClient.Reply> get(String path) {
        return client.execute(new Request.Builder().url(client.url(path).build()).build());
    }

    private static VenueError errorOf(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(VenueException.class);
        return ((VenueException) t.getCause()).error();
    }

    @Test
    void successReturnsBodyAndHitsThePath() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"ok\":true}").build());
        RestClient.Reply reply = get("/fapi/v2/positionRisk").get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"ok\":true}");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/fapi/v2/positionRisk");
    }

    @Test
    void http429IsRateLimitedAndBlocksTheNextCallWithoutTouchingTheNetwork() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5")
                .body("{\"code\":-1003,\"msg\":\"Too many requests; current limit is 2400 per minute.\"}").build());
        VenueError first = errorOf(get("/x"));
        assertThat(first.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(first.code()).isEqualTo("-1003");
        assertThat(first.message()).startsWith("Too many requests");

        VenueError second = errorOf(get("/x"));
        assertThat(second.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(second.code()).isEqualTo("backoff");
        assertThat(server.getRequestCount()).as("the blocked call was not sent").isEqualTo(1);

        time.advance(Duration.ofSeconds(5));
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        assertThat(get("/x").join().status()).isEqualTo(200);
    }

    @Test
    void http418WithoutABodyCodeIsRateLimited() {
        server.enqueue(new MockResponse.Builder().code(418).body("banned").build());
        VenueError e = errorOf(get("/x"));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(e.code()).isEqualTo("HTTP418");
        assertThat(e.message()).contains("banned");
    }

    @Test
    void statusTableWhenTheBodySaysNothing() {
        record Case(int status, VenueError.Kind kind) {
        }
        for (Case c : new Case[]{new Case(401, VenueError.Kind.AUTH), new Case(403, VenueError.Kind.AUTH),
                new Case(500, VenueError.Kind.NETWORK), new Case(502, VenueError.Kind.NETWORK),
                new Case(503, VenueError.Kind.NETWORK), new Case(400, VenueError.Kind.REJECTED),
                new Case(404, VenueError.Kind.REJECTED)}) {
            server.enqueue(new MockResponse.Builder().code(c.status()).body("<html>oops</html>").build());
            VenueError e = errorOf(get("/x"));
            assertThat(e.kind()).as("HTTP %d", c.status()).isEqualTo(c.kind());
            assertThat(e.code()).isEqualTo("HTTP" + c.status());
        }
    }

    @Test
    void venueCodesInTheBodyWinOverTheStatus() {
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}").build());
        VenueError e = errorOf(get("/x"));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.TIMESTAMP);
        assertThat(e.code()).isEqualTo("-1021");
    }

    @Test
    void errorInA200BodyIsStillAnError() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"code\":-2015,\"msg\":\"Invalid API-key\"}").build());
        assertThat(errorOf(get("/x")).kind()).isEqualTo(VenueError.Kind.AUTH);
    }

    @Test
    void connectionRefusedIsNetwork() throws Exception {
        int port = server.getPort();
        server.close();
        RestClient dead = new RestClient(VENUE, new OkHttpClient(),
                okhttp3.HttpUrl.get("http://127.0.0.1:" + port + "/"), DECODER,
                new RateLimitGate(VENUE, time, Backoff.standard(new Random(1))));
        VenueError e = errorOf(dead.execute(new Request.Builder().url(dead.url("/x").build()).build()));
        assertThat(e.kind()).isIn(VenueError.Kind.NETWORK, VenueError.Kind.TIMEOUT);
    }
}
