package io.legwatch.venue.binance;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceRestParser.AlgoOrderDto;
import io.legwatch.venue.binance.BinanceRestParser.OrderDto;
import io.legwatch.venue.binance.BinanceUserEvent.OrderRow;

/** Binance order vocabulary -> domain {@link Order}/{@link Fill}. */
public final class BinanceMapper {
    /** Prefix that keeps Algo Service ids apart from regular order ids in the domain's order key. */
    public static final String ALGO_ID_PREFIX = "algo:";

    private final VenueId venue;

    public BinanceMapper(VenueId venue) {
        this.venue = venue;
    }

    public Order order(OrderDto o) {
        String type = o.origType() != null ? o.origType() : o.type();
        return new Order(key(o.symbol()), Long.toString(o.orderId()), emptyToNull(o.clientOrderId()), side(o.side()),
                orderType(type, o.timeInForce()), d(o.origQty()), d(o.executedQty()), price(o.price()),
                Boolean.TRUE.equals(o.reduceOnly()) || Boolean.TRUE.equals(o.closePosition()), conditional(type),
                state(o.status()), null);
    }

    /** Algo Service conditional orders: always conditional; a trigger that fired is FINISHED/TRIGGERED. */
    public Order algoOrder(AlgoOrderDto a) {
        String type = a.orderType() == null ? "STOP_MARKET" : a.orderType();
        return new Order(key(a.symbol()), ALGO_ID_PREFIX + a.algoId(), emptyToNull(a.clientAlgoId()), side(a.side()),
                orderType(type, "GTC"), d(a.quantity()), 0, price(a.price() != null && a.price() > 0
                ? a.price() : a.triggerPrice()),
                Boolean.TRUE.equals(a.reduceOnly()) || Boolean.TRUE.equals(a.closePosition()), true,
                algoState(a.algoStatus()), null);
    }

    /** An ALGO_UPDATE: the same key as the openAlgoOrders snapshot row, so updates replace it. */
    public Order algoOrder(BinanceUserEvent.AlgoRow a) {
        String type = a.orderType() == null ? "STOP_MARKET" : a.orderType();
        double price = a.price() > 0 ? a.price() : a.triggerPrice();
        return new Order(key(a.symbol()), ALGO_ID_PREFIX + a.algoId(), emptyToNull(a.clientAlgoId()), side(a.side()),
                orderType(type, "GTC"), a.qty(), 0, price > 0 ? price : Double.NaN,
                a.reduceOnly() || a.closePosition(), true, algoState(a.status()), a.rejectReason());
    }

    public Order order(OrderRow o) {
        return new Order(key(o.symbol()), Long.toString(o.orderId()), emptyToNull(o.clientOrderId()), side(o.side()),
                orderType(o.origType(), o.timeInForce()), o.qty(), o.cumulativeQty(), price(o.price()),
                o.reduceOnly() || o.closePosition(), conditional(o.origType()), state(o.status()),
                "EXPIRED".equals(o.status()) || "CANCELED".equals(o.status()) ? o.executionType() : null);
    }

    /** The fill carried by an ORDER_TRADE_UPDATE with execution type TRADE, or null. */
    public Fill fill(OrderRow o) {
        if (!"TRADE".equals(o.executionType()) || !(o.lastQty() > 0)) {
            return null;
        }
        return new Fill(key(o.symbol()), Long.toString(o.tradeId()), Long.toString(o.orderId()),
                emptyToNull(o.clientOrderId()), side(o.side()), o.lastQty(), o.lastPrice());
    }

    public InstrumentKey key(String symbol) {
        return new InstrumentKey(venue, symbol);
    }

    static Side side(String s) {
        if ("BUY".equals(s)) {
            return Side.BUY;
        }
        if ("SELL".equals(s)) {
            return Side.SELL;
        }
        throw new BinanceParseException("unknown order side \"" + s + "\"");
    }

    static OrderState state(String status) {
        return switch (status) {
            case "NEW" -> OrderState.NEW;
            case "PARTIALLY_FILLED" -> OrderState.PARTIALLY_FILLED;
            case "FILLED" -> OrderState.FILLED;
            case "CANCELED" -> OrderState.CANCELED;
            case "REJECTED" -> OrderState.REJECTED;
            case "EXPIRED", "EXPIRED_IN_MATCH" -> OrderState.EXPIRED;
            // Anything new from Binance: possibly live, never assumed gone.
            default -> OrderState.UNKNOWN;
        };
    }

    static OrderState algoState(String status) {
        if (status == null) {
            return OrderState.UNKNOWN;
        }
        return switch (status) {
            case "NEW", "UNTRIGGERED", "WORKING", "TRIGGERING" -> OrderState.NEW;
            case "CANCELED", "CANCELLED" -> OrderState.CANCELED;
            case "EXPIRED" -> OrderState.EXPIRED;
            case "REJECTED" -> OrderState.REJECTED;
            // TRIGGERED/FINISHED: the trigger fired and became a regular order, which is tracked on its own.
            case "TRIGGERED", "FINISHED" -> OrderState.FILLED;
            default -> OrderState.UNKNOWN;
        };
    }

    /** Conditional types (stop, take-profit, trailing) are reported by their execution style. */
    static OrderType orderType(String type, String timeInForce) {
        if (type == null) {
            return OrderType.LIMIT;
        }
        return switch (type) {
            case "MARKET", "STOP_MARKET", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET", "LIQUIDATION" ->
                    OrderType.MARKET;
            default -> "IOC".equals(timeInForce) || "FOK".equals(timeInForce) ? OrderType.LIMIT_IOC : OrderType.LIMIT;
        };
    }

    static boolean conditional(String type) {
        return type != null && (type.startsWith("STOP") || type.startsWith("TAKE_PROFIT")
                || type.startsWith("TRAILING_STOP"));
    }

    private static double price(Double p) {
        return p == null || !(p > 0) ? Double.NaN : p;
    }

    private static double price(double p) {
        return p > 0 ? p : Double.NaN;
    }

    private static double d(Double v) {
        return v == null ? 0 : v;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
