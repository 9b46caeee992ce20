package io.legwatch.venue.binance;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.VenueId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What exchangeInfo says about one USD-M symbol that matters to Legwatch. USD-M contracts are linear and
 * quantities are in the base asset (BTC for BTCUSDT), so the domain {@link Instrument} has contract size 1.
 *
 * @param limitStep  LOT_SIZE stepSize (LIMIT orders)
 * @param marketStep MARKET_LOT_SIZE stepSize (MARKET orders); the LOT_SIZE step when the filter is absent
 * @param marketMax  MARKET_LOT_SIZE maxQty: a bigger market order must be split; +inf when absent
 */
public record BinanceSymbolRules(String symbol, String baseAsset, String status, double limitStep,
                                 double marketStep, double minQty, double limitMax, double marketMax,
                                 double tickSize) {

    static BinanceSymbolRules from(BinanceRestParser.SymbolDto s) {
        Double lotStep = null;
        Double lotMin = null;
        Double lotMax = null;
        Double mktStep = null;
        Double mktMax = null;
        Double tick = null;
        List<BinanceRestParser.FilterDto> filters = s.filters() == null ? List.of() : s.filters();
        for (BinanceRestParser.FilterDto f : filters) {
            if ("LOT_SIZE".equals(f.filterType())) {
                lotStep = f.stepSize();
                lotMin = f.minQty();
                lotMax = f.maxQty();
            } else if ("MARKET_LOT_SIZE".equals(f.filterType())) {
                mktStep = f.stepSize();
                mktMax = f.maxQty();
            } else if ("PRICE_FILTER".equals(f.filterType())) {
                tick = f.tickSize();
            }
        }
        double fallback = s.quantityPrecision() == null ? Double.NaN : Math.pow(10, -s.quantityPrecision());
        double step = positive(lotStep, positive(mktStep, fallback));
        if (!(step > 0) || s.symbol() == null || s.baseAsset() == null) {
            throw new BinanceParseException("exchangeInfo symbol " + s.symbol()
                    + " has no usable LOT_SIZE/MARKET_LOT_SIZE stepSize, quantityPrecision or baseAsset");
        }
        return new BinanceSymbolRules(s.symbol(), s.baseAsset(), s.status(), step, positive(mktStep, step),
                lotMin == null ? 0 : lotMin, positive(lotMax, Double.POSITIVE_INFINITY),
                positive(mktMax, Double.POSITIVE_INFINITY), positive(tick, Double.NaN));
    }

    private static double positive(Double v, double otherwise) {
        return v != null && v > 0 ? v : otherwise;
    }

    /** Lot size for the domain: the coarser of the two steps, so any lot-rounded quantity is valid for both. */
    public Instrument toInstrument(VenueId venue) {
        return new Instrument(venue, symbol, baseAsset, InstrumentKind.LINEAR, 1.0, Math.max(limitStep, marketStep));
    }

    /** The quantity as Binance wants it on the wire: rounded to the order type's step, plain decimal. */
    public String formatQty(double qty, boolean market) {
        return roundTo(qty, market ? marketStep : limitStep);
    }

    /** A limit price rounded to the tick (down for a buy is not our call: the caller already chose the pay-up). */
    public String formatPrice(double price) {
        return Double.isNaN(tickSize) ? plain(price) : roundTo(price, tickSize);
    }

    static String roundTo(double value, double step) {
        BigDecimal s = BigDecimal.valueOf(step);
        BigDecimal steps = BigDecimal.valueOf(value).divide(s, 0, RoundingMode.HALF_UP);
        return steps.multiply(s).stripTrailingZeros().toPlainString();
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
