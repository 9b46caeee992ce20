package io.legwatch.sim.protocol.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimErrorCodes;
import io.legwatch.sim.SimExchange;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Deribit v2 methods the front end serves, on top of one simulator account. Shared by the
 * WebSocket connections and the REST mirror; per-connection state lives in {@link Caller}.
 */
final class DeribitRpc {
    /** Who is calling: a WebSocket connection (auth state, heartbeat, subscriptions) or one REST request. */
    interface Caller {
        boolean authenticated();

        /** Authenticated until {@code expiresAtMs} (epoch ms of the front end's clock), unless refreshed. */
        void authenticate(long expiresAtMs);

        /** Null for REST. */
        DeribitConnection connection();
    }

    /** Deribit's usual access-token lifetime. */
    static final long TOKEN_SECONDS = 900;
    private static final long SIGNATURE_WINDOW_MS = 60_000;

    private final SimExchange exchange;
    private final VenueId account;
    private final String clientId;
    private final String clientSecret;
    private final TimeSource time;
    private final DeribitPayloads payloads;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong orderSeq = new AtomicLong();
    private volatile long tokenSeconds = TOKEN_SECONDS;
    /** Last known state of every order by label: Deribit's get_order_state_by_label. */
    private final Map<String, List<Order>> byLabel = new ConcurrentHashMap<>();

    DeribitRpc(SimExchange exchange, VenueId account, String clientId, String clientSecret, TimeSource time) {
        this.exchange = exchange;
        this.account = account;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.time = time;
        this.payloads = new DeribitPayloads(exchange);
    }

    void tokenLifetime(long seconds) {
        tokenSeconds = seconds;
    }

    long now() {
        return time.millis();
    }

    DeribitPayloads payloads() {
        return payloads;
    }

    /** Remembers an order under its label (listener thread and order answers). */
    void remember(Order o) {
        String label = DeribitPayloads.label(o.clientOrderId());
        if (label.isEmpty()) {
            return;
        }
        byLabel.compute(label, (k, list) -> {
            List<Order> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
            out.removeIf(x -> x.orderId().equals(o.orderId()));
            out.add(o);
            return out;
        });
    }

    CompletableFuture<JsonNode> call(String method, JsonNode params, Caller caller) {
        try {
            if (method.startsWith("private/") && !caller.authenticated()) {
                throw RpcException.unauthorized();
            }
            return switch (method) {
                case "public/auth" -> done(auth(params, caller));
                case "public/test" -> {
                    if (caller.connection() != null) {
                        caller.connection().testAnswered();
                    }
                    yield done(DeribitPayloads.JSON.createObjectNode().put("version", "1.2.26"));
                }
                case "public/get_time" -> done(DeribitPayloads.JSON.getNodeFactory().numberNode(time.millis()));
                case "public/set_heartbeat" -> {
                    int interval = params.path("interval").asInt(0);
                    if (interval < 10) {
                        throw new RpcException(11029, "invalid_arguments");
                    }
                    ws(caller).setHeartbeat(interval);
                    yield ok();
                }
                case "public/disable_heartbeat" -> {
                    ws(caller).setHeartbeat(0);
                    yield ok();
                }
                case "public/get_currencies" -> done(currencies());
                case "public/get_instruments" -> done(instruments(params));
                case "public/get_instrument" -> done(payloads.instrument(instrument(text(params, "instrument_name"))));
                case "private/subscribe" -> done(subscribe(params, caller, true));
                case "public/subscribe" -> done(subscribe(params, caller, false));
                case "private/unsubscribe" -> done(ws(caller).unsubscribe(strings(params.path("channels"))));
                case "private/get_positions" -> done(positions(params));
                case "private/get_position" -> done(position(params));
                case "private/get_open_orders_by_currency" -> done(openOrders(params, null));
                case "private/get_open_orders_by_instrument" -> done(openOrders(params, text(params, "instrument_name")));
                case "private/get_order_state_by_label" -> done(byLabel(params));
                case "private/buy" -> place(params, Side.BUY);
                case "private/sell" -> place(params, Side.SELL);
                case "private/close_position" -> closePosition(params);
                case "private/cancel_all" -> count(exchange.cancelAll(account));
                case "private/cancel_all_by_instrument" -> {
                    Instrument i = instrument(text(params, "instrument_name"));
                    yield count(exchange.cancelAll(i.key()));
                }
                case "private/cancel_all_by_currency" -> cancelByCurrency(params);
                case "private/enable_cancel_on_disconnect" -> {
                    ws(caller).enableCancelOnDisconnect(true);
                    yield ok();
                }
                case "private/disable_cancel_on_disconnect" -> {
                    ws(caller).enableCancelOnDisconnect(false);
                    yield ok();
                }
                default -> throw new RpcException(-32601, "Method not found");
            };
        } catch (RpcException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---- auth ----

    private JsonNode auth(JsonNode p, Caller caller) throws RpcException {
        String grant = p.path("grant_type").asText("");
        switch (grant) {
            case "client_credentials" -> {
                if (!clientId.equals(p.path("client_id").asText()) || !constantTimeEquals(clientSecret,
                        p.path("client_secret").asText())) {
                    throw new RpcException(13004, "invalid_credentials");
                }
            }
            case "client_signature" -> {
                if (!clientId.equals(p.path("client_id").asText())) {
                    throw new RpcException(13004, "invalid_credentials");
                }
                long ts = p.path("timestamp").asLong(0);
                if (Math.abs(time.millis() - ts) > SIGNATURE_WINDOW_MS) {
                    throw new RpcException(13009, "unauthorized");
                }
                String expected = hmacHex(clientSecret, ts + "\n" + p.path("nonce").asText("") + "\n"
                        + p.path("data").asText(""));
                if (!constantTimeEquals(expected, p.path("signature").asText(""))) {
                    throw new RpcException(13009, "unauthorized");
                }
            }
            case "refresh_token" -> {
                if (!refreshTokens.remove(p.path("refresh_token").asText(""))) {
                    throw new RpcException(13009, "unauthorized");
                }
            }
            default -> throw RpcException.invalidParams("grant_type");
        }
        caller.authenticate(time.millis() + tokenSeconds * 1000);
        String refresh = token();
        refreshTokens.add(refresh);
        ObjectNode r = DeribitPayloads.JSON.createObjectNode();
        r.put("access_token", token());
        r.put("expires_in", tokenSeconds);
        r.put("refresh_token", refresh);
        r.put("scope", "connection mainaccount");
        r.putArray("enabled_features");
        r.put("token_type", "bearer");
        return r;
    }

    /** REST: {@code Authorization: deri-hmac-sha256 id=..,ts=..,sig=..,nonce=..} over ts\nnonce\nGET\nURI\n\n. */
    boolean restAuthorized(String header, String method, String uriWithQuery, String body) {
        if (header == null || !header.startsWith("deri-hmac-sha256 ")) {
            return false;
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : header.substring("deri-hmac-sha256 ".length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        long ts;
        try {
            ts = Long.parseLong(kv.getOrDefault("ts", ""));
        } catch (NumberFormatException e) {
            return false;
        }
        if (!clientId.equals(kv.get("id")) || Math.abs(time.millis() - ts) > SIGNATURE_WINDOW_MS) {
            return false;
        }
        String data = method + "\n" + uriWithQuery + "\n" + (body == null ? "" : body) + "\n";
        String expected = hmacHex(clientSecret, ts + "\n" + kv.getOrDefault("nonce", "") + "\n" + data);
        return constantTimeEquals(expected, kv.getOrDefault("sig", ""));
    }

    // ---- market data and account ----

    private JsonNode instruments(JsonNode p) {
        String currency = p.path("currency").asText("any");
        String kind = p.path("kind").asText("");
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        for (Instrument i : exchange.instruments(account)) {
            if (DeribitPayloads.inCurrency(i, currency) && (kind.isEmpty() || kind.equals(DeribitPayloads.kind(i)))) {
                out.add(payloads.instrument(i));
            }
        }
        return out;
    }

    /** The currencies the account's instruments settle in or are based on (BTC, ETH, USDT here). */
    private JsonNode currencies() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Instrument i : exchange.instruments(account)) {
            names.add(i.underlying());
            names.add(DeribitPayloads.settlement(i));
        }
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        for (String c : names) {
            ObjectNode n = out.addObject();
            n.put("currency", c);
            n.put("currency_long", c);
            n.put("coin_type", c.equals("USDT") ? "ERC20" : c.equals("BTC") ? "BITCOIN" : "ETHER");
            n.put("fee_precision", 4);
            n.put("min_confirmations", 1);
            n.put("withdrawal_fee", 0);
            n.put("min_withdrawal_fee", 0);
            n.putArray("withdrawal_priorities");
        }
        return out;
    }

    /** Grants the channels it knows; user.* channels only on private/subscribe (they need auth). */
    private JsonNode subscribe(JsonNode p, Caller caller, boolean privateCall) throws RpcException {
        DeribitConnection c = ws(caller);
        List<String> granted = new ArrayList<>();
        for (String name : strings(p.path("channels"))) {
            Optional<Channel> ch = Channel.parse(name);
            if (ch.isPresent() && (privateCall || ch.get().stream().equals("ticker"))) {
                c.subscribe(ch.get());
                granted.add(name);
            }
        }
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        granted.forEach(out::add);
        return out;
    }

    private JsonNode positions(JsonNode p) {
        String currency = p.path("currency").asText("any");
        String kind = p.path("kind").asText("");
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        for (Position pos : exchange.positions(account)) {
            Instrument i = exchange.instrument(pos.instrument()).orElseThrow();
            String k = DeribitPayloads.kind(i);
            // Deribit positions are derivatives; spot holdings are balances, not positions
            if (!k.equals("spot") && DeribitPayloads.inCurrency(i, currency) && (kind.isEmpty() || kind.equals(k))) {
                out.add(payloads.position(i, pos));
            }
        }
        return out;
    }

    private JsonNode position(JsonNode p) throws RpcException {
        Instrument i = instrument(text(p, "instrument_name"));
        return payloads.position(i, exchange.position(i.key()));
    }

    private JsonNode openOrders(JsonNode p, String instrument) throws RpcException {
        String currency = p.path("currency").asText("any");
        String kind = p.path("kind").asText("");
        String type = p.path("type").asText("all");
        long now = exchange.nowMs();
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        for (Order o : exchange.openOrders(account)) {
            Instrument i = exchange.instrument(o.instrument()).orElseThrow();
            boolean typeOk = switch (type) {
                case "all" -> true;
                case "limit" -> !o.conditional();
                default -> o.conditional(); // trigger_all, stop_all, ...
            };
            boolean where = instrument != null ? i.symbol().equals(instrument)
                    : DeribitPayloads.inCurrency(i, currency) && (kind.isEmpty() || kind.equals(DeribitPayloads.kind(i)));
            if (typeOk && where) {
                out.add(payloads.order(i, o, now));
            }
        }
        return out;
    }

    private JsonNode byLabel(JsonNode p) throws RpcException {
        String currency = text(p, "currency");
        String label = text(p, "label");
        ArrayNode out = DeribitPayloads.JSON.createArrayNode();
        long now = exchange.nowMs();
        for (Order o : byLabel.getOrDefault(label, List.of())) {
            Instrument i = exchange.instrument(o.instrument()).orElseThrow();
            if (DeribitPayloads.inCurrency(i, currency)) {
                out.add(payloads.order(i, o, now));
            }
        }
        return out;
    }

    // ---- orders ----

    private CompletableFuture<JsonNode> place(JsonNode p, Side side) throws RpcException {
        Instrument i = instrument(text(p, "instrument_name"));
        double amount = p.path("amount").asDouble(Double.NaN);
        if (!(amount > 0)) {
            throw RpcException.invalidParams("amount");
        }
        String type = p.path("type").asText("limit");
        String tif = p.path("time_in_force").asText("good_til_cancelled");
        OrderType orderType;
        double price = Double.NaN;
        switch (type) {
            case "market" -> orderType = OrderType.MARKET;
            case "limit" -> {
                price = p.path("price").asDouble(Double.NaN);
                if (!(price > 0)) {
                    throw RpcException.invalidParams("price");
                }
                orderType = "immediate_or_cancel".equals(tif) || "fill_or_kill".equals(tif) ? OrderType.LIMIT_IOC
                        : OrderType.LIMIT;
            }
            default -> throw new RpcException(11029, "invalid_arguments");
        }
        String label = p.path("label").asText("");
        if (label.length() > 64) {
            throw new RpcException(11029, "invalid_arguments");
        }
        OrderRequest request = new OrderRequest(i.key(), side, amount / i.contractSize(), orderType, price,
                p.path("reduce_only").asBoolean(false), DeribitPayloads.internalClientId(orderSeq.incrementAndGet(), label));
        return orderAnswer(i, exchange.place(request));
    }

    private CompletableFuture<JsonNode> closePosition(JsonNode p) throws RpcException {
        Instrument i = instrument(text(p, "instrument_name"));
        Position pos = exchange.position(i.key());
        if (i.isFlat(pos.qty())) {
            throw new RpcException(11030, "other_reject no position to close");
        }
        String type = p.path("type").asText("market");
        double price = p.path("price").asDouble(Double.NaN);
        OrderType orderType = "limit".equals(type) ? OrderType.LIMIT : OrderType.MARKET;
        if (orderType == OrderType.LIMIT && !(price > 0)) {
            throw RpcException.invalidParams("price");
        }
        OrderRequest request = new OrderRequest(i.key(), Side.toReduce(pos.qty()), Math.abs(pos.qty()), orderType, price,
                true, DeribitPayloads.internalClientId(orderSeq.incrementAndGet(), ""));
        return orderAnswer(i, exchange.place(request));
    }

    private CompletableFuture<JsonNode> orderAnswer(Instrument i, CompletableFuture<Order> placed) {
        return placed.handle((order, error) -> {
            if (error != null) {
                throw new CompletionException(translate(error));
            }
            remember(order);
            ObjectNode r = DeribitPayloads.JSON.createObjectNode();
            r.set("order", payloads.order(i, order, exchange.nowMs()));
            r.putArray("trades"); // executions arrive on user.changes / user.trades
            return r;
        });
    }

    private CompletableFuture<JsonNode> cancelByCurrency(JsonNode p) throws RpcException {
        String currency = text(p, "currency");
        String kind = p.path("kind").asText("");
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (Instrument i : exchange.instruments(account)) {
            if (DeribitPayloads.inCurrency(i, currency) && (kind.isEmpty() || kind.equals(DeribitPayloads.kind(i)))) {
                calls.add(exchange.cancelAll(i.key()));
            }
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            if (e != null) {
                throw new CompletionException(translate(e));
            }
            return DeribitPayloads.JSON.getNodeFactory().numberNode(calls.stream().mapToInt(CompletableFuture::join).sum());
        });
    }

    private CompletableFuture<JsonNode> count(CompletableFuture<Integer> n) {
        return n.handle((v, e) -> {
            if (e != null) {
                throw new CompletionException(translate(e));
            }
            return DeribitPayloads.JSON.getNodeFactory().numberNode(v);
        });
    }

    /** Simulator refusals in Deribit's codes (samples/deribit/errors.md). */
    static RpcException translate(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof RpcException r) {
            return r;
        }
        if (!(cause instanceof VenueException ve)) {
            return new RpcException(11094, "internal_server_error");
        }
        VenueError e = ve.error();
        if (e.kind() == VenueError.Kind.NETWORK) {
            return new RpcException(13028, "temporarily_unavailable");
        }
        if (e.kind() == VenueError.Kind.RATE_LIMITED) {
            return new RpcException(10028, "too_many_requests"); // the core's rateLimitNext fault
        }
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case SimErrorCodes.REDUCE_ONLY -> new RpcException(11030, "other_reject reduce_only: " + e.message());
            case SimErrorCodes.INVALID_QUANTITY -> new RpcException(11029, "invalid_arguments: " + e.message());
            case SimErrorCodes.UNKNOWN_INSTRUMENT -> new RpcException(10020, "invalid_or_unsupported_instrument");
            default -> code.matches("-?\\d+") ? new RpcException(Integer.parseInt(code), e.message())
                    : new RpcException(11030, "other_reject " + e.message());
        };
    }

    // ---- helpers ----

    private Instrument instrument(String name) throws RpcException {
        return exchange.instrument(new InstrumentKey(account, name))
                .orElseThrow(() -> new RpcException(13020, "not_found"));
    }

    private static DeribitConnection ws(Caller caller) throws RpcException {
        if (caller.connection() == null) {
            throw new RpcException(10030, "must_be_websocket_request");
        }
        return caller.connection();
    }

    private static String text(JsonNode p, String field) throws RpcException {
        JsonNode n = p.get(field);
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            throw new RpcException(-32000, "Missing params: " + field);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode array) throws RpcException {
        if (!array.isArray()) {
            throw RpcException.invalidParams("channels");
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static CompletableFuture<JsonNode> done(JsonNode n) {
        return CompletableFuture.completedFuture(n);
    }

    private static CompletableFuture<JsonNode> ok() {
        return done(TextNode.valueOf("ok"));
    }

    private String token() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return time.millis() + "." + HexFormat.of().formatHex(b);
    }

    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
