package io.legwatch.venue.binance;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds Binance USD-M REST responses into small records once (no tree walks). Decimals arrive as JSON
 * strings and are coerced by Jackson; unknown fields are ignored because Binance adds fields over time.
 */
public final class BinanceRestParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** One row of GET /fapi/v2/positionRisk or /fapi/v3/positionRisk. */
    public record PositionRiskRow(String symbol, String positionSide, Double positionAmt, Double entryPrice,
                                  Double markPrice, Double unRealizedProfit, Long updateTime) {
    }

    /** GET /fapi/v1/openOrders element, POST /fapi/v1/order response, ORDER query. */
    public record OrderDto(Long orderId, String clientOrderId, String symbol, String side, String type,
                           String origType, String timeInForce, Double origQty, Double executedQty, Double price,
                           Double avgPrice, Double stopPrice, String status, Boolean reduceOnly,
                           Boolean closePosition, String positionSide, Long updateTime) {
    }

    /** GET /fapi/v1/openAlgoOrders element: a conditional order held by the Algo Service (since 2025-12). */
    public record AlgoOrderDto(Long algoId, String clientAlgoId, String algoType, String orderType, String symbol,
                               String side, String positionSide, Double quantity, Double price, Double triggerPrice,
                               String algoStatus, Boolean reduceOnly, Boolean closePosition, Long updateTime) {
    }

    /** One entry of {@code symbols[].filters}. */
    public record FilterDto(String filterType, Double stepSize, Double minQty, Double maxQty, Double tickSize) {
    }

    /** One entry of exchangeInfo {@code symbols}. */
    public record SymbolDto(String symbol, String pair, String contractType, String status, String baseAsset,
                            String quoteAsset, String marginAsset, Integer quantityPrecision, Integer pricePrecision,
                            List<FilterDto> filters,
                            @JsonAlias("OrderType") List<String> orderTypes) {
    }

    private record ExchangeInfoDto(Long serverTime, List<SymbolDto> symbols) {
    }

    private record ListenKeyDto(String listenKey) {
    }

    private record ServerTimeDto(Long serverTime) {
    }

    private record DualSideDto(Boolean dualSidePosition) {
    }

    private record ErrorDto(Object code, String msg) {
    }

    /** A documented Binance error body {@code {"code":-1121,"msg":"Invalid symbol."}}. */
    public record ErrorBody(int code, String msg) {
    }

    private BinanceRestParser() {
    }

    public static List<PositionRow> positionRisk(String json) {
        PositionRiskRow[] rows = read(json, PositionRiskRow[].class, "positionRisk");
        List<PositionRow> out = new ArrayList<>(rows.length);
        for (PositionRiskRow r : rows) {
            if (r.symbol() == null || r.positionAmt() == null) {
                throw new BinanceParseException("positionRisk row without symbol or positionAmt");
            }
            out.add(new PositionRow(r.symbol(), r.positionSide() == null ? "BOTH" : r.positionSide(),
                    r.positionAmt(), nan(r.entryPrice()), nan(r.unRealizedProfit()), nan(r.markPrice()),
                    r.updateTime() == null ? 0 : r.updateTime()));
        }
        return out;
    }

    public static List<OrderDto> openOrders(String json) {
        OrderDto[] rows = read(json, OrderDto[].class, "openOrders");
        for (OrderDto o : rows) {
            requireOrder(o);
        }
        return Arrays.asList(rows);
    }

    public static OrderDto order(String json) {
        return requireOrder(read(json, OrderDto.class, "order"));
    }

    /** The documented list, or an object with an {@code orders} list (both shapes seen in clients). */
    public static List<AlgoOrderDto> openAlgoOrders(String json) {
        JsonNode root = readTree(json, "openAlgoOrders");
        JsonNode list = root.isObject() && root.has("orders") ? root.get("orders") : root;
        AlgoOrderDto[] rows = MAPPER.convertValue(list, AlgoOrderDto[].class);
        for (AlgoOrderDto a : rows) {
            if (a.algoId() == null || a.symbol() == null || a.side() == null) {
                throw new BinanceParseException("algo order without algoId, symbol or side");
            }
        }
        return Arrays.asList(rows);
    }

    public static List<SymbolDto> exchangeInfo(String json) {
        ExchangeInfoDto info = read(json, ExchangeInfoDto.class, "exchangeInfo");
        if (info.symbols() == null) {
            throw new BinanceParseException("exchangeInfo without symbols");
        }
        return info.symbols();
    }

    public static String listenKey(String json) {
        String key = read(json, ListenKeyDto.class, "listenKey").listenKey();
        if (key == null || key.isBlank()) {
            throw new BinanceParseException("listenKey response without listenKey");
        }
        return key;
    }

    /** GET /fapi/v1/time. */
    public static long serverTime(String json) {
        Long t = read(json, ServerTimeDto.class, "time").serverTime();
        if (t == null) {
            throw new BinanceParseException("time response without serverTime");
        }
        return t;
    }

    /** GET /fapi/v1/positionSide/dual: true in hedge mode. */
    public static boolean dualSidePosition(String json) {
        Boolean dual = read(json, DualSideDto.class, "positionSide/dual").dualSidePosition();
        if (dual == null) {
            throw new BinanceParseException("positionSide/dual response without dualSidePosition");
        }
        return dual;
    }

    /** The error body, or null when the text is not one (HTML from a proxy, empty body...). */
    public static ErrorBody errorBody(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            ErrorDto e = MAPPER.readValue(json, ErrorDto.class);
            if (e == null || e.code() == null) {
                return null;
            }
            int code = e.code() instanceof Number n ? n.intValue() : Integer.parseInt(e.code().toString().trim());
            return new ErrorBody(code, e.msg() == null ? "" : e.msg());
        } catch (JsonProcessingException | NumberFormatException | ClassCastException e) {
            return null;
        }
    }

    private static OrderDto requireOrder(OrderDto o) {
        if (o == null || o.orderId() == null || o.symbol() == null || o.side() == null || o.type() == null
                || o.status() == null) {
            throw new BinanceParseException("order without orderId, symbol, side, type or status");
        }
        return o;
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static <T> T read(String json, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new BinanceParseException(what + " response is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BinanceParseException("malformed " + what + " response: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readTree(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BinanceParseException("malformed " + what + " response: " + e.getOriginalMessage(), e);
        }
    }
}
