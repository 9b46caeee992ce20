package io.legwatch.sim.protocol.binance;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes Binance USD-M payloads with the documented field names and types (decimals as strings, times as
 * numbers). Hand-written rather than bound, so the shapes are visible here field by field.
 */
final class BinanceJson {
    private BinanceJson() {
    }

    static String dec(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String str(String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String error(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":" + str(msg) + "}";
    }

    static String status(OrderState s) {
        return switch (s) {
            case NEW, PENDING, UNKNOWN -> "NEW";
            case PARTIALLY_FILLED -> "PARTIALLY_FILLED";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case REJECTED -> "REJECTED";
            case EXPIRED -> "EXPIRED";
        };
    }

    static String type(Order o) {
        if (o.conditional()) {
            return o.type() == OrderType.MARKET ? "STOP_MARKET" : "STOP";
        }
        return o.type() == OrderType.MARKET ? "MARKET" : "LIMIT";
    }

    static String timeInForce(Order o) {
        return o.type() == OrderType.LIMIT_IOC ? "IOC" : "GTC";
    }

    /** An order as POST /fapi/v1/order (RESULT), GET /fapi/v1/order and GET /fapi/v1/openOrders show it. */
    static String order(Order o, long binanceId, long updateTime) {
        boolean market = o.type() == OrderType.MARKET;
        double avg = o.filledQty() > 0 && market ? o.price() : (o.filledQty() > 0 ? o.price() : 0);
        String price = market || o.conditional() ? "0" : dec(o.price());
        return "{\"orderId\":" + binanceId + ",\"symbol\":" + str(o.instrument().symbol())
                + ",\"status\":" + str(status(o.state())) + ",\"clientOrderId\":" + str(o.clientOrderId())
                + ",\"price\":" + str(price) + ",\"avgPrice\":" + str(dec(avg))
                + ",\"origQty\":" + str(dec(o.qty())) + ",\"executedQty\":" + str(dec(o.filledQty()))
                + ",\"cumQty\":" + str(dec(o.filledQty())) + ",\"cumQuote\":" + str(dec(o.filledQty() * avg))
                + ",\"timeInForce\":" + str(timeInForce(o)) + ",\"type\":" + str(type(o))
                + ",\"reduceOnly\":" + o.reduceOnly() + ",\"closePosition\":false"
                + ",\"side\":" + str(o.side().name()) + ",\"positionSide\":\"BOTH\""
                + ",\"stopPrice\":" + str(o.conditional() ? dec(o.price()) : "0")
                + ",\"workingType\":\"CONTRACT_PRICE\",\"priceProtect\":false,\"origType\":" + str(type(o))
                + ",\"priceMatch\":\"NONE\",\"selfTradePreventionMode\":\"NONE\",\"goodTillDate\":0"
                + ",\"time\":" + updateTime + ",\"updateTime\":" + updateTime + "}";
    }

    /** A conditional order as GET /fapi/v1/openAlgoOrders shows it (Algo Service). */
    static String algoOrder(Order o, long algoId, long updateTime) {
        return "{\"algoId\":" + algoId + ",\"clientAlgoId\":" + str(o.clientOrderId())
                + ",\"algoType\":\"CONDITIONAL\",\"orderType\":" + str(type(o))
                + ",\"symbol\":" + str(o.instrument().symbol()) + ",\"side\":" + str(o.side().name())
                + ",\"positionSide\":\"BOTH\",\"timeInForce\":\"GTC\",\"quantity\":" + str(dec(o.qty()))
                + ",\"algoStatus\":\"NEW\",\"actualOrderId\":\"\",\"actualPrice\":\"0\""
                + ",\"triggerPrice\":" + str(dec(o.price())) + ",\"price\":\"0\""
                + ",\"workingType\":\"CONTRACT_PRICE\",\"priceMatch\":\"NONE\",\"closePosition\":false"
                + ",\"priceProtect\":false,\"reduceOnly\":" + o.reduceOnly()
                + ",\"createTime\":" + updateTime + ",\"updateTime\":" + updateTime
                + ",\"triggerTime\":0,\"goodTillDate\":0}";
    }

    /** A positionRisk v3 row (v2 adds leverage/marginType; both shown). */
    static String positionRisk(String symbol, double qty, double mark, long updateTime) {
        return "{\"symbol\":" + str(symbol) + ",\"positionSide\":\"BOTH\",\"positionAmt\":" + str(dec(qty))
                + ",\"entryPrice\":" + str(dec(qty == 0 ? 0 : mark)) + ",\"breakEvenPrice\":\"0\""
                + ",\"markPrice\":" + str(dec(mark)) + ",\"unRealizedProfit\":\"0\",\"liquidationPrice\":\"0\""
                + ",\"isolatedMargin\":\"0\",\"notional\":" + str(dec(qty * mark))
                + ",\"marginAsset\":\"USDT\",\"isolatedWallet\":\"0\",\"leverage\":\"10\",\"marginType\":\"cross\""
                + ",\"updateTime\":" + updateTime + "}";
    }

    static String exchangeInfo(List<Instrument> linear, long serverTime) {
        StringBuilder sb = new StringBuilder("{\"timezone\":\"UTC\",\"serverTime\":").append(serverTime)
                .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":2400}],\"exchangeFilters\":[],\"assets\":[],\"symbols\":[");
        for (int i = 0; i < linear.size(); i++) {
            Instrument in = linear.get(i);
            String step = dec(in.lotSize());
            int qtyPrecision = Math.max(0, BigDecimal.valueOf(in.lotSize()).stripTrailingZeros().scale());
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"symbol\":").append(str(in.symbol())).append(",\"pair\":").append(str(in.symbol()))
                    .append(",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\",\"baseAsset\":")
                    .append(str(in.underlying())).append(",\"quoteAsset\":\"USDT\",\"marginAsset\":\"USDT\"")
                    .append(",\"pricePrecision\":2,\"quantityPrecision\":").append(qtyPrecision)
                    .append(",\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01\","
                            + "\"maxPrice\":\"1000000\",\"tickSize\":\"0.01\"},")
                    .append("{\"filterType\":\"LOT_SIZE\",\"stepSize\":").append(str(step)).append(",\"minQty\":")
                    .append(str(step)).append(",\"maxQty\":\"1000\"},")
                    .append("{\"filterType\":\"MARKET_LOT_SIZE\",\"stepSize\":").append(str(step))
                    .append(",\"minQty\":").append(str(step)).append(",\"maxQty\":\"120\"}]")
                    .append(",\"orderTypes\":[\"LIMIT\",\"MARKET\",\"STOP\",\"STOP_MARKET\"]")
                    .append(",\"timeInForce\":[\"GTC\",\"IOC\",\"FOK\",\"GTX\"]}");
        }
        return sb.append("]}").toString();
    }
}
