package io.legwatch.sim.protocol.bybit;

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
 * One client connection to the simulated {@code /v5/private} stream: answers {@code ping},
 * {@code auth}, {@code subscribe} and {@code unsubscribe} like Bybit, and pushes the account's
 * {@code position}, {@code order} and {@code execution} changes from the simulator once subscribed.
 * Public only because Jetty invokes endpoint methods reflectively; nothing outside the package
 * constructs it. Connection lifecycle and fault-applying writes: {@link StreamSocket}.
 */
public final class BybitSocket extends StreamSocket {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PRIVATE_TOPICS = Set.of("position", "order", "execution", "wallet", "dcp",
            "dcp.future", "dcp.spot", "dcp.option");
    private static final AtomicLong IDS = new AtomicLong();

    private final BybitFrontEnd frontEnd;
    private final Set<String> topics = new HashSet<>();
    private volatile boolean authenticated;

    BybitSocket(BybitFrontEnd frontEnd) {
        super(frontEnd, "bybit", "sim" + IDS.incrementAndGet());
        this.frontEnd = frontEnd;
    }

    // ---- Jetty side ----

    @Override
    public void onWebSocketText(String text) {
        JsonNode msg;
        try {
            msg = JSON.readTree(text);
        } catch (Exception e) {
            answer(op("", "", false, "error:request not json"));
            return;
        }
        String op = msg.path("op").asText("");
        String reqId = msg.path("req_id").asText("");
        switch (op) {
            case "ping" -> answer(WireJson.json(g -> {
                g.writeStartObject();
                g.writeStringField("req_id", reqId);
                g.writeStringField("op", "pong");
                g.writeArrayFieldStart("args");
                g.writeString(Long.toString(frontEnd.clock().millis()));
                g.writeEndArray();
                g.writeStringField("conn_id", connId());
                g.writeEndObject();
            }));
            case "auth" -> auth(msg.path("args"), reqId);
            case "subscribe" -> subscribe(msg.path("args"), reqId);
            case "unsubscribe" -> unsubscribe(msg.path("args"), reqId);
            default -> answer(op(op, reqId, false, "error:handler not found,topic:" + op));
        }
    }

    private void auth(JsonNode args, String reqId) {
        if (!args.isArray() || args.size() != 3) {
            answer(op("auth", reqId, false, "error:params error"));
            return;
        }
        String refusal = frontEnd.auth().checkWs(args.get(0).asText(), args.get(1).asLong(), args.get(2).asText());
        authenticated = refusal == null;
        answer(op("auth", reqId, authenticated, refusal == null ? "" : refusal));
    }

    private void subscribe(JsonNode args, String reqId) {
        if (!authenticated) {
            answer(op("subscribe", reqId, false, "error:not authorized"));
            return;
        }
        List<String> asked = new ArrayList<>();
        args.forEach(a -> asked.add(a.asText()));
        for (String t : asked) {
            if (!PRIVATE_TOPICS.contains(t)) {
                answer(op("subscribe", reqId, false, "error:topic:" + t + " not found"));
                return;
            }
        }
        boolean dcp;
        synchronized (this) {
            topics.addAll(asked);
            dcp = asked.stream().anyMatch(t -> t.startsWith("dcp"));
        }
        answer(op("subscribe", reqId, true, ""));
        if (dcp) {
            frontEnd.dcpConnected();
        }
        frontEnd.ensureSubscribed(this);
    }

    private void unsubscribe(JsonNode args, String reqId) {
        boolean dcpGone;
        synchronized (this) {
            boolean hadDcp = topics.stream().anyMatch(t -> t.startsWith("dcp"));
            args.forEach(a -> topics.remove(a.asText()));
            dcpGone = hadDcp && topics.stream().noneMatch(t -> t.startsWith("dcp"));
        }
        answer(op("unsubscribe", reqId, true, ""));
        if (dcpGone) {
            frontEnd.dcpUnsubscribed();
        }
    }

    private String op(String op, String reqId, boolean success, String retMsg) {
        return WireJson.json(g -> {
            g.writeStartObject();
            g.writeBooleanField("success", success);
            g.writeStringField("ret_msg", retMsg);
            g.writeStringField("op", op);
            if (!reqId.isEmpty()) {
                g.writeStringField("req_id", reqId);
            }
            g.writeStringField("conn_id", connId());
            g.writeEndObject();
        });
    }

    @Override
    protected Runnable forgetTopics() {
        boolean dcp = topics.stream().anyMatch(t -> t.startsWith("dcp"));
        topics.clear();
        return dcp ? frontEnd::dcpClosed : () -> { };
    }

    // ---- simulator side (called under the exchange lock: only queue work) ----

    @Override
    public void onPosition(Position position, long venueTimeMs) {
        Instrument i = frontEnd.instrument(position.instrument().symbol());
        if (i != null && has("position")) {
            push(BybitWireEncoder.push(nextId(), "position", venueTimeMs, List.of(position),
                    (g, p) -> BybitWireEncoder.position(g, p, i, venueTimeMs)));
        }
    }

    @Override
    public void onOrder(Order order, long venueTimeMs) {
        Instrument i = frontEnd.instrument(order.instrument().symbol());
        if (i != null && has("order")) {
            push(BybitWireEncoder.push(nextId(), "order", venueTimeMs, List.of(order),
                    (g, o) -> BybitWireEncoder.order(g, o, i, venueTimeMs)));
        }
    }

    @Override
    public void onFill(Fill fill, long venueTimeMs) {
        Instrument i = frontEnd.instrument(fill.instrument().symbol());
        if (i != null && has("execution")) {
            push(BybitWireEncoder.push(nextId(), "execution", venueTimeMs, List.of(fill),
                    (g, f) -> BybitWireEncoder.execution(g, f, i, venueTimeMs)));
        }
    }

    private synchronized boolean has(String topic) {
        return topics.contains(topic);
    }

    private String nextId() {
        return connId() + "-" + IDS.incrementAndGet();
    }
}
