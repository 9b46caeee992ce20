package io.legwatch.venue.okx;

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
 * Turns OKX items into domain values for one account.
 *
 * <p>Units: SWAP, FUTURES and OPTION positions are in contracts; one contract is
 * {@code ctVal x ctMult} of {@code ctValCcy} (BTC-USDT-SWAP 0.01 BTC, BTC-USD-SWAP 100 USD, a BTC
 * option 0.01 BTC), which becomes {@link Instrument#contractSize}. SPOT and MARGIN are in the base
 * currency, contract size 1. Signs: in net mode {@code pos} is signed; in long/short mode
 * {@code posSide} gives the sign.
 */
final class OkxMapper {
    private final VenueId venue;

    OkxMapper(VenueId venue) {
        this.venue = venue;
    }

    VenueId venue() {
        return venue;
    }

    InstrumentKey key(String instId) {
        return new InstrumentKey(venue, instId);
    }

    Instrument instrument(OkxRow r) throws IOException {
        if (r.instId == null || r.instType == null) {
            throw new IOException("instrument without instId or instType");
        }
        if (!(r.lotSz > 0)) {
            throw new IOException("instrument " + r.instId + " has no lotSz");
        }
        switch (r.instType) {
            case "SPOT", "MARGIN" -> {
                String base = nonEmpty(r.baseCcy, prefix(r.instId));
                return new Instrument(venue, r.instId, base, InstrumentKind.SPOT, 1.0, r.lotSz);
            }
            case "SWAP", "FUTURES", "OPTION" -> {
                if (!(r.ctVal > 0)) {
                    throw new IOException("instrument " + r.instId + " has no ctVal");
                }
                double size = r.ctVal * (r.ctMult > 0 ? r.ctMult : 1.0);
                String underlying = prefix(nonEmpty(r.instFamily, nonEmpty(r.uly, r.instId)));
                InstrumentKind kind;
                if ("OPTION".equals(r.instType)) {
                    kind = InstrumentKind.OPTION;
                } else if ("inverse".equals(r.ctType)) {
                    kind = InstrumentKind.INVERSE;
                } else if ("linear".equals(r.ctType)) {
                    kind = InstrumentKind.LINEAR;
                } else {
                    throw new IOException("instrument " + r.instId + " has unknown ctType '" + r.ctType + "'");
                }
                if (kind == InstrumentKind.INVERSE && !"USD".equals(r.ctValCcy)) {
                    throw new IOException("inverse " + r.instId + " valued in " + r.ctValCcy + ", expected USD");
                }
                return new Instrument(venue, r.instId, underlying, kind, size, r.lotSz);
            }
            default -> throw new IOException("unknown instType " + r.instType);
        }
    }

    /**
     * Signed quantity of one position row, in the instrument's units. MARGIN rows hold their size
     * in {@code posCcy}: the base currency for a long; a short holds the quote currency and owes
     * the base, so its base quantity is the (negative) liability when that is in the base currency.
     */
    static double signedQty(OkxRow r) throws IOException {
        if (Double.isNaN(r.pos)) {
            throw new IOException("position " + r.instId + " has no pos");
        }
        if ("MARGIN".equals(r.instType)) {
            String base = prefix(r.instId);
            if (r.pos == 0 || base.equals(r.posCcy)) {
                return r.pos;
            }
            if (base.equals(r.liabCcy) && !Double.isNaN(r.liab)) {
                return -Math.abs(r.liab);
            }
            throw new IOException("margin position " + r.instId + " in " + r.posCcy + " without a base liability");
        }
        String posSide = r.posSide == null ? "net" : r.posSide;
        return switch (posSide) {
            case "net", "" -> r.pos;
            case "long" -> Math.abs(r.pos);
            case "short" -> -Math.abs(r.pos);
            default -> throw new IOException("unknown posSide " + posSide);
        };
    }

    Order order(OkxRow r) throws IOException {
        if (r.instId == null || r.side == null) {
            throw new IOException("order without instId or side");
        }
        OrderType type = switch (r.ordType == null ? "" : r.ordType) {
            case "market" -> OrderType.MARKET;
            case "ioc", "fok", "optimal_limit_ioc" -> OrderType.LIMIT_IOC;
            default -> OrderType.LIMIT;
        };
        return new Order(key(r.instId), emptyToNull(r.ordId), emptyToNull(r.clOrdId), side(r.side), type,
                nanToZero(r.sz), nanToZero(r.accFillSz), r.px, r.reduceOnly, false, state(r.state), null);
    }

    /** A pending algo (stop, TP/SL, trigger, trailing) order: conditional, keyed by its algoId. */
    Order algoOrder(OkxRow r) throws IOException {
        if (r.instId == null || r.side == null || emptyToNull(r.algoId) == null) {
            throw new IOException("algo order without instId, side or algoId");
        }
        // ordPx -1 means "market on trigger"
        boolean market = Double.isNaN(r.ordPx) || r.ordPx == -1;
        return new Order(key(r.instId), r.algoId, emptyToNull(r.algoClOrdId), side(r.side),
                market ? OrderType.MARKET : OrderType.LIMIT, nanToZero(r.sz), 0, market ? Double.NaN : r.ordPx,
                r.reduceOnly, true, algoState(r.state), null);
    }

    static OrderState state(String state) {
        if (state == null) {
            return OrderState.UNKNOWN;
        }
        return switch (state) {
            case "live" -> OrderState.NEW;
            case "partially_filled" -> OrderState.PARTIALLY_FILLED;
            case "filled" -> OrderState.FILLED;
            case "canceled", "mmp_canceled" -> OrderState.CANCELED;
            default -> OrderState.UNKNOWN;
        };
    }

    static OrderState algoState(String state) {
        if (state == null) {
            return OrderState.UNKNOWN;
        }
        return switch (state) {
            case "live", "pause", "partially_effective" -> OrderState.NEW;
            case "effective" -> OrderState.FILLED;
            case "canceled" -> OrderState.CANCELED;
            case "order_failed", "partially_failed" -> OrderState.REJECTED;
            default -> OrderState.UNKNOWN;
        };
    }

    /** The fill an order push reports ({@code fillSz} > 0 with a {@code tradeId}), or null. */
    Fill fill(OkxRow r) throws IOException {
        if (!(r.fillSz > 0) || emptyToNull(r.tradeId) == null) {
            return null;
        }
        if (Double.isNaN(r.fillPx)) {
            throw new IOException("fill of " + r.instId + " without fillPx");
        }
        return new Fill(key(r.instId), r.tradeId, emptyToNull(r.ordId), emptyToNull(r.clOrdId), side(r.side),
                r.fillSz, r.fillPx);
    }

    static Side side(String side) throws IOException {
        return switch (side) {
            case "buy" -> Side.BUY;
            case "sell" -> Side.SELL;
            default -> throw new IOException("unknown side '" + side + "'");
        };
    }

    /** "BTC-USDT-SWAP" -> "BTC". */
    static String prefix(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isEmpty() ? fallback : s;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
