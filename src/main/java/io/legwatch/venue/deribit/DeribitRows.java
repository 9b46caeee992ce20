package io.legwatch.venue.deribit;

/**
 * The fields of Deribit orders, trades, positions and tickers that the mapping uses, as primitives
 * filled in one streaming pass ({@link DeribitFrameReader}) or copied from a bound {@link DeribitWire}
 * record (snapshot answers). An absent (or null) number is NaN, an absent timestamp 0, an absent
 * string null. {@code toString} names what was read, for malformed-item reports.
 */
final class DeribitRows {
    private DeribitRows() {
    }

    static final class OrderRow {
        String orderId;
        String label;
        String instrumentName;
        String direction;
        String orderType;
        String orderState;
        double amount = Double.NaN;
        double filledAmount = Double.NaN;
        /** NaN when absent or not a number ({@code "market_price"} for market orders). */
        double price = Double.NaN;
        boolean reduceOnly;
        String timeInForce;
        long lastUpdateTimestamp;
        String trigger;
        String cancelReason;
        String rejectReason;

        static OrderRow of(DeribitWire.Order o) {
            OrderRow r = new OrderRow();
            r.orderId = o.orderId();
            r.label = o.label();
            r.instrumentName = o.instrumentName();
            r.direction = o.direction();
            r.orderType = o.orderType();
            r.orderState = o.orderState();
            r.amount = orNaN(o.amount());
            r.filledAmount = orNaN(o.filledAmount());
            r.price = DeribitMapping.price(o.price());
            r.reduceOnly = Boolean.TRUE.equals(o.reduceOnly());
            r.timeInForce = o.timeInForce();
            r.lastUpdateTimestamp = o.lastUpdateTimestamp() == null ? 0 : o.lastUpdateTimestamp();
            r.trigger = o.trigger();
            r.cancelReason = o.cancelReason();
            r.rejectReason = o.rejectReason();
            return r;
        }

        @Override
        public String toString() {
            return "Order[orderId=" + orderId + ", label=" + label + ", instrumentName=" + instrumentName
                    + ", direction=" + direction + ", orderType=" + orderType + ", orderState=" + orderState
                    + ", amount=" + amount + ", filledAmount=" + filledAmount + ", price=" + price
                    + ", reduceOnly=" + reduceOnly + ", timeInForce=" + timeInForce
                    + ", lastUpdateTimestamp=" + lastUpdateTimestamp + ", trigger=" + trigger
                    + ", cancelReason=" + cancelReason + ", rejectReason=" + rejectReason + "]";
        }
    }

    static final class TradeRow {
        String tradeId;
        String orderId;
        String label;
        String instrumentName;
        String direction;
        double amount = Double.NaN;
        double price = Double.NaN;
        long timestamp;

        static TradeRow of(DeribitWire.Trade t) {
            TradeRow r = new TradeRow();
            r.tradeId = t.tradeId();
            r.orderId = t.orderId();
            r.label = t.label();
            r.instrumentName = t.instrumentName();
            r.direction = t.direction();
            r.amount = orNaN(t.amount());
            r.price = orNaN(t.price());
            r.timestamp = t.timestamp() == null ? 0 : t.timestamp();
            return r;
        }

        @Override
        public String toString() {
            return "Trade[tradeId=" + tradeId + ", orderId=" + orderId + ", label=" + label + ", instrumentName="
                    + instrumentName + ", direction=" + direction + ", amount=" + amount + ", price=" + price
                    + ", timestamp=" + timestamp + "]";
        }
    }

    /** {@code size}: signed, USD for inverse futures, else base. */
    static final class PositionRow {
        String instrumentName;
        double size = Double.NaN;
        String direction;
        double markPrice = Double.NaN;
        double indexPrice = Double.NaN;
        double delta = Double.NaN;

        static PositionRow of(DeribitWire.Position p) {
            PositionRow r = new PositionRow();
            r.instrumentName = p.instrumentName();
            r.size = orNaN(p.size());
            r.direction = p.direction();
            r.markPrice = orNaN(p.markPrice());
            r.indexPrice = orNaN(p.indexPrice());
            r.delta = orNaN(p.delta());
            return r;
        }

        @Override
        public String toString() {
            return "Position[instrumentName=" + instrumentName + ", size=" + size + ", direction=" + direction
                    + ", markPrice=" + markPrice + ", indexPrice=" + indexPrice + ", delta=" + delta + "]";
        }
    }

    /** ticker.(instrument).(interval) data: only the prices we need. Option marks are premiums in BTC. */
    static final class TickerRow {
        String instrumentName;
        double markPrice = Double.NaN;
        double indexPrice = Double.NaN;
        long timestamp;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
