package io.legwatch.venue.net;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.TimeSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** WsSession against MockWebServer WebSockets on loopback; waits poll with a timeout, nothing asserts on time. */
class WsSessionTest {
    private MockWebServer server;
    private WsSession session;
    private final OkHttpClient http = new OkHttpClient();
    private final Recorder handler = new Recorder();

    /** Records statuses and messages; its connect hook says hello and can be made to fail. */
    private static final class Recorder implements WsSession.Handler {
        final List<String> statuses = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        final AtomicInteger opens = new AtomicInteger();
        volatile boolean failNextResync;

        @Override
        public CompletionStage<?> onOpen(WsSession s) {
            int n = opens.incrementAndGet();
            s.send("hello " + n);
            if (failNextResync) {
                failNextResync = false;
                return CompletableFuture.failedFuture(new IllegalStateException("snapshot refused"));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onMessage(String text, long recvNanos) {
            messages.add(text);
        }

        @Override
        public void onStatus(ConnectionState state, String detail) {
            statuses.add(state + " " + detail);
        }

        long count(ConnectionState state) {
            return statuses.stream().filter(s -> s.startsWith(state.name() + " ")).count();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void tearDown() {
        if (session != null) {
            session.close();
        }
        server.close();
    }

    private WsSessionConfig config() {
        return WsSessionConfig.of("test", () -> server.url("/ws").toString())
                .withStaleness(Duration.ofSeconds(20), Duration.ofSeconds(40));
    }

    private void start(WsSessionConfig config) {
        session = new WsSession(config, http, handler,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.5, new Random(3)), TimeSource.SYSTEM);
        session.start();
    }

    private static MockResponse upgrade(ServerSocketRecorder server) {
        return new MockResponse.Builder().webSocketUpgrade(server).build();
    }

    @Test
    void connectHookRunsOnEveryConnectionAndMessagesFlow() throws Exception {
        ServerSocketRecorder first = new ServerSocketRecorder("snapshot-1");
        ServerSocketRecorder second = new ServerSocketRecorder("snapshot-2");
        server.enqueue(upgrade(first));
        server.enqueue(upgrade(second));
        start(config());

        Await.until("first connection live", () -> handler.count(ConnectionState.CONNECTED) == 1);
        Await.until("hello 1 at the server", () -> first.received.contains("hello 1"));
        Await.until("server greeting delivered", () -> handler.messages.contains("snapshot-1"));

        first.opened.get(5, TimeUnit.SECONDS).close(1001, "going away");
        Await.until("reconnected", () -> handler.count(ConnectionState.CONNECTED) == 2);
        Await.until("hello 2 at the server", () -> second.received.contains("hello 2"));
        assertThat(handler.opens).hasValue(2);
        assertThat(handler.statuses).anySatisfy(s -> assertThat(s).startsWith("DOWN venue closed the connection (1001"));
        assertThat(handler.statuses.get(0)).startsWith("CONNECTING");
        assertThat(session.send("after")).isTrue();
        Await.until("send on the new socket", () -> second.received.contains("after"));
    }

    @Test
    void silencePastTheLimitsReportsStaleThenReconnects() {
        server.enqueue(upgrade(new ServerSocketRecorder(null)));
        ServerSocketRecorder second = new ServerSocketRecorder(null);
        server.enqueue(upgrade(second));
        start(config().withStaleness(Duration.ofMillis(200), Duration.ofMillis(600)));

        Await.until("stale reported", () -> handler.count(ConnectionState.STALE) >= 1);
        Await.until("presumed dead", () -> handler.statuses.stream().anyMatch(s -> s.contains("presumed dead")));
        Await.until("second connection", () -> second.received.contains("hello 2"));
        int stale = handler.statuses.indexOf(handler.statuses.stream().filter(s -> s.startsWith("STALE")).findFirst().orElseThrow());
        int dead = handler.statuses.indexOf(handler.statuses.stream().filter(s -> s.contains("presumed dead")).findFirst().orElseThrow());
        assertThat(stale).isLessThan(dead);
    }

    @Test
    void dataAfterStaleRecovers() throws Exception {
        ServerSocketRecorder srv = new ServerSocketRecorder(null);
        server.enqueue(upgrade(srv));
        start(config().withStaleness(Duration.ofMillis(200), Duration.ofSeconds(30)));
        Await.until("stale", () -> handler.count(ConnectionState.STALE) == 1);
        srv.opened.get(5, TimeUnit.SECONDS).send("late data");
        Await.until("connected again", () -> handler.statuses.stream().anyMatch(s -> s.equals("CONNECTED data flowing again")));
    }

    @Test
    void sendsApplicationPings() {
        ServerSocketRecorder srv = new ServerSocketRecorder(null);
        server.enqueue(upgrade(srv));
        start(config().withPing(Duration.ofMillis(30), () -> "{\"op\":\"ping\"}"));
        Await.until("three pings", () -> srv.received.stream().filter(m -> m.equals("{\"op\":\"ping\"}")).count() >= 3);
    }

    @Test
    void failedResyncDropsTheSocketAndRetries() {
        handler.failNextResync = true;
        server.enqueue(upgrade(new ServerSocketRecorder(null)));
        ServerSocketRecorder second = new ServerSocketRecorder(null);
        server.enqueue(upgrade(second));
        start(config());
        Await.until("connected after retry", () -> handler.count(ConnectionState.CONNECTED) == 1);
        assertThat(handler.statuses).anySatisfy(s -> assertThat(s).startsWith("DOWN resync failed: snapshot refused"));
        assertThat(handler.opens).hasValue(2);
    }

    @Test
    void rejectedHandshakeIsReportedAndRetried() {
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());
        server.enqueue(upgrade(new ServerSocketRecorder(null)));
        start(config());
        Await.until("connected after retry", () -> handler.count(ConnectionState.CONNECTED) == 1);
        assertThat(handler.statuses).anySatisfy(s -> assertThat(s).contains("handshake answered HTTP 503"));
    }

    @Test
    void failingUrlSourceIsRetriedWithBackoff() {
        AtomicInteger calls = new AtomicInteger();
        server.enqueue(upgrade(new ServerSocketRecorder(null)));
        start(WsSessionConfig.of("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("listenKey refused");
            }
            return server.url("/ws").toString();
        }));
        Await.until("connected on the third try", () -> handler.count(ConnectionState.CONNECTED) == 1);
        assertThat(handler.count(ConnectionState.DOWN)).isEqualTo(2);
        assertThat(handler.statuses).anySatisfy(s -> assertThat(s).contains("could not prepare the connection: listenKey refused"));
    }

    @Test
    void nothingIsReportedAfterClose() throws Exception {
        ServerSocketRecorder srv = new ServerSocketRecorder(null);
        server.enqueue(upgrade(srv));
        start(config());
        Await.until("connected", () -> handler.count(ConnectionState.CONNECTED) == 1);
        session.close();
        int before = handler.statuses.size();
        int messages = handler.messages.size();
        srv.opened.get(5, TimeUnit.SECONDS).send("too late");
        Thread.sleep(200); // give a wrong implementation the chance to deliver; the assertion is about absence
        assertThat(handler.statuses).hasSize(before);
        assertThat(handler.messages).hasSize(messages);
        assertThat(session.send("x")).isFalse();
    }
}
