package io.legwatch.sim.protocol.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.Instrument;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * (Public only because Jetty invokes its listener methods reflectively; nothing else is exported.)
 * One client WebSocket: JSON-RPC requests in, answers and notifications out through a single
 * writer thread (frames leave in the order they were produced; nothing is written while the venue
 * is silent). Holds the connection's auth state, subscriptions, heartbeat and cancel-on-disconnect.
 */
public final class DeribitConnection implements Session.Listener.AutoDemanding, DeribitRpc.Caller {
    private static final Logger log = LoggerFactory.getLogger(DeribitConnection.class);

    private final DeribitFrontEnd frontEnd;
    private final ExecutorService writer;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private volatile Session session;
    /** Epoch ms until which the connection's token is valid; 0 = never authenticated. */
    private volatile long authenticatedUntil;
    private volatile boolean cancelOnDisconnect;
    private volatile boolean awaitingTest;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile ScheduledFuture<?> deadManRefresh;
    private volatile long heartbeatMs;
    /** A notification held back by the reorder fault; guarded by the writer thread. */
    private String heldBack;

    DeribitConnection(DeribitFrontEnd frontEnd) {
        this.frontEnd = frontEnd;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "deribit-fe-writer");
            t.setDaemon(true);
            return t;
        });
    }

    // ---- Jetty callbacks ----

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        frontEnd.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode request;
        try {
            request = DeribitPayloads.JSON.readTree(text);
        } catch (Exception e) {
            send(error(null, new RpcException(-32700, "Parse error")));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText("");
        if (frontEnd.wireFaults().takeRateLimit()) {
            send(error(id, new RpcException(10028, "too_many_requests")));
            return;
        }
        JsonNode params = request.path("params");
        frontEnd.rpc().call(method, params.isObject() ? params : DeribitPayloads.JSON.createObjectNode(), this)
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        send(error(id, DeribitRpc.translate(failure instanceof CompletionException c && c.getCause() != null
                                ? c.getCause() : failure)));
                    } else {
                        send(result(id, result));
                    }
                });
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed("closed " + statusCode);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed("error " + cause.getMessage());
    }

    // ---- DeribitRpc.Caller ----

    @Override
    public boolean authenticated() {
        return frontEnd.rpc().now() < authenticatedUntil;
    }

    @Override
    public void authenticate(long expiresAtMs) {
        authenticatedUntil = expiresAtMs;
    }

    @Override
    public DeribitConnection connection() {
        return this;
    }

    // ---- session features ----

    void setHeartbeat(int seconds) {
        ScheduledFuture<?> old = heartbeat;
        if (old != null) {
            old.cancel(false);
        }
        awaitingTest = false;
        if (seconds <= 0) {
            heartbeat = null;
            heartbeatMs = 0;
            return;
        }
        heartbeatMs = frontEnd.heartbeatUnit().toMillis() * seconds;
        heartbeat = frontEnd.timer().scheduleWithFixedDelay(this::heartbeatDue, heartbeatMs, heartbeatMs,
                TimeUnit.MILLISECONDS);
    }

    void testAnswered() {
        awaitingTest = false;
    }

    /** Deribit: a test_request left unanswered until the next one is due closes the connection. */
    private void heartbeatDue() {
        if (frontEnd.silent()) {
            return;
        }
        if (awaitingTest) {
            log.info("deribit front end: heartbeat test_request unanswered, closing the connection");
            drop();
            return;
        }
        awaitingTest = true;
        send("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}");
    }

    void subscribe(Channel channel) {
        channels.add(channel);
    }

    JsonNode unsubscribe(List<String> names) {
        var out = DeribitPayloads.JSON.createArrayNode();
        for (String n : names) {
            if (channels.removeIf(c -> c.name().equals(n))) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * Cancel-on-disconnect: orders are cancelled when this connection ends. A clean close cancels at once;
     * a venue-side outage is covered by keeping the simulator's dead-man armed while the connection lives,
     * so a dropped connection cancels once the window runs out (three heartbeat periods, default 30 s).
     */
    void enableCancelOnDisconnect(boolean on) {
        cancelOnDisconnect = on;
        ScheduledFuture<?> old = deadManRefresh;
        if (old != null) {
            old.cancel(false);
            deadManRefresh = null;
        }
        if (on) {
            long window = codWindowMs();
            deadManRefresh = frontEnd.timer().scheduleWithFixedDelay(
                    () -> frontEnd.armDeadMan(java.time.Duration.ofMillis(window)), 0, window / 3, TimeUnit.MILLISECONDS);
        } else {
            frontEnd.armDeadMan(java.time.Duration.ZERO);
        }
    }

    private long codWindowMs() {
        long hb = heartbeatMs;
        return hb > 0 ? hb * 3 : frontEnd.heartbeatUnit().toMillis() * 30;
    }

    // ---- outbound ----

    /** Pushes one notification to this connection if a channel covers it. */
    void notify(String stream, Instrument instrument, Function<Channel, JsonNode> data) {
        for (Channel c : channels) {
            if (c.stream().equals(stream) && c.covers(instrument)) {
                sendNotification(c.name(), data.apply(c));
            }
        }
    }

    void notifyPortfolio(String currency, Function<Channel, JsonNode> data) {
        for (Channel c : channels) {
            if (c.stream().equals("portfolio") && c.currency().equalsIgnoreCase(currency)) {
                sendNotification(c.name(), data.apply(c));
            }
        }
    }

    private void sendNotification(String channel, JsonNode data) {
        ObjectNode n = DeribitPayloads.JSON.createObjectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", "subscription");
        n.putObject("params").put("channel", channel).set("data", data);
        String text = n.toString();
        DeribitWireFaults faults = frontEnd.wireFaults();
        if (faults.takeMalformed()) {
            send(text.substring(0, text.length() / 2)); // cut mid-object: not JSON
        } else if (faults.takeReorder()) {
            submit(() -> heldBack = text);
        } else {
            send(text);
            if (faults.takeDuplicate()) {
                send(text);
            }
        }
    }

    void send(String text) {
        submit(() -> {
            write(text);
            if (heldBack != null) {
                String late = heldBack;
                heldBack = null;
                write(late);
            }
        });
    }

    private void submit(Runnable r) {
        try {
            writer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // connection closed: the frame has nowhere to go
        }
    }

    private void write(String text) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        try {
            frontEnd.awaitNotSilent(s);
            Callback.Completable done = new Callback.Completable();
            s.sendText(text, done);
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("deribit front end: write failed: {}", e.getMessage());
        }
    }

    /** Abrupt close, no close frame (a dropped TCP connection as the client sees it). */
    void drop() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
        closed("dropped");
    }

    private void closed(String why) {
        if (!frontEnd.closed(this)) {
            return; // already handled
        }
        cancel(heartbeat);
        cancel(deadManRefresh);
        writer.shutdownNow();
        if (cancelOnDisconnect) {
            frontEnd.cancelOnDisconnect(why);
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private static String result(JsonNode id, JsonNode result) {
        ObjectNode n = envelope(id);
        n.set("result", result);
        return n.toString();
    }

    static String error(JsonNode id, RpcException e) {
        ObjectNode n = envelope(id);
        n.putObject("error").put("code", e.code).put("message", e.getMessage());
        return n.toString();
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode n = DeribitPayloads.JSON.createObjectNode();
        n.put("jsonrpc", "2.0");
        if (id != null) {
            n.set("id", id);
        }
        long us = System.currentTimeMillis() * 1000;
        n.put("usIn", us);
        n.put("usOut", us);
        n.put("usDiff", 0);
        n.put("testnet", true);
        return n;
    }
}
