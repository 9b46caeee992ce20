package io.legwatch.sim.protocol.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bybit v5 REST on the simulator: instruments-info (public), position/list, order/realtime,
 * order/create, order/cancel-all and order/disconnected-cancel-all (signed). Answers carry
 * Bybit's envelope and retCodes; injected rate limits answer retCode 10006.
 */
final class BybitRestHandler extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong GENERATED_IDS = new AtomicLong();

    private final BybitFrontEnd frontEnd;
    private final SimExchange exchange;

    BybitRestHandler(BybitFrontEnd frontEnd, SimExchange exchange) {
        this.frontEnd = frontEnd;
        this.exchange = exchange;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (frontEnd.down()) {
            Response.writeError(request, response, callback, 503, "Service Unavailable");
            return true;
        }
        if (frontEnd.silent()) {
            // half-open: the request is read, nothing ever comes back (the client must time out)
            return true;
        }
        if (frontEnd.takeRateLimit()) {
            response.getHeaders().put("X-Bapi-Limit-Status", "0");
            write(response, callback, 200, BybitWireEncoder.json(g -> {
                g.writeStartObject();
                g.writeNumberField("retCode", 10006);
                g.writeStringField("retMsg", "Too many visits!");
                g.writeEndObject();
            }));
            return true;
        }
        String method = request.getMethod();
        String query = request.getHttpURI().getQuery();
        String body = "POST".equals(method) ? Content.Source.asString(request) : "";
        Fields params = Request.extractQueryParameters(request);
        if (path.equals("/v5/market/instruments-info") && "GET".equals(method)) {
            instruments(params, response, callback);
            return true;
        }
        BybitAuth.Refusal refusal = frontEnd.auth().checkRest(request.getHeaders().get("X-BAPI-API-KEY"),
                request.getHeaders().get("X-BAPI-TIMESTAMP"), request.getHeaders().get("X-BAPI-RECV-WINDOW"),
                request.getHeaders().get("X-BAPI-SIGN"), "GET".equals(method) ? (query == null ? "" : query) : body);
        if (refusal != null) {
            error(response, callback, refusal.retCode(), refusal.retMsg());
            return true;
        }
        switch (method + " " + path) {
            case "GET /v5/position/list" -> positions(params, response, callback);
            case "GET /v5/order/realtime" -> openOrders(params, response, callback);
            case "POST /v5/order/create" -> create(JSON.readTree(body), response, callback);
            case "POST /v5/order/cancel-all" -> cancelAll(JSON.readTree(body), response, callback);
            case "POST /v5/order/disconnected-cancel-all" -> dcp(JSON.readTree(body), response, callback);
            default -> Response.writeError(request, response, callback, 404, "Not Found");
        }
        return true;
    }

    private void instruments(Fields params, Response response, Callback callback) {
        String category = params.getValue("category");
        String symbol = params.getValue("symbol");
        List<Instrument> list = frontEnd.instruments().stream()
                .filter(i -> BybitWireEncoder.category(i.kind()).equals(category))
                .filter(i -> symbol == null || i.symbol().equals(symbol)).toList();
        ok(response, callback, BybitWireEncoder.list(category, list, BybitWireEncoder::instrument));
    }

    private void positions(Fields params, Response response, Callback callback) {
        String category = params.getValue("category");
        String symbol = params.getValue("symbol");
        if (category == null) {
            error(response, callback, 10001, "params error: category is required");
            return;
        }
        if (("linear".equals(category)) && symbol == null && params.getValue("settleCoin") == null) {
            error(response, callback, 10001, "Missing some parameters that must be filled in, symbol or settleCoin");
            return;
        }
        List<Position> list = new ArrayList<>();
        for (Instrument i : frontEnd.instruments()) {
            if (!BybitWireEncoder.category(i.kind()).equals(category) || (symbol != null && !i.symbol().equals(symbol))) {
                continue;
            }
            Position p = exchange.position(i.key());
            if (p.qty() != 0 || symbol != null) {
                list.add(p);
            }
        }
        long now = exchange.nowMs();
        ok(response, callback, BybitWireEncoder.list(category, list, (g, p) -> BybitWireEncoder.position(g, p,
                frontEnd.instrument(p.instrument().symbol()), now)));
    }

    private void openOrders(Fields params, Response response, Callback callback) {
        String category = params.getValue("category");
        String symbol = params.getValue("symbol");
        String linkId = params.getValue("orderLinkId");
        List<Order> list = openOrders(category, symbol).stream()
                .filter(o -> linkId == null || linkId.equals(o.clientOrderId())).toList();
        long now = exchange.nowMs();
        ok(response, callback, BybitWireEncoder.list(category, list, (g, o) -> BybitWireEncoder.order(g, o,
                frontEnd.instrument(o.instrument().symbol()), now)));
    }

    private List<Order> openOrders(String category, String symbol) {
        return exchange.openOrders(frontEnd.account()).stream()
                .filter(o -> {
                    Instrument i = frontEnd.instrument(o.instrument().symbol());
                    return i != null && BybitWireEncoder.category(i.kind()).equals(category)
                            && (symbol == null || i.symbol().equals(symbol));
                }).toList();
    }

    private void create(JsonNode b, Response response, Callback callback) {
        Instrument i = frontEnd.instrument(b.path("symbol").asText());
        if (i == null || !BybitWireEncoder.category(i.kind()).equals(b.path("category").asText())) {
            error(response, callback, 10001, "params error: symbol invalid");
            return;
        }
        if (b.path("positionIdx").asInt(0) != 0) {
            error(response, callback, 10001, "position idx not match position mode");
            return;
        }
        Side side;
        switch (b.path("side").asText()) {
            case "Buy" -> side = Side.BUY;
            case "Sell" -> side = Side.SELL;
            default -> {
                error(response, callback, 10001, "params error: side invalid");
                return;
            }
        }
        double wireQty;
        double price;
        try {
            wireQty = Double.parseDouble(b.path("qty").asText());
            price = b.hasNonNull("price") ? Double.parseDouble(b.path("price").asText()) : Double.NaN;
        } catch (NumberFormatException e) {
            error(response, callback, 10001, "params error: qty or price invalid");
            return;
        }
        String tif = b.path("timeInForce").asText("GTC");
        OrderType type = "Market".equals(b.path("orderType").asText()) ? OrderType.MARKET
                : "IOC".equals(tif) || "FOK".equals(tif) ? OrderType.LIMIT_IOC : OrderType.LIMIT;
        String linkId = b.path("orderLinkId").asText("");
        String clientId = linkId.isEmpty() ? BybitWireEncoder.GENERATED_ID_PREFIX + GENERATED_IDS.incrementAndGet() : linkId;
        OrderRequest req;
        try {
            req = new OrderRequest(new InstrumentKey(frontEnd.account(), i.symbol()), side, wireQty / i.contractSize(),
                    type, type == OrderType.MARKET ? Double.NaN : price, b.path("reduceOnly").asBoolean(false), clientId);
        } catch (IllegalArgumentException e) {
            error(response, callback, 10001, "params error: " + e.getMessage());
            return;
        }
        answer(exchange.place(req), response, callback, o -> BybitWireEncoder.ok(exchange.nowMs(), g -> {
            g.writeStartObject();
            g.writeStringField("orderId", o.orderId());
            g.writeStringField("orderLinkId", linkId);
            g.writeEndObject();
        }));
    }

    /**
     * Cancels the symbol's (or category's) open orders of the kinds {@code orderFilter} names. Without a
     * filter linear/inverse cancel every kind and spot only plain orders, as Bybit documents.
     */
    private void cancelAll(JsonNode b, Response response, Callback callback) {
        String category = b.path("category").asText();
        String symbol = b.hasNonNull("symbol") ? b.path("symbol").asText() : null;
        String filter = b.hasNonNull("orderFilter") ? b.path("orderFilter").asText() : null;
        boolean spot = "spot".equals(category);
        List<Order> targets = openOrders(category, symbol).stream().filter(o -> {
            if (filter == null) {
                return !spot || !o.conditional();
            }
            return switch (filter) {
                case "Order" -> !o.conditional();
                case "StopOrder" -> o.conditional();
                default -> false; // the simulator has no TP/SL or OCO orders
            };
        }).toList();
        List<CompletableFuture<Boolean>> cancels = new ArrayList<>();
        for (Order o : targets) {
            cancels.add(exchange.cancel(frontEnd.account(), o.orderId()));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new));
        answer(all, response, callback, x -> BybitWireEncoder.ok(exchange.nowMs(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("list");
            for (int k = 0; k < targets.size(); k++) {
                if (Boolean.TRUE.equals(cancels.get(k).join())) {
                    g.writeStartObject();
                    g.writeStringField("orderId", targets.get(k).orderId());
                    g.writeStringField("orderLinkId", BybitWireEncoder.linkId(targets.get(k).clientOrderId()));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeStringField("success", "1");
            g.writeEndObject();
        }));
    }

    private void dcp(JsonNode b, Response response, Callback callback) {
        int window = b.path("timeWindow").asInt(-1);
        if (window < 3 || window > 300) {
            error(response, callback, 10001, "params error: timeWindow must be in [3, 300]");
            return;
        }
        frontEnd.dcpWindow(Duration.ofSeconds(window));
        write(response, callback, 200, "{\"retCode\":0,\"retMsg\":\"success\"}");
    }

    private interface Encoder<T> {
        String encode(T value) throws Exception;
    }

    /** Answers when the simulator does: its rejection becomes Bybit's retCode; a lost answer a 503. */
    private <T> void answer(CompletableFuture<T> future, Response response, Callback callback, Encoder<T> encoder) {
        future.whenComplete((value, failure) -> {
            if (failure == null) {
                try {
                    write(response, callback, 200, encoder.encode(value));
                } catch (Exception e) {
                    callback.failed(e);
                }
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof VenueException ve && ve.error().kind() == VenueError.Kind.REJECTED) {
                BybitSimErrors.Code code = BybitSimErrors.of(ve.error());
                error(response, callback, code.retCode(), code.retMsg());
            } else {
                write(response, callback, 503, "Service Unavailable");
            }
        });
    }

    private void ok(Response response, Callback callback, BybitWireEncoder.Body result) {
        write(response, callback, 200, BybitWireEncoder.ok(exchange.nowMs(), result));
    }

    private void error(Response response, Callback callback, int retCode, String retMsg) {
        write(response, callback, 200, BybitWireEncoder.error(retCode, retMsg, exchange.nowMs()));
    }

    private static void write(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body, callback);
    }

}
