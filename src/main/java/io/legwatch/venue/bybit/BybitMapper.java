package io.legwatch.venue.bybit;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;

import java.io.IOException;

/**
 * Turns Bybit items into domain values for one account.
 *
 * <p>Units: Bybit reports every position as an unsigned {@code size} plus a {@code side}. For
 * linear (USDT/USDC) contracts, spot and options the size is in the base coin; for inverse
 * contracts (BTCUSD, ...) it is in USD, one contract = 1 USD. So every Bybit instrument gets
 * contract size 1 and {@link io.legwatch.domain.Position#qty} is the signed size as reported.
 */
final class BybitMapper {
    private final VenueId venue;

    BybitMapper(VenueId venue) {
        this.venue = venue;
    }

    VenueId venue() {
        return venue;
    }

    InstrumentKey key(String symbol) {
        return new InstrumentKey(venue, symbol);
    }

    /** Signed position size: positive long (Buy), negative short (Sell), zero when side is empty/None. */
    static double signedSize(BybitRow r) throws IOException {
        double size = r.size;
        if (Double.isNaN(size)) {
            throw new IOException("position " + r.symbol + " has no size");
        }
        if (r.side == null || r.side.isEmpty() || "None".equals(r.side)) {
            if (size != 0) {
                throw new IOException("position " + r.symbol + " has size " + size + " but no side");
            }
            return 0;
        }
        return side(r.side).sign() * size;
    }

    Instrument instrument(BybitRow r, String category) throws IOException {
        if (r.symbol == null || r.baseCoin == null) {
            throw new IOException("instrument without symbol or baseCoin");
        }
        InstrumentKind kind = kind(r.contractType, r.category != null ? r.category : category);
        double lot = r.qtyStep > 0 ? r.qtyStep : r.basePrecision;
        if (!(lot > 0)) {
            throw new IOException("instrument " + r.symbol + " has no qtyStep/basePrecision");
        }
        return new Instrument(venue, r.symbol, r.baseCoin, kind, 1.0, lot);
    }

    static InstrumentKind kind(String contractType, String category) throws IOException {
        if (contractType != null) {
            switch (contractType) {
                case "LinearPerpetual", "LinearFutures" -> {
                    return InstrumentKind.LINEAR;
                }
                case "InversePerpetual", "InverseFutures" -> {
                    return InstrumentKind.INVERSE;
                }
                default -> {
                    // options and spot carry no contractType: fall through to the category
                }
            }
        }
        if (category == null) {
            throw new IOException("instrument without category");
        }
        return switch (category) {
            case "linear" -> InstrumentKind.LINEAR;
            case "inverse" -> InstrumentKind.INVERSE;
            case "option" -> InstrumentKind.OPTION;
            case "spot" -> InstrumentKind.SPOT;
            default -> throw new IOException("unknown category " + category);
        };
    }

    Order order(BybitRow r) throws IOException {
        if (r.symbol == null || r.side == null) {
            throw new IOException("order without symbol or side");
        }
        OrderType type = "Market".equals(r.orderType) ? OrderType.MARKET
                : "IOC".equals(r.timeInForce) || "FOK".equals(r.timeInForce) ? OrderType.LIMIT_IOC : OrderType.LIMIT;
        boolean conditional = (r.stopOrderType != null && !r.stopOrderType.isEmpty()
                && !"UNKNOWN".equals(r.stopOrderType)) || "Untriggered".equals(r.orderStatus);
        String reason = r.rejectReason == null || r.rejectReason.isEmpty() || "EC_NoError".equals(r.rejectReason)
                ? null : r.rejectReason;
        return new Order(key(r.symbol), emptyToNull(r.orderId), emptyToNull(r.orderLinkId), side(r.side), type,
                nanToZero(r.qty), nanToZero(r.cumExecQty), r.price, r.reduceOnly, conditional, state(r.orderStatus),
                reason);
    }

    static OrderState state(String orderStatus) {
        if (orderStatus == null) {
            return OrderState.UNKNOWN;
        }
        return switch (orderStatus) {
            case "Created", "New", "Untriggered", "Triggered", "Active" -> OrderState.NEW;
            case "PartiallyFilled" -> OrderState.PARTIALLY_FILLED;
            case "Filled" -> OrderState.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderState.CANCELED;
            case "Rejected" -> OrderState.REJECTED;
            default -> OrderState.UNKNOWN;
        };
    }

    /** An execution, or null for executions that are not trades of ours (funding settlements). */
    Fill fill(BybitRow r) throws IOException {
        if ("Funding".equals(r.execType)) {
            return null;
        }
        if (r.symbol == null || r.side == null || !(r.execQty > 0) || Double.isNaN(r.execPrice)) {
            throw new IOException("execution without symbol, side, qty or price");
        }
        return new Fill(key(r.symbol), r.execId, emptyToNull(r.orderId), emptyToNull(r.orderLinkId), side(r.side),
                r.execQty, r.execPrice);
    }

    static Side side(String side) throws IOException {
        return switch (side) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new IOException("unknown side '" + side + "'");
        };
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
