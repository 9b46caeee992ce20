package io.legwatch.venue.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.legwatch.venue.binance.BinanceUserEvent.AlgoRow;
import io.legwatch.venue.binance.BinanceUserEvent.MarginCallRow;
import io.legwatch.venue.binance.BinanceUserEvent.OrderRow;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parser for the USD-M user data stream: one pass of a Jackson {@link JsonParser} per message,
 * no tree. Field order is not assumed (the event type {@code e} may come after the payload), so nested
 * payloads are parsed by their key and interpreted once {@code e} is known. Thread-safe (stateless).
 */
public final class BinanceUserStreamParser {
    private final JsonFactory factory;

    public BinanceUserStreamParser() {
        this(new JsonFactory());
    }

    public BinanceUserStreamParser(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * Parses one text frame.
     *
     * @throws BinanceParseException when the text is not JSON, not an object, or lacks {@code e}
     */
    public BinanceUserEvent parse(String text) {
        try (JsonParser p = factory.createParser(text)) {
            return parse(p);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BinanceParseException bpe) {
                throw bpe;
            }
            throw new BinanceParseException("malformed user-stream message: " + e.getMessage(), e);
        }
    }

    private BinanceUserEvent parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new BinanceParseException("user-stream message is not a JSON object");
        }
        String type = null;
        long eventTime = 0;
        long txTime = 0;
        String reason = null;
        List<PositionRow> positions = List.of();
        OrderFields order = null;
        String listenKey = null;
        double crossWallet = Double.NaN;
        List<MarginCallRow> marginRows = List.of();
        String configSymbol = null;
        Integer leverage = null;
        Boolean multiAssets = null;
        long replyId = -1;
        String symbol = null;
        double mark = Double.NaN;
        double index = Double.NaN;
        Integer errorCode = null;
        String errorMessage = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (field) {
                case "e" -> type = p.getValueAsString();
                case "E" -> eventTime = Json.longValue(p, t);
                case "T" -> txTime = Json.longValue(p, t);
                case "listenKey" -> listenKey = p.getValueAsString();
                case "id" -> replyId = t == JsonToken.VALUE_NULL ? 0 : Json.longValue(p, t);
                case "result" -> p.skipChildren();
                case "error" -> {
                    if (t == JsonToken.START_OBJECT) {
                        String f;
                        while ((f = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if ("code".equals(f)) {
                                errorCode = (int) Json.longValue(p, v);
                            } else if ("msg".equals(f)) {
                                errorMessage = p.getValueAsString();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        errorMessage = p.getValueAsString();
                        p.skipChildren();
                    }
                }
                case "cw" -> crossWallet = Json.doubleValue(p, t);
                case "a" -> {
                    AccountPart part = accountPart(p, t);
                    reason = part.reason;
                    positions = part.positions;
                }
                case "o" -> order = t == JsonToken.START_OBJECT ? orderFields(p) : skip(p);
                case "p" -> {
                    if (t == JsonToken.START_ARRAY) {
                        marginRows = marginRows(p);
                    } else if (t.isScalarValue()) {
                        mark = Json.doubleValue(p, t);
                    } else {
                        p.skipChildren();
                    }
                }
                case "s" -> symbol = p.getValueAsString();
                case "i" -> index = t.isScalarValue() ? Json.doubleValue(p, t) : Double.NaN;
                case "ac" -> {
                    if (t == JsonToken.START_OBJECT) {
                        String f;
                        while ((f = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if ("s".equals(f)) {
                                configSymbol = p.getValueAsString();
                            } else if ("l".equals(f)) {
                                leverage = (int) Json.longValue(p, v);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "ai" -> {
                    if (t == JsonToken.START_OBJECT) {
                        String f;
                        while ((f = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if ("j".equals(f)) {
                                multiAssets = v == JsonToken.VALUE_TRUE || "true".equals(p.getValueAsString());
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (type == null && replyId >= 0) {
            return new BinanceUserEvent.Reply(replyId, errorCode, errorMessage);
        }
        if (type == null) {
            throw new BinanceParseException("user-stream message has no event type \"e\"");
        }
        return switch (type) {
            case "ACCOUNT_UPDATE" -> new BinanceUserEvent.AccountUpdate(eventTime, txTime, reason, positions);
            case "ORDER_TRADE_UPDATE" -> {
                if (order == null) {
                    throw new BinanceParseException("ORDER_TRADE_UPDATE without an order object \"o\"");
                }
                yield new BinanceUserEvent.OrderTradeUpdate(eventTime, txTime, order.orderRow());
            }
            case "ALGO_UPDATE" -> {
                if (order == null) {
                    throw new BinanceParseException("ALGO_UPDATE without an order object \"o\"");
                }
                yield new BinanceUserEvent.AlgoUpdate(eventTime, txTime, order.algoRow());
            }
            case "listenKeyExpired" -> new BinanceUserEvent.ListenKeyExpired(eventTime, listenKey);
            case "MARGIN_CALL" -> new BinanceUserEvent.MarginCall(eventTime, crossWallet, marginRows);
            case "markPriceUpdate" -> {
                if (symbol == null || !(mark > 0)) {
                    throw new BinanceParseException("markPriceUpdate without symbol \"s\" or mark price \"p\"");
                }
                yield new BinanceUserEvent.MarkPrice(eventTime, symbol, mark, index);
            }
            case "ACCOUNT_CONFIG_UPDATE" ->
                    new BinanceUserEvent.AccountConfigUpdate(eventTime, configSymbol, leverage, multiAssets);
            default -> new BinanceUserEvent.Other(eventTime, type);
        };
    }

    private static OrderFields skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    private record AccountPart(String reason, List<PositionRow> positions) {
    }

    private static AccountPart accountPart(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new AccountPart(null, List.of());
        }
        String reason = null;
        List<PositionRow> rows = new ArrayList<>(4);
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if ("m".equals(f)) {
                reason = p.getValueAsString();
            } else if ("P".equals(f) && v == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    rows.add(positionRow(p));
                }
            } else {
                p.skipChildren();
            }
        }
        return new AccountPart(reason, rows);
    }

    private static PositionRow positionRow(JsonParser p) throws IOException {
        String symbol = null;
        String side = "BOTH";
        double amount = Double.NaN;
        double entry = Double.NaN;
        double upnl = Double.NaN;
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "s" -> symbol = p.getValueAsString();
                case "pa" -> amount = Json.doubleValue(p, v);
                case "ep" -> entry = Json.doubleValue(p, v);
                case "up" -> upnl = Json.doubleValue(p, v);
                case "ps" -> side = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        if (symbol == null || Double.isNaN(amount)) {
            throw new BinanceParseException("ACCOUNT_UPDATE position without symbol \"s\" or amount \"pa\"");
        }
        return new PositionRow(symbol, side, amount, entry, upnl, Double.NaN, 0);
    }

    private static List<MarginCallRow> marginRows(JsonParser p) throws IOException {
        List<MarginCallRow> rows = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String symbol = null;
            String side = "BOTH";
            double amount = Double.NaN;
            double mark = Double.NaN;
            double upnl = Double.NaN;
            double mm = Double.NaN;
            String f;
            while ((f = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (f) {
                    case "s" -> symbol = p.getValueAsString();
                    case "ps" -> side = p.getValueAsString();
                    case "pa" -> amount = Json.doubleValue(p, v);
                    case "mp" -> mark = Json.doubleValue(p, v);
                    case "up" -> upnl = Json.doubleValue(p, v);
                    case "mm" -> mm = Json.doubleValue(p, v);
                    default -> p.skipChildren();
                }
            }
            if (symbol == null) {
                throw new BinanceParseException("MARGIN_CALL position without symbol \"s\"");
            }
            rows.add(new MarginCallRow(symbol, side, amount, mark, upnl, mm));
        }
        return rows;
    }

    /** The {@code o} object of ORDER_TRADE_UPDATE or ALGO_UPDATE, read before the event type is known. */
    private static final class OrderFields {
        String symbol;
        String client;
        String side;
        String type;
        String origType;
        String tif;
        double qty = Double.NaN;
        double price;
        double avg;
        double stop;
        String exec;
        String status;
        long orderId = -1;
        double lastQty;
        double lastPrice;
        double cum;
        long tradeTime;
        long tradeId;
        boolean reduceOnly;
        boolean closePosition;
        String posSide = "BOTH";
        double realized;
        // ALGO_UPDATE only
        String clientAlgoId;
        long algoId = -1;
        String algoType;
        double triggerPrice;
        String actualOrderId;
        String rejectReason;

        OrderRow orderRow() {
            if (symbol == null || side == null || type == null || status == null || orderId < 0 || Double.isNaN(qty)) {
                throw new BinanceParseException("ORDER_TRADE_UPDATE order lacks one of s, S, o, X, i, q");
            }
            return new OrderRow(symbol, client, side, type, origType == null ? type : origType, tif, qty, price, avg,
                    stop, exec, status, orderId, lastQty, lastPrice, cum, tradeTime, tradeId, reduceOnly, closePosition,
                    posSide, realized);
        }

        AlgoRow algoRow() {
            if (symbol == null || side == null || status == null || algoId < 0) {
                throw new BinanceParseException("ALGO_UPDATE order lacks one of s, S, X, aid");
            }
            return new AlgoRow(symbol, clientAlgoId, algoId, algoType, type, side, posSide,
                    Double.isNaN(qty) ? 0 : qty, price, triggerPrice, status, reduceOnly, closePosition,
                    actualOrderId == null || actualOrderId.isEmpty() ? null : actualOrderId,
                    rejectReason == null || rejectReason.isEmpty() ? null : rejectReason);
        }
    }

    private static OrderFields orderFields(JsonParser p) throws IOException {
        OrderFields o = new OrderFields();
        String f;
        while ((f = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (f) {
                case "s" -> o.symbol = p.getValueAsString();
                case "c" -> o.client = p.getValueAsString();
                case "S" -> o.side = p.getValueAsString();
                case "o" -> o.type = p.getValueAsString();
                case "ot" -> o.origType = p.getValueAsString();
                case "f" -> o.tif = p.getValueAsString();
                case "q" -> o.qty = Json.doubleValue(p, v);
                case "p" -> o.price = Json.doubleValue(p, v);
                case "ap" -> o.avg = Json.doubleValue(p, v);
                case "sp" -> o.stop = Json.doubleValue(p, v);
                case "x" -> o.exec = p.getValueAsString();
                case "X" -> o.status = p.getValueAsString();
                case "i" -> o.orderId = Json.longValue(p, v);
                case "l" -> o.lastQty = Json.doubleValue(p, v);
                case "L" -> o.lastPrice = Json.doubleValue(p, v);
                case "z" -> o.cum = Json.doubleValue(p, v);
                case "T" -> o.tradeTime = Json.longValue(p, v);
                case "t" -> o.tradeId = Json.longValue(p, v);
                case "R" -> o.reduceOnly = Json.booleanValue(p, v);
                case "cp" -> o.closePosition = Json.booleanValue(p, v);
                case "ps" -> o.posSide = p.getValueAsString();
                case "rp" -> o.realized = Json.doubleValue(p, v);
                case "caid" -> o.clientAlgoId = p.getValueAsString();
                case "aid" -> o.algoId = Json.longValue(p, v);
                case "at" -> o.algoType = p.getValueAsString();
                case "tp" -> o.triggerPrice = Json.doubleValue(p, v);
                case "ai" -> o.actualOrderId = p.getValueAsString();
                case "rm" -> o.rejectReason = p.getValueAsString();
                default -> p.skipChildren();
            }
        }
        return o;
    }
}
