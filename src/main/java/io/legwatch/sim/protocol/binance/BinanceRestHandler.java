package io.legwatch.sim.protocol.binance;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
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
import io.legwatch.sim.SimLink;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static io.legwatch.sim.protocol.binance.BinanceJson.error;
import static io.legwatch.sim.protocol.binance.BinanceJson.str;

/**
 * Binance USD-M REST on the simulator: the endpoints Legwatch and common clients use for positions,
 * orders, cancel-all, the listenKey and countdownCancelAll, with Binance's security types, error codes
 * and HTTP statuses. Orders execute asynchronously in the simulator; the HTTP answer waits for the ack.
 */
final class BinanceRestHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(BinanceRestHandler.class);
    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final String CANCEL_ALL_DONE = "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}";

    private final SimExchange exchange;
    private final VenueId account;
    private final BinanceRequestAuth auth;
    private final BinanceStreamHub hub;
    private final BinanceWireFaults faults;
    private final BinanceIds ids;
    private final TimeSource clock;
    private final AtomicLong generatedIds = new AtomicLong();

    BinanceRestHandler(SimExchange exchange, VenueId account, BinanceRequestAuth auth, BinanceStreamHub hub,
                       BinanceWireFaults faults, BinanceIds ids, TimeSource clock) {
        this.exchange = exchange;
        this.account = account;
        this.auth = auth;
        this.hub = hub;
        this.faults = faults;
        this.ids = ids;
        this.clock = clock;
    }

    private record Answer(int status, String body) {
        static Answer ok(String body) {
            return new Answer(200, body);
        }

        static Answer err(int status, int code, String msg) {
            return new Answer(status, error(code, msg));
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        String query = request.getHttpURI().getQuery();
        String body = method.equals("GET") ? "" : Content.Source.asString(request, StandardCharsets.UTF_8);
        CompletableFuture<Answer> answer;
        try {
            answer = route(method, path, query, body, request.getHeaders().get("X-MBX-APIKEY"), response);
        } catch (RuntimeException e) {
            log.warn("Binance front end: {} {} failed", method, path, e);
            answer = CompletableFuture.completedFuture(Answer.err(500, -1000, "An unknown error occurred while "
                    + "processing the request."));
        }
        answer.whenComplete((a, e) -> {
            Answer out = e == null ? a : Answer.err(500, -1000, "An unknown error occurred while processing the "
                    + "request.");
            // A silent venue answers nothing until it speaks again; a venue that goes down drops the request.
            hub.whenSpeaking(() -> {
                response.setStatus(out.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, out.body(), callback);
            }, () -> callback.failed(new java.io.IOException("venue went down before answering")));
        });
        return true;
    }

    private CompletableFuture<Answer> route(String method, String path, String query, String body, String key,
                                            Response response) {
        if (faults.takeBan()) {
            response.getHeaders().put("Retry-After", "120");
            return done(Answer.err(418, -1003, "Way too many requests; IP(127.0.0.1) banned until "
                    + (clock.millis() + 120_000) + ". Please use the websocket for live updates to avoid bans."));
        }
        if (faults.takeRateLimit()) {
            response.getHeaders().put("Retry-After", "1");
            return done(Answer.err(429, -1003, "Too many requests; current limit is 2400 requests per minute. "
                    + "Please use the websocket for live updates to avoid polling the API."));
        }
        response.getHeaders().put("X-MBX-USED-WEIGHT-1M", "1");
        if (hub.link() == SimLink.DOWN) {
            return done(Answer.err(503, -1001, "Internal error; unable to process your request. Please try again."));
        }
        BinanceParamsView params = new BinanceParamsView(query, body);
        String route = method + " " + path;
        switch (route) {
            case "GET /fapi/v1/ping":
                return done(Answer.ok("{}"));
            case "GET /fapi/v1/time":
                return done(Answer.ok("{\"serverTime\":" + clock.millis() + "}"));
            case "GET /fapi/v1/exchangeInfo":
                return done(Answer.ok(BinanceJson.exchangeInfo(linear(), clock.millis())));
            case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey", "DELETE /fapi/v1/listenKey":
                return done(listenKey(method, key));
            default:
                break;
        }
        BinanceRequestAuth.Refusal refused = auth.checkSigned(key, query, body, params, clock.millis());
        if (refused != null) {
            return done(Answer.err(refused.http(), refused.code(), refused.msg()));
        }
        return switch (route) {
            case "GET /fapi/v1/leverageBracket" -> done(leverageBrackets(params.get("symbol")));
            case "GET /fapi/v1/positionSide/dual" -> done(Answer.ok("{\"dualSidePosition\":false}"));
            case "GET /fapi/v2/positionRisk" -> done(positionRisk(params.get("symbol"), true));
            case "GET /fapi/v3/positionRisk" -> done(positionRisk(params.get("symbol"), false));
            case "GET /fapi/v1/openOrders" -> done(openOrders(params.get("symbol"), false));
            case "GET /fapi/v1/openAlgoOrders" -> done(openOrders(params.get("symbol"), true));
            case "GET /fapi/v1/order" -> done(queryOrder(params));
            case "POST /fapi/v1/order" -> placeOrder(params);
            case "DELETE /fapi/v1/allOpenOrders" -> cancelAll(params.get("symbol"), false);
            case "DELETE /fapi/v1/algoOpenOrders" -> cancelAll(params.get("symbol"), true);
            case "POST /fapi/v1/countdownCancelAll" -> countdown(params);
            default -> done(Answer.err(404, -5000, "Path " + path + ", Method " + method + " is invalid"));
        };
    }

    private static CompletableFuture<Answer> done(Answer a) {
        return CompletableFuture.completedFuture(a);
    }

    private List<Instrument> linear() {
        return exchange.instruments(account).stream().filter(i -> i.kind() == InstrumentKind.LINEAR).toList();
    }

    private Answer listenKey(String method, String key) {
        BinanceRequestAuth.Refusal refused = auth.checkKey(key);
        if (refused != null) {
            return Answer.err(refused.http(), refused.code(), refused.msg());
        }
        return switch (method) {
            case "POST" -> Answer.ok("{\"listenKey\":" + str(hub.createListenKey()) + "}");
            case "PUT" -> hub.keepAlive() ? Answer.ok("{}")
                    : Answer.err(400, -1125, "This listenKey does not exist.");
            default -> {
                hub.deleteListenKey();
                yield Answer.ok("{}");
            }
        };
    }

    /** One flat bracket per symbol: the simulator has no margin model, clients (CCXT) just need the shape. */
    private Answer leverageBrackets(String symbol) {
        if (symbol != null && !hub.linear(symbol)) {
            return unknownSymbol();
        }
        List<String> rows = new ArrayList<>();
        for (Instrument i : linear()) {
            if (symbol == null || symbol.equals(i.symbol())) {
                rows.add("{\"symbol\":" + str(i.symbol()) + ",\"notionalCoef\":1.0,\"brackets\":[{\"bracket\":1,"
                        + "\"initialLeverage\":20,\"notionalCap\":100000000,\"notionalFloor\":0,"
                        + "\"maintMarginRatio\":0.004,\"cum\":0}]}");
            }
        }
        return Answer.ok("[" + String.join(",", rows) + "]");
    }

    private Answer unknownSymbol() {
        return Answer.err(400, -1121, "Invalid symbol.");
    }

    private Answer positionRisk(String symbol, boolean v2) {
        if (symbol != null && !hub.linear(symbol)) {
            return unknownSymbol();
        }
        Map<String, Position> held = new HashMap<>();
        for (Position p : exchange.positions(account)) {
            held.put(p.instrument().symbol(), p);
        }
        List<String> rows = new ArrayList<>();
        for (Instrument i : linear()) {
            if (symbol != null && !symbol.equals(i.symbol())) {
                continue;
            }
            Position p = held.get(i.symbol());
            double qty = p == null ? 0 : p.qty();
            if (qty == 0 && !v2) {
                continue; // v3 lists only symbols with a position
            }
            double mark = exchange.markPrice(i.key());
            rows.add(BinanceJson.positionRisk(i.symbol(), qty, mark, exchange.nowMs()));
        }
        return Answer.ok("[" + String.join(",", rows) + "]");
    }

    private List<Order> open(String symbol, boolean conditional) {
        return exchange.openOrders(account).stream()
                .filter(o -> hub.linear(o.instrument().symbol()))
                .filter(o -> symbol == null || symbol.equals(o.instrument().symbol()))
                .filter(o -> o.conditional() == conditional)
                .toList();
    }

    private Answer openOrders(String symbol, boolean algo) {
        if (symbol != null && !hub.linear(symbol)) {
            return unknownSymbol();
        }
        List<String> rows = new ArrayList<>();
        for (Order o : open(symbol, algo)) {
            long id = ids.order(o.orderId());
            rows.add(algo ? BinanceJson.algoOrder(o, id, exchange.nowMs())
                    : BinanceJson.order(o, id, exchange.nowMs()));
        }
        return Answer.ok("[" + String.join(",", rows) + "]");
    }

    private Answer queryOrder(BinanceParamsView params) {
        String symbol = params.get("symbol");
        if (symbol == null) {
            return Answer.err(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        Order o = null;
        if (params.get("origClientOrderId") != null) {
            o = exchange.findOrder(account, params.get("origClientOrderId")).orElse(null);
        } else if (params.get("orderId") != null) {
            try {
                o = hub.byId(Long.parseLong(params.get("orderId")));
            } catch (NumberFormatException e) {
                return Answer.err(400, -1100, "Illegal characters found in parameter 'orderId'.");
            }
        }
        if (o == null || !symbol.equals(o.instrument().symbol())) {
            return Answer.err(400, -2013, "Order does not exist.");
        }
        return Answer.ok(BinanceJson.order(o, ids.order(o.orderId()), exchange.nowMs()));
    }

    private CompletableFuture<Answer> placeOrder(BinanceParamsView p) {
        String symbol = p.get("symbol");
        if (symbol == null || !hub.linear(symbol)) {
            return done(unknownSymbol());
        }
        Side side;
        try {
            side = Side.valueOf(String.valueOf(p.get("side")));
        } catch (IllegalArgumentException e) {
            return done(Answer.err(400, -1117, "Invalid side."));
        }
        String type = String.valueOf(p.get("type"));
        if (!type.equals("MARKET") && !type.equals("LIMIT")) {
            return done(Answer.err(400, -1116, "Invalid orderType."));
        }
        String positionSide = p.get("positionSide");
        if (positionSide != null && !positionSide.equals("BOTH")) {
            return done(Answer.err(400, -4061, "Order's position side does not match user's setting."));
        }
        double qty;
        double price = Double.NaN;
        try {
            qty = Double.parseDouble(String.valueOf(p.get("quantity")));
            if (type.equals("LIMIT")) {
                price = Double.parseDouble(String.valueOf(p.get("price")));
            }
        } catch (NumberFormatException e) {
            return done(Answer.err(400, -1102, "Mandatory parameter 'quantity' or 'price' was not sent, was "
                    + "empty/null, or malformed."));
        }
        if (!(qty > 0)) {
            return done(Answer.err(400, -4003, "Quantity less than or equal to zero."));
        }
        String clientId = p.get("newClientOrderId");
        if (clientId == null) {
            clientId = "sim" + clock.millis() + "x" + generatedIds.incrementAndGet();
        } else if (!CLIENT_ID.matcher(clientId).matches()) {
            return done(Answer.err(400, -1100, "Illegal characters found in parameter 'newClientOrderId'; legal "
                    + "range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'."));
        }
        OrderType orderType = type.equals("MARKET") ? OrderType.MARKET
                : "IOC".equals(p.get("timeInForce")) || "FOK".equals(p.get("timeInForce")) ? OrderType.LIMIT_IOC
                : OrderType.LIMIT;
        boolean reduceOnly = "true".equalsIgnoreCase(p.get("reduceOnly"));
        OrderRequest request;
        try {
            request = new OrderRequest(new InstrumentKey(account, symbol), side, qty, orderType, price, reduceOnly,
                    clientId);
        } catch (IllegalArgumentException e) {
            return done(Answer.err(400, -1102, e.getMessage()));
        }
        return exchange.place(request).handle((order, e) -> {
            if (e == null) {
                hub.remember(order);
                return Answer.ok(BinanceJson.order(order, ids.order(order.orderId()), exchange.nowMs()));
            }
            return rejection(e);
        });
    }

    private Answer rejection(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (!(c instanceof VenueException ve)) {
            return Answer.err(500, -1000, "An unknown error occurred while processing the request.");
        }
        VenueError err = ve.error();
        String code = err.code() == null ? "" : err.code();
        return switch (code) {
            case SimErrorCodes.RATE_LIMITED -> Answer.err(429, -1003, "Too many requests; current limit is 1200 "
                    + "orders per minute. Please use the websocket for live updates to avoid polling the API.");
            case SimErrorCodes.DUPLICATE_CLIENT_ID -> Answer.err(400, -4116, "ClientOrderId is duplicated.");
            case SimErrorCodes.REDUCE_ONLY -> Answer.err(400, -2022, "ReduceOnly Order is rejected.");
            case SimErrorCodes.INVALID_QUANTITY -> Answer.err(400, -1111,
                    "Precision is over the maximum defined for this asset.");
            case SimErrorCodes.UNKNOWN_INSTRUMENT -> unknownSymbol();
            case SimErrorCodes.DISCONNECTED -> Answer.err(503, -1001,
                    "Internal error; unable to process your request. Please try again.");
            case SimErrorCodes.ACK_LOST -> Answer.err(503, -1007, "Timeout waiting for response from backend server. "
                    + "Send status unknown; execution status unknown.");
            default -> {
                if (err.kind() == VenueError.Kind.NETWORK || err.kind() == VenueError.Kind.TIMEOUT) {
                    yield Answer.err(503, -1001, "Internal error; unable to process your request. Please try again.");
                }
                int binanceCode;
                try {
                    binanceCode = Integer.parseInt(code);
                } catch (NumberFormatException nfe) {
                    binanceCode = -2010;
                }
                yield Answer.err(400, binanceCode, err.message());
            }
        };
    }

    private CompletableFuture<Answer> cancelAll(String symbol, boolean algo) {
        if (symbol == null || !hub.linear(symbol)) {
            return done(unknownSymbol());
        }
        List<CompletableFuture<Boolean>> cancels = new ArrayList<>();
        for (Order o : open(symbol, algo)) {
            cancels.add(exchange.cancel(account, o.orderId()));
        }
        return CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new))
                .handle((ok, e) -> e == null ? Answer.ok(CANCEL_ALL_DONE) : rejection(e));
    }

    private CompletableFuture<Answer> countdown(BinanceParamsView p) {
        String symbol = p.get("symbol");
        if (symbol == null || !hub.linear(symbol)) {
            return done(unknownSymbol());
        }
        long ms;
        try {
            ms = Long.parseLong(String.valueOf(p.get("countdownTime")));
        } catch (NumberFormatException e) {
            return done(Answer.err(400, -1102, "Mandatory parameter 'countdownTime' was not sent, was empty/null, "
                    + "or malformed."));
        }
        // The simulator's switch is per account, Binance's per symbol: arming any symbol arms the account.
        return exchange.armDeadMan(account, Duration.ofMillis(Math.max(0, ms))).handle((ok, e) -> e == null
                ? Answer.ok("{\"symbol\":" + str(symbol) + ",\"countdownTime\":\"" + ms + "\"}") : rejection(e));
    }
}
