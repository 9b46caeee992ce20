package io.legwatch.venue.net;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base connector's guarantees, with a toy line protocol (self-made, not a venue's):
 * the client sends "snap?" on connect, the server answers "SNAP qty"; "POS qty" is a stream update.
 */
class StreamingConnectorTest {
    private static final VenueId VENUE = VenueId.of("toy");
    private static final InstrumentKey KEY = new InstrumentKey(VENUE, "TOY-PERP");

    private MockWebServer server;
    private ToyConnector connector;
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    static final class ToyConnector extends StreamingConnector {
        volatile CompletableFuture<VenueEvent.Snapshot> pending;
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean restWorks = true;

        ToyConnector(String url) {
            super(VENUE, WsSessionConfig.of("toy", () -> url), new OkHttpClient(),
                    new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.0, new Random(1)),
                    TimeSource.SYSTEM, Duration.ofMillis(50));
        }

        @Override
        protected CompletableFuture<VenueEvent.Snapshot> resync(WsSession session) {
            pending = new CompletableFuture<>();
            session.send("snap?");
            return pending;
        }

        @Override
        protected void onText(String text, long recvNanos) {
            String[] parts = text.split(" ");
            try {
                double qty = Double.parseDouble(parts[1]);
                switch (parts[0]) {
                    case "SNAP" -> pending.complete(snapshot(qty, recvNanos));
                    case "POS" -> emit(new VenueEvent.PositionUpdate(new Position(KEY, qty, 100, Double.NaN), 0, recvNanos));
                    default -> reportMalformed("unknown message type", text, recvNanos);
                }
            } catch (RuntimeException e) {
                reportMalformed("unparseable", text, recvNanos);
            }
        }

        @Override
        protected boolean hasRestFallback() {
            return true;
        }

        @Override
        protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
            polls.incrementAndGet();
            return restWorks ? CompletableFuture.completedFuture(snapshot(-7, System.nanoTime()))
                    : CompletableFuture.failedFuture(new io.legwatch.domain.VenueException(
                    new VenueError(VENUE, VenueError.Kind.NETWORK, null, "REST down too")));
        }

        static VenueEvent.Snapshot snapshot(double qty, long recvNanos) {
            return new VenueEvent.Snapshot(VENUE, List.of(), List.of(new Position(KEY, qty, 100, Double.NaN)), List.of(),
                    0, recvNanos);
        }

        @Override
        public CompletableFuture<List<Instrument>> instruments() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<Position>> fetchPositions() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<Order>> fetchOpenOrders() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public Optional<OrderGateway> orders() {
            return Optional.empty();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        connector = new ToyConnector(server.url("/ws").toString());
    }

    @AfterEach
    void tearDown() {
        connector.stop();
        server.close();
    }

    /** Server that, on "snap?", first pushes a stream update and only then the snapshot answer. */
    private static final class SnapServer extends ServerSocketRecorder {
        final double snapQty;
        final String before;

        SnapServer(double snapQty, String before) {
            super(null);
            this.snapQty = snapQty;
            this.before = before;
        }

        @Override
        public void onMessage(okhttp3.WebSocket ws, String text) {
            super.onMessage(ws, text);
            if (text.equals("snap?")) {
                if (before != null) {
                    ws.send(before);
                }
                ws.send("SNAP " + snapQty);
            }
        }
    }

    private long statusCount(ConnectionState s) {
        return events.stream().filter(e -> e instanceof VenueEvent.StatusChange sc && sc.state() == s).count();
    }

    @Test
    void snapshotComesBeforeHeldBackUpdatesThenConnected() throws Exception {
        SnapServer srv = new SnapServer(5, "POS 6");
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(srv).build());
        connector.start(events::add);
        Await.until("connected", () -> statusCount(ConnectionState.CONNECTED) == 1);
        srv.opened.get(5, TimeUnit.SECONDS).send("POS 8");
        Await.until("live update", () -> events.stream().anyMatch(e -> e instanceof VenueEvent.PositionUpdate p
                && p.position().qty() == 8));

        List<String> kinds = events.stream().map(StreamingConnectorTest::describe).toList();
        assertThat(kinds).containsSubsequence("STATUS CONNECTING", "SNAPSHOT 5.0", "POS 6.0", "STATUS CONNECTED", "POS 8.0");
        assertThat(kinds.indexOf("SNAPSHOT 5.0")).isLessThan(kinds.indexOf("POS 6.0"));
    }

    @Test
    void malformedMessagesAreCountedAndReported() throws Exception {
        SnapServer srv = new SnapServer(1, null);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(srv).build());
        connector.start(events::add);
        Await.until("connected", () -> statusCount(ConnectionState.CONNECTED) == 1);
        srv.opened.get(5, TimeUnit.SECONDS).send("POS {\"access_token\":\"tok123\"}");
        Await.until("error report", () -> events.stream().anyMatch(e -> e instanceof VenueEvent.ErrorReport));
        VenueEvent.ErrorReport report = (VenueEvent.ErrorReport) events.stream()
                .filter(e -> e instanceof VenueEvent.ErrorReport).findFirst().orElseThrow();
        assertThat(report.error().kind()).isEqualTo(VenueError.Kind.MALFORMED);
        assertThat(report.error().message()).contains("unparseable").doesNotContain("tok123");
        assertThat(connector.counters().malformedCount()).isEqualTo(1);
        assertThat(statusCount(ConnectionState.CONNECTED)).as("still connected").isEqualTo(1);
    }

    @Test
    void streamDownPollsRestAsDegradedThenResyncsWhenBack() throws Exception {
        SnapServer first = new SnapServer(5, null);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(first).build());
        for (int i = 0; i < 8; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(new SnapServer(9, null)).build());
        connector.start(events::add);
        Await.until("connected", () -> statusCount(ConnectionState.CONNECTED) == 1);
        first.opened.get(5, TimeUnit.SECONDS).close(1011, "server restarting");

        Await.until("degraded", () -> statusCount(ConnectionState.DEGRADED) >= 1);
        Await.until("polled snapshot", () -> events.stream().anyMatch(e -> describe(e).equals("SNAPSHOT -7.0")));
        Await.until("back on the stream", () -> statusCount(ConnectionState.CONNECTED) == 2);
        List<String> kinds = events.stream().map(StreamingConnectorTest::describe).toList();
        assertThat(kinds).containsSubsequence("STATUS DOWN", "STATUS DEGRADED", "SNAPSHOT -7.0", "SNAPSHOT 9.0",
                "STATUS CONNECTED");
        int pollsAtReconnect = connector.polls.get();
        Thread.sleep(300); // polling must have stopped; the assertion is about absence
        assertThat(connector.polls.get()).isLessThanOrEqualTo(pollsAtReconnect + 1);
        VenueEvent.StatusChange degraded = (VenueEvent.StatusChange) events.stream()
                .filter(e -> e instanceof VenueEvent.StatusChange sc && sc.state() == ConnectionState.DEGRADED)
                .findFirst().orElseThrow();
        assertThat(degraded.detail()).contains("polled over REST");
    }

    @Test
    void streamAndRestDownStaysDown() throws Exception {
        connector.restWorks = false;
        SnapServer first = new SnapServer(5, null);
        server.enqueue(new MockResponse.Builder().webSocketUpgrade(first).build());
        for (int i = 0; i < 50; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        connector.start(events::add);
        Await.until("connected", () -> statusCount(ConnectionState.CONNECTED) == 1);
        first.opened.get(5, TimeUnit.SECONDS).close(1011, "server restarting");
        Await.until("three polls", () -> connector.polls.get() >= 3);
        assertThat(statusCount(ConnectionState.DEGRADED)).isZero();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.ErrorReport.class,
                r -> assertThat(r.error().message()).isEqualTo("REST down too")));
        assertThat(events.stream().filter(e -> e instanceof VenueEvent.ErrorReport).count())
                .as("a failing poll is reported once, not every interval").isEqualTo(1);
    }

    static String describe(VenueEvent e) {
        if (e instanceof VenueEvent.StatusChange s) {
            return "STATUS " + s.state();
        }
        if (e instanceof VenueEvent.Snapshot s) {
            return "SNAPSHOT " + s.positions().get(0).qty();
        }
        if (e instanceof VenueEvent.PositionUpdate p) {
            return "POS " + p.position().qty();
        }
        return e.getClass().getSimpleName();
    }
}
