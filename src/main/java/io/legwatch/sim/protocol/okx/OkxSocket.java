package io.legwatch.sim.protocol.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.sim.protocol.common.StreamSocket;
import io.legwatch.sim.protocol.common.WireJson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection to the simulated {@code /ws/v5/private}: text {@code ping}/{@code pong},
 * {@code login}, {@code subscribe}/{@code unsubscribe} per channel like OKX, then pushes of the account's
 * {@code positions}, {@code orders} (with the trade's fill fields) and {@code orders-algo} (stop orders).
 * Public only because Jetty invokes endpoint methods reflectively. Connection lifecycle and
 * fault-applying writes: {@link StreamSocket}.
 */
public final class OkxSocket extends StreamSocket {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANNELS = Set.of("positions", "orders", "orders-algo", "balance_and_position");
    private static final AtomicLong IDS = new AtomicLong();

    private final OkxFrontEnd frontEnd;
    private final Set<String> channels = new HashSet<>();
    private final List<Fill> pendingFills = new ArrayList<>();
    private volatile boolean loggedIn;

    OkxSocket(OkxFrontEnd frontEnd) {
        super(frontEnd, "okx", Long.toHexString(0x5a000000L + IDS.incrementAndGet()));
        this.frontEnd = frontEnd;
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
            answer(OkxWireEncoder.event("error", "60012", "Invalid request: " + text, connId()));
            return;
        }
        switch (msg.path("op").asText("")) {
            case "login" -> login(msg.path("args").path(0));
            case "subscribe" -> subscribe(msg.path("args"));
            case "unsubscribe" -> unsubscribe(msg.path("args"));
            default -> answer(OkxWireEncoder.event("error", "60012", "Invalid request: " + text, connId()));
        }
    }

    private void login(JsonNode a) {
        OkxAuth.Refusal r = frontEnd.auth().checkLogin(a.path("apiKey").asText(null), a.path("passphrase").asText(null),
                a.path("timestamp").asText(null), a.path("sign").asText(null));
        loggedIn = r == null;
        answer(r == null ? OkxWireEncoder.event("login", "0", "", connId())
                : OkxWireEncoder.event("error", r.code(), r.msg(), connId()));
    }

    private void subscribe(JsonNode args) {
        if (!loggedIn) {
            answer(OkxWireEncoder.event("error", "60011", "Please log in", connId()));
            return;
        }
        for (JsonNode arg : args) {
            String channel = arg.path("channel").asText("");
            if (!CHANNELS.contains(channel)) {
                answer(OkxWireEncoder.event("error", "60018", "Wrong URL or channel:" + channel
                        + " doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
                        connId()));
                continue;
            }
            synchronized (this) {
                channels.add(channel);
            }
            answer(WireJson.json(g -> {
                g.writeStartObject();
                g.writeStringField("event", "subscribe");
                g.writeObjectFieldStart("arg");
                g.writeStringField("channel", channel);
                g.writeStringField("instType", arg.path("instType").asText("ANY"));
                g.writeEndObject();
                g.writeStringField("connId", connId());
                g.writeEndObject();
            }));
            String initial = "positions".equals(channel) ? frontEnd.initialPositions() : null;
            if (initial != null) {
                push(initial);
            }
        }
        frontEnd.ensureSubscribed(this);
    }

    private void unsubscribe(JsonNode args) {
        for (JsonNode arg : args) {
            synchronized (this) {
                channels.remove(arg.path("channel").asText(""));
            }
            answer(WireJson.json(g -> {
                g.writeStartObject();
                g.writeStringField("event", "unsubscribe");
                g.writeObjectFieldStart("arg");
                g.writeStringField("channel", arg.path("channel").asText(""));
                g.writeEndObject();
                g.writeStringField("connId", connId());
                g.writeEndObject();
            }));
        }
    }

    @Override
    protected Runnable forgetTopics() {
        channels.clear();
        return () -> { };
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
}
