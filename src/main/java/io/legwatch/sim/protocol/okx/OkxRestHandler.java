package io.legwatch.sim.protocol.okx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.sim.SimExchange;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OKX v5 REST on the simulator: public/instruments, account/positions, trade/orders-pending,
 * trade/orders-algo-pending, trade/order, trade/batch-orders, trade/cancel-batch-orders, trade/cancel-algos and
 * trade/cancel-all-after, with OKX's envelope, {@code sCode}s and HTTP statuses; injected rate limits
 * answer HTTP 429 with code 50011.
 */
final class OkxRestHandler extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong GENERATED_IDS = new AtomicLong();

    private final OkxFrontEnd frontEnd;
    private final SimExchange exchange;

    OkxRestHandler(OkxFrontEnd frontEnd, SimExchange exchange) {
        this.frontEnd = frontEnd;
        this.exchange = exchange;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (frontEnd.down()) {
            Response.writeError(request, response, callback, 503, "Service Unavailable");
            return true;
        }
        if (frontEnd.silent()) {
            return true; // half-open: no answer ever comes
        }
        if (frontEnd.takeRateLimit()) {
            write(response, callback, 429, OkxWireEncoder.error("50011", "Too Many Requests"));
            return true;
        }
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        String query = request.getHttpURI().getQuery();
        String body = "POST".equals(method) ? Content.Source.asString(request) : "";
        Fields params = Request.extractQueryParameters(request);
        if ("GET".equals(method) && "/api/v5/public/instruments".equals(path)) {
            instruments(params, response, callback);
            return true;
        }
        String requestPath = request.getHttpURI().getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
        OkxAuth.Refusal refusal = frontEnd.auth().checkRest(request.getHeaders().get("OK-ACCESS-KEY"),
                request.getHeaders().get("OK-ACCESS-SIGN"), request.getHeaders().get("OK-ACCESS-TIMESTAMP"),
                request.getHeaders().get("OK-ACCESS-PASSPHRASE"), method, requestPath, body);
        if (refusal != null) {
            write(response, callback, refusal.httpStatus(), OkxWireEncoder.error(refusal.code(), refusal.msg()));
            return true;
        }
        switch (method + " " + path) {
            case "GET /api/v5/account/positions" -> positions(params, response, callback);
            case "GET /api/v5/trade/orders-pending" -> pending(params, response, callback);
            case "GET /api/v5/trade/orders-algo-pending" -> algoPending(params, response, callback);
            case "GET /api/v5/trade/order" -> orderDetails(params, response, callback);
            case "POST /api/v5/trade/order" -> order(JSON.readTree(body), response, callback);
            case "POST /api/v5/trade/batch-orders" -> batchOrders(JSON.readTree(body), response, callback);
            case "POST /api/v5/trade/cancel-batch-orders" -> cancel(JSON.readTree(body), "ordId", response, callback);
            case "POST /api/v5/trade/cancel-algos" -> cancel(JSON.readTree(body), "algoId", response, callback);
            case "POST /api/v5/trade/cancel-all-after" -> cancelAllAfter(JSON.readTree(body), response, callback);
            default -> write(response, callback, 404, OkxWireEncoder.error("50000", "Not Found: " + path));
        }
        return true;
    }

    private void instruments(Fields params, Response response, Callback callback) {
        String instType = params.getValue("instType");
        String family = params.getValue("instFamily");
        if ("OPTION".equals(instType) && family == null && params.getValue("uly") == null) {
            write(response, callback, 400, OkxWireEncoder.error("50014", "Parameter instFamily can not be empty."));
            return;
        }
        List<Instrument> list = frontEnd.instruments().stream()
                .filter(i -> OkxWireEncoder.instType(i.kind()).equals(instType))
                .filter(i -> family == null || OkxWireEncoder.family(i).equals(family)).toList();
        write(response, callback, 200, OkxWireEncoder.ok(list, OkxWireEncoder::instrument));
    }

    private void positions(Fields params, Response response, Callback callback) {
        String instId = params.getValue("instId");
        long now = exchange.nowMs();
        List<Position> list = exchange.positions(frontEnd.account()).stream()
                .filter(p -> instId == null || p.instrument().symbol().equals(instId))
                .filter(p -> frontEnd.instrument(p.instrument().symbol()) != null).toList();
        write(response, callback, 200, OkxWireEncoder.ok(list, (g, p) -> {
            Instrument i = frontEnd.instrument(p.instrument().symbol());
            OkxWireEncoder.position(g, p, i, frontEnd.premium(i), now);
        }));
    }

    private List<Order> open(String instId, boolean conditional) {
        return exchange.openOrders(frontEnd.account()).stream()
                .filter(o -> o.conditional() == conditional)
                .filter(o -> instId == null || o.instrument().symbol().equals(instId))
                .filter(o -> frontEnd.instrument(o.instrument().symbol()) != null).toList();
    }

    /** Newest first, {@code after} = an ordId: the page of orders older than it, like OKX. */
    private static List<Order> page(List<Order> all, String after, int limit) {
        List<Order> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        int from = 0;
        if (after != null) {
            for (int k = 0; k < newestFirst.size(); k++) {
                if (newestFirst.get(k).orderId().equals(after)) {
                    from = k + 1;
                }
            }
        }
        return newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(newestFirst.size(), from + limit));
    }

    private void pending(Fields params, Response response, Callback callback) {
        long now = exchange.nowMs();
        List<Order> list = page(open(params.getValue("instId"), false), params.getValue("after"), limit(params));
        write(response, callback, 200, OkxWireEncoder.ok(list, (g, o) ->
                OkxWireEncoder.order(g, o, frontEnd.instrument(o.instrument().symbol()), null, now)));
    }

    private void algoPending(Fields params, Response response, Callback callback) {
        String ordType = params.getValue("ordType");
        if (ordType == null || ordType.isEmpty()) {
            write(response, callback, 400, OkxWireEncoder.error("50014", "Parameter ordType can not be empty."));
            return;
        }
        long now = exchange.nowMs();
        // the simulator's stop orders are OKX "conditional" algo orders; other algo types have none
        List<Order> list = List.of(ordType.split(",")).contains("conditional")
                ? page(open(params.getValue("instId"), true), params.getValue("after"), limit(params)) : List.of();
        write(response, callback, 200, OkxWireEncoder.ok(list, (g, o) ->
                OkxWireEncoder.algoOrder(g, o, frontEnd.instrument(o.instrument().symbol()), now)));
    }

    /** Order details by ordId or clOrdId; the simulator keeps no order history, so only open orders are found. */
    private void orderDetails(Fields params, Response response, Callback callback) {
        String ordId = params.getValue("ordId");
        String clOrdId = params.getValue("clOrdId");
        long now = exchange.nowMs();
        List<Order> found = open(params.getValue("instId"), false).stream()
                .filter(o -> (ordId != null && ordId.equals(o.orderId()))
                        || (clOrdId != null && clOrdId.equals(o.clientOrderId()))).toList();
        if (found.isEmpty()) {
            write(response, callback, 200, OkxWireEncoder.error("51603", "Order does not exist"));
            return;
        }
        write(response, callback, 200, OkxWireEncoder.ok(found, (g, o) ->
                OkxWireEncoder.order(g, o, frontEnd.instrument(o.instrument().symbol()), null, now)));
    }

    private static int limit(Fields params) {
        String l = params.getValue("limit");
        try {
            return l == null ? 100 : Math.max(1, Math.min(100, Integer.parseInt(l)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** What became of one order request: its ids and sCode, or that the venue could not answer. */
    private record Outcome(String clOrdId, String ordId, String sCode, String sMsg, boolean unavailable) {
        static Outcome failed(String clOrdId, String sCode, String sMsg) {
            return new Outcome(clOrdId, "", sCode, sMsg, false);
        }

        boolean ok() {
            return "0".equals(sCode);
        }
    }

    private void order(JsonNode b, Response response, Callback callback) {
        placeOne(b).thenAccept(out -> {
            if (out.unavailable()) {
                write(response, callback, 503, OkxWireEncoder.error("50001",
                        "Service temporarily unavailable. Please try again later."));
            } else {
                writeResults(response, callback, List.of(out));
            }
        });
    }

    /** POST /api/v5/trade/batch-orders: up to 20 orders, one result item each (what CCXT uses for one order too). */
    private void batchOrders(JsonNode items, Response response, Callback callback) {
        if (!items.isArray() || items.isEmpty() || items.size() > 20) {
            write(response, callback, 400, OkxWireEncoder.error("51000", "Parameter orders error"));
            return;
        }
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        items.forEach(item -> outcomes.add(placeOne(item)));
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).thenAccept(x ->
                writeResults(response, callback, outcomes.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<Outcome> placeOne(JsonNode b) {
        String clOrdId = b.path("clOrdId").asText("");
        Instrument i = frontEnd.instrument(b.path("instId").asText());
        if (i == null) {
            return done(Outcome.failed(clOrdId, "51001", "Instrument ID doesn't exist."));
        }
        if (!clOrdId.isEmpty() && !clOrdId.matches("[A-Za-z0-9]{1,32}")) {
            return done(Outcome.failed(clOrdId, "51000", "Parameter clOrdId error"));
        }
        String posSide = b.path("posSide").asText("");
        if (!posSide.isEmpty() && !"net".equals(posSide)) {
            // the simulated account is in net mode, as OKX answers for a long/short order in net mode
            return done(Outcome.failed(clOrdId, "51000", "Parameter posSide error"));
        }
        String tdMode = b.path("tdMode").asText("");
        boolean spot = i.kind() == InstrumentKind.SPOT;
        if (!(spot ? List.of("cash", "cross", "isolated") : List.of("cross", "isolated")).contains(tdMode)) {
            return done(Outcome.failed(clOrdId, "51000", "Parameter tdMode error"));
        }
        Side side;
        switch (b.path("side").asText()) {
            case "buy" -> side = Side.BUY;
            case "sell" -> side = Side.SELL;
            default -> {
                return done(Outcome.failed(clOrdId, "51000", "Parameter side error"));
            }
        }
        OrderType type;
        switch (b.path("ordType").asText()) {
            case "market" -> type = OrderType.MARKET;
            case "ioc", "fok", "optimal_limit_ioc" -> type = OrderType.LIMIT_IOC;
            case "limit", "post_only" -> type = OrderType.LIMIT;
            default -> {
                return done(Outcome.failed(clOrdId, "51000", "Parameter ordType error"));
            }
        }
        OrderRequest req;
        try {
            double sz = Double.parseDouble(b.path("sz").asText());
            double px = type == OrderType.MARKET ? Double.NaN : Double.parseDouble(b.path("px").asText());
            boolean reduceOnly = b.path("reduceOnly").asBoolean(false);
            String clientId = clOrdId.isEmpty() ? OkxWireEncoder.GENERATED_ID_PREFIX + GENERATED_IDS.incrementAndGet() : clOrdId;
            req = new OrderRequest(new InstrumentKey(frontEnd.account(), i.symbol()), side, sz, type, px, reduceOnly,
                    clientId);
        } catch (IllegalArgumentException e) {
            return done(Outcome.failed(clOrdId, "51000", "Parameter sz error"));
        }
        return exchange.place(req).handle((o, failure) -> {
            if (failure == null) {
                return new Outcome(clOrdId, o.orderId(), "0", "Order placed", false);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof VenueException ve && ve.error().kind() == VenueError.Kind.REJECTED) {
                OkxSimErrors.Code code = OkxSimErrors.of(ve.error());
                return Outcome.failed(clOrdId, code.sCode(), code.sMsg());
            }
            return new Outcome(clOrdId, "", "50001", "Service temporarily unavailable", true);
        });
    }

    private static CompletableFuture<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** OKX's envelope for order results: code "0" all placed, "1" all failed, "2" some; reasons per item. */
    private void writeResults(Response response, Callback callback, List<Outcome> outcomes) {
        boolean allOk = outcomes.stream().allMatch(Outcome::ok);
        boolean noneOk = outcomes.stream().noneMatch(Outcome::ok);
        write(response, callback, 200, OkxWireEncoder.json(g -> {
            g.writeStartObject();
            g.writeStringField("code", allOk ? "0" : noneOk ? "1" : "2");
            g.writeStringField("msg", allOk ? "" : noneOk ? "All operations failed" : "Bulk operation partially succeeded.");
            g.writeArrayFieldStart("data");
            for (Outcome out : outcomes) {
                itemResult(g, "clOrdId", out.clOrdId(), "ordId", out.ordId(), out.sCode(), out.sMsg());
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static void itemResult(JsonGenerator g, String idField1, String id1,
                                   String idField2, String id2, String sCode, String sMsg) throws IOException {
        g.writeStartObject();
        g.writeStringField(idField1, id1 == null ? "" : id1);
        g.writeStringField(idField2, id2 == null ? "" : id2);
        g.writeStringField("tag", "");
        g.writeStringField("ts", Long.toString(System.currentTimeMillis()));
        g.writeStringField("sCode", sCode);
        g.writeStringField("sMsg", sMsg);
        g.writeEndObject();
    }

    /** cancel-batch-orders ({@code ordId}) and cancel-algos ({@code algoId}): one result item per request item. */
    private void cancel(JsonNode items, String idField, Response response, Callback callback) {
        if (!items.isArray() || items.isEmpty()) {
            write(response, callback, 400, OkxWireEncoder.error("50000", "Body for POST request cannot be empty."));
            return;
        }
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Boolean>> cancels = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.path(idField).asText("");
            ids.add(id);
            cancels.add(exchange.cancel(frontEnd.account(), id));
        }
        CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).whenComplete((x, failure) -> {
            if (failure != null) {
                write(response, callback, 503, OkxWireEncoder.error("50001",
                        "Service temporarily unavailable. Please try again later."));
                return;
            }
            boolean allOk = cancels.stream().allMatch(CompletableFuture::join);
            boolean noneOk = cancels.stream().noneMatch(CompletableFuture::join);
            write(response, callback, 200, OkxWireEncoder.json(g -> {
                g.writeStartObject();
                g.writeStringField("code", allOk ? "0" : noneOk ? "1" : "2");
                g.writeStringField("msg", allOk ? "" : noneOk ? "All operations failed" : "Bulk operation partially succeeded.");
                g.writeArrayFieldStart("data");
                for (int k = 0; k < ids.size(); k++) {
                    boolean ok = cancels.get(k).join();
                    itemResult(g, idField, ids.get(k), "clOrdId", "", ok ? "0" : "51400",
                            ok ? "" : "Order cancellation failed as the order has been filled, canceled or does not exist.");
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
        });
    }

    private void cancelAllAfter(JsonNode b, Response response, Callback callback) {
        long seconds;
        try {
            seconds = Long.parseLong(b.path("timeOut").asText());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds != 0 && (seconds < 10 || seconds > 120)) {
            write(response, callback, 200, OkxWireEncoder.error("51000", "Parameter timeOut error"));
            return;
        }
        long timeout = seconds;
        exchange.armDeadMan(frontEnd.account(), Duration.ofSeconds(timeout)).whenComplete((x, failure) -> {
            if (failure != null) {
                write(response, callback, 503, OkxWireEncoder.error("50001",
                        "Service temporarily unavailable. Please try again later."));
                return;
            }
            long nowMs = exchange.nowMs();
            write(response, callback, 200, OkxWireEncoder.json(g -> {
                g.writeStartObject();
                g.writeStringField("code", "0");
                g.writeStringField("msg", "");
                g.writeArrayFieldStart("data");
                g.writeStartObject();
                g.writeStringField("triggerTime", timeout == 0 ? "0" : Long.toString(nowMs + timeout * 1000));
                g.writeStringField("tag", "");
                g.writeStringField("ts", Long.toString(nowMs));
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }));
        });
    }

    private static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body, callback);
    }
}
