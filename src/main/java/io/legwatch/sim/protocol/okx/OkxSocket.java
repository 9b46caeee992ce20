package io.legwatch.sim.protocol.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection to the simulated {@code /ws/v5/private}: text {@code ping}/{@code pong},
 * {@code login}, {@code subscribe}/{@code unsubscribe} per channel like OKX, then pushes of the account's
 * {@code positions}, {@code orders} (with the trade's fill fields) and {@code orders-algo} (stop orders).
 * Public only because Jetty invokes endpoint methods reflectively. Writes go out one at a time, in order;
 * the front end's wire faults apply there.
 */
public final class OkxSocket implements Session.Listener.AutoDemanding, SimListener {
    private static final Logger log = LoggerFactory.getLogger(OkxSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANNELS = Set.of("positions", "orders", "orders-algo", "balance_and_position");
    private static final AtomicLong IDS = new AtomicLong();

    private final OkxFrontEnd frontEnd;
    private final String connId = Long.toHexString(0x5a000000L + IDS.incrementAndGet());
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Set<String> channels = new HashSet<>();
    private final List<Fill> pendingFills = new ArrayList<>();
    private Session session;
    private boolean writing;
    private volatile boolean loggedIn;
    private SimSubscription subscription;
    private String heldForReorder;

    OkxSocket(OkxFrontEnd frontEnd) {
        this.frontEnd = frontEnd;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        frontEnd.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        if ("ping".equals(text)) {
            answer("pong");
            return;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (Exception e) {
            answer(OkxWireEncoder.event("error", "60012", "Invalid request: " + text, connId));
            return;
        }
        switch (msg.path("op").asText("")) {
            case "login" -> login(msg.path("args").path(0));
            case "subscribe" -> subscribe(msg.path("args"));
            case "unsubscribe" -> unsubscribe(msg.path("args"));
            default -> answer(OkxWireEncoder.event("error", "60012", "Invalid request: " + text, connId));
        }
    }

    private void login(JsonNode a) {
        OkxAuth.Refusal r = frontEnd.auth().checkLogin(a.path("apiKey").asText(null), a.path("passphrase").asText(null),
                a.path("timestamp").asText(null), a.path("sign").asText(null));
        loggedIn = r == null;
        answer(r == null ? OkxWireEncoder.event("login", "0", "", connId)
                : OkxWireEncoder.event("error", r.code(), r.msg(), connId));
    }

    private void subscribe(JsonNode args) {
        if (!loggedIn) {
            answer(OkxWireEncoder.event("error", "60011", "Please log in", connId));
            return;
        }
        for (JsonNode arg : args) {
            String channel = arg.path("channel").asText("");
            if (!CHANNELS.contains(channel)) {
                answer(OkxWireEncoder.event("error", "60018", "Wrong URL or channel:" + channel
                        + " doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
                        connId));
                continue;
            }
            synchronized (this) {
                channels.add(channel);
            }
            answer(OkxWireEncoder.json(g -> {
                g.writeStartObject();
                g.writeStringField("event", "subscribe");
                g.writeObjectFieldStart("arg");
                g.writeStringField("channel", channel);
                g.writeStringField("instType", arg.path("instType").asText("ANY"));
                g.writeEndObject();
                g.writeStringField("connId", connId);
                g.writeEndObject();
            }));
            if ("positions".equals(channel)) {
                frontEnd.initialPositions(this);
            }
        }
        frontEnd.ensureSubscribed(this);
    }

    private void unsubscribe(JsonNode args) {
        for (JsonNode arg : args) {
            synchronized (this) {
                channels.remove(arg.path("channel").asText(""));
            }
            answer(OkxWireEncoder.json(g -> {
                g.writeStartObject();
                g.writeStringField("event", "unsubscribe");
                g.writeObjectFieldStart("arg");
                g.writeStringField("channel", arg.path("channel").asText(""));
                g.writeEndObject();
                g.writeStringField("connId", connId);
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed();
    }

    private void closed() {
        SimSubscription sub;
        synchronized (this) {
            sub = subscription;
            subscription = null;
            channels.clear();
        }
        if (sub != null) {
            sub.close();
        }
        frontEnd.closed(this);
    }

    synchronized void attach(SimSubscription sub) {
        if (subscription == null) {
            subscription = sub;
        } else {
            sub.close();
        }
    }

    synchronized boolean needsSubscription() {
        return subscription == null;
    }

    void drop() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    String connId() {
        return connId;
    }

    // ---- simulator side (under the exchange lock: only queue work) ----

    @Override
    public void onPosition(Position position, long venueTimeMs) {
        Instrument i = frontEnd.instrument(position.instrument().symbol());
        if (i != null && has("positions")) {
            double premium = frontEnd.premium(i);
            push(OkxWireEncoder.push("positions", frontEnd.uid(), "event_update", List.of(position),
                    (g, p) -> OkxWireEncoder.position(g, p, i, premium, venueTimeMs)));
        }
    }

    @Override
    public void onFill(Fill fill, long venueTimeMs) {
        synchronized (this) {
            pendingFills.add(fill);
        }
    }

    /** OKX reports trades on the orders channel: one push per fill of the order, then its state. */
    @Override
    public void onOrder(Order order, long venueTimeMs) {
        Instrument i = frontEnd.instrument(order.instrument().symbol());
        List<Fill> fills = new ArrayList<>();
        synchronized (this) {
            pendingFills.removeIf(f -> {
                boolean mine = order.orderId() != null && order.orderId().equals(f.orderId());
                if (mine) {
                    fills.add(f);
                }
                return mine;
            });
        }
        if (i == null) {
            return;
        }
        if (order.conditional()) {
            if (has("orders-algo")) {
                push(OkxWireEncoder.push("orders-algo", frontEnd.uid(), null, List.of(order),
                        (g, o) -> OkxWireEncoder.algoOrder(g, o, i, venueTimeMs)));
            }
            return;
        }
        if (!has("orders")) {
            return;
        }
        if (fills.isEmpty()) {
            push(OkxWireEncoder.push("orders", frontEnd.uid(), null, List.of(order),
                    (g, o) -> OkxWireEncoder.order(g, o, i, null, venueTimeMs)));
        }
        for (Fill f : fills) {
            push(OkxWireEncoder.push("orders", frontEnd.uid(), null, List.of(order),
                    (g, o) -> OkxWireEncoder.order(g, o, i, f, venueTimeMs)));
        }
    }

    private synchronized boolean has(String channel) {
        return channels.contains(channel);
    }

    // ---- writing ----

    void answer(String text) {
        if (!frontEnd.silent()) {
            send(text);
        }
    }

    void push(String text) {
        if (frontEnd.silent()) {
            return;
        }
        if (frontEnd.takeReorder()) {
            String held;
            synchronized (this) {
                held = heldForReorder;
                heldForReorder = held == null ? text : null;
            }
            if (held == null) {
                return;
            }
            send(text);
            send(held);
            return;
        }
        send(text);
        if (frontEnd.duplicating()) {
            send(text);
        }
    }

    void sendRaw(String text) {
        send(text);
    }

    private void send(String text) {
        synchronized (this) {
            if (session == null || !session.isOpen()) {
                return;
            }
            if (writing) {
                queue.add(text);
                return;
            }
            writing = true;
        }
        write(text);
    }

    private void write(String text) {
        session.sendText(text, Callback.from(this::next, e -> {
            log.debug("okx sim: write failed on {}: {}", connId, e.toString());
            synchronized (this) {
                queue.clear();
                writing = false;
            }
        }));
    }

    private void next() {
        String text;
        synchronized (this) {
            text = queue.poll();
            if (text == null) {
                writing = false;
                return;
            }
        }
        write(text);
    }
}
