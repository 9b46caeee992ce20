package io.legwatch.venue.deribit;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;

/**
 * Deribit orders, trades and positions -> domain values, using the quantity convention of
 * {@link DeribitInstruments}. The rules live on {@link DeribitRows} (what the streaming decoder fills);
 * bound {@link DeribitWire} records (snapshot answers) are copied into a row first.
 */
final class DeribitMapping {
    private DeribitMapping() {
    }

    /** The payload named an instrument we have no metadata for (e.g. listed after we loaded them). */
    static final class UnknownInstrumentException extends Exception {
        final String name;

        UnknownInstrumentException(String name) {
            super("unknown instrument " + name);
            this.name = name;
        }
    }

    /** The payload lacks a field we cannot do without. */
    static final class BadPayloadException extends Exception {
        BadPayloadException(String message) {
            super(message);
        }
    }

    /**
     * A whole snapshot's positions: every non-zero position must map, since one silently dropped would
     * read as flat. A zero position on an instrument we have no metadata for is flat either way.
     */
    static java.util.List<Position> snapshotPositions(DeribitInstruments instruments, java.util.List<DeribitWire.Position> list)
            throws UnknownInstrumentException, BadPayloadException {
        java.util.List<Position> out = new java.util.ArrayList<>(list.size());
        for (DeribitWire.Position p : list) {
            if (instruments.find(p.instrumentName()).isEmpty() && p.size() != null && p.size() == 0) {
                continue;
            }
            out.add(position(instruments, p));
        }
        return out;
    }

    /** A whole snapshot's open orders: every one must map. */
    static java.util.List<Order> snapshotOrders(DeribitInstruments instruments, java.util.List<DeribitWire.Order> list)
            throws UnknownInstrumentException, BadPayloadException {
        java.util.List<Order> out = new java.util.ArrayList<>(list.size());
        for (DeribitWire.Order o : list) {
            out.add(order(instruments, o));
        }
        return out;
    }

    static Position position(DeribitInstruments instruments, DeribitWire.Position p)
            throws UnknownInstrumentException, BadPayloadException {
        return position(instruments, DeribitRows.PositionRow.of(p));
    }

    static Position position(DeribitInstruments instruments, DeribitRows.PositionRow p)
            throws UnknownInstrumentException, BadPayloadException {
        DeribitInstruments.Entry e = entry(instruments, p.instrumentName);
        if (Double.isNaN(p.size)) {
            throw new BadPayloadException("position " + p.instrumentName + " without size");
        }
        double size = p.size;
        // size is signed (negative = short); trust direction if a payload ever sends it unsigned
        if (size > 0 && "sell".equals(p.direction)) {
            size = -size;
        }
        double qty = size / e.contractSize();
        boolean option = e.instrument().kind() == InstrumentKind.OPTION;
        // An option's mark_price is its premium in BTC; exposure needs the underlying in USD: use the index.
        double usdPrice = option ? p.indexPrice : p.markPrice;
        return new Position(e.instrument().key(), qty + 0.0, usdPrice, p.delta);
    }

    static Order order(DeribitInstruments instruments, DeribitWire.Order o)
            throws UnknownInstrumentException, BadPayloadException {
        return order(instruments, DeribitRows.OrderRow.of(o));
    }

    static Order order(DeribitInstruments instruments, DeribitRows.OrderRow o)
            throws UnknownInstrumentException, BadPayloadException {
        DeribitInstruments.Entry e = entry(instruments, o.instrumentName);
        if (Double.isNaN(o.amount) || o.direction == null || o.orderState == null) {
            throw new BadPayloadException("order " + o.orderId + " lacks amount, direction or state");
        }
        String type = o.orderType == null ? "" : o.orderType;
        boolean conditional = type.startsWith("stop_") || type.startsWith("take_") || type.startsWith("trailing")
                || o.trigger != null;
        double filled = Double.isNaN(o.filledAmount) ? 0 : o.filledAmount;
        String reason = o.rejectReason != null ? o.rejectReason : o.cancelReason;
        return new Order(e.instrument().key(), o.orderId, label(o.label), side(o.direction),
                orderType(type, o.timeInForce), o.amount / e.contractSize(), filled / e.contractSize(),
                o.price, o.reduceOnly, conditional, state(o.orderState, filled, o.timeInForce, type), reason);
    }

    static Fill fill(DeribitInstruments instruments, DeribitWire.Trade t)
            throws UnknownInstrumentException, BadPayloadException {
        return fill(instruments, DeribitRows.TradeRow.of(t));
    }

    static Fill fill(DeribitInstruments instruments, DeribitRows.TradeRow t)
            throws UnknownInstrumentException, BadPayloadException {
        DeribitInstruments.Entry e = entry(instruments, t.instrumentName);
        if (Double.isNaN(t.amount) || Double.isNaN(t.price) || t.direction == null) {
            throw new BadPayloadException("trade " + t.tradeId + " lacks amount, price or direction");
        }
        return new Fill(e.instrument().key(), t.tradeId, t.orderId, label(t.label), side(t.direction),
                t.amount / e.contractSize(), t.price);
    }

    static Side side(String direction) throws BadPayloadException {
        return switch (direction) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new BadPayloadException("unknown direction " + direction);
        };
    }

    static OrderType orderType(String type, String timeInForce) {
        return switch (type) {
            case "market", "stop_market", "take_market", "trailing_stop" -> OrderType.MARKET;
            default -> "immediate_or_cancel".equals(timeInForce) || "fill_or_kill".equals(timeInForce)
                    ? OrderType.LIMIT_IOC : OrderType.LIMIT;
        };
    }

    static OrderState state(String orderState, double filled, String timeInForce, String type) {
        return switch (orderState) {
            case "open" -> filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
            case "untriggered", "triggered" -> OrderState.NEW;
            case "filled" -> OrderState.FILLED;
            case "rejected" -> OrderState.REJECTED;
            // an IOC remainder (or an unfilled market rest) is cancelled by the venue: it expired
            case "cancelled" -> "immediate_or_cancel".equals(timeInForce) || "fill_or_kill".equals(timeInForce)
                    || "market".equals(type) ? OrderState.EXPIRED : OrderState.CANCELED;
            default -> OrderState.UNKNOWN;
        };
    }

    /** Deribit writes numbers, or {@code "market_price"} for a market order: the latter has no price. */
    static double price(String price) {
        if (price == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(price);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String label(String label) {
        return label == null || label.isEmpty() ? null : label;
    }

    private static DeribitInstruments.Entry entry(DeribitInstruments instruments, String name)
            throws UnknownInstrumentException, BadPayloadException {
        if (name == null) {
            throw new BadPayloadException("payload without instrument_name");
        }
        return instruments.find(name).orElseThrow(() -> new UnknownInstrumentException(name));
    }
}
