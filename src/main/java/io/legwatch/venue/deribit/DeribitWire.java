package io.legwatch.venue.deribit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.util.List;

/**
 * Deribit API v2 payloads as small records, bound once by Jackson (snake_case names, unknown fields
 * ignored). The JSON-RPC envelope keeps {@code result} and {@code params.data} as token buffers so
 * they are bound to the right record once the id or channel says what they are — no tree walk.
 * Field names follow the documented payloads in {@code samples/deribit}.
 */
final class DeribitWire {
    private DeribitWire() {
    }

    /** Any inbound frame: a response (id + result|error) or a notification (method + params). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(Long id, String method, Params params, TokenBuffer result, RpcError error,
                    @JsonProperty("usIn") Long usIn, @JsonProperty("usOut") Long usOut, Boolean testnet) {
        boolean isResponse() {
            return id != null && (result != null || error != null);
        }
    }

    /** Notification parameters: a subscription (channel + data) or a heartbeat (type). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Params(String channel, TokenBuffer data, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RpcError(Integer code, String message, JsonNode data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AuthResult(String accessToken, String refreshToken, Long expiresIn, String scope, String tokenType) {
        @Override
        public String toString() {
            return "AuthResult[scope=" + scope + ", expiresIn=" + expiresIn + "]"; // never print tokens
        }
    }

    /** private/get_positions item and user.changes position. {@code size}: USD for inverse futures, else base. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Position(String instrumentName, String kind, Double size, Double sizeCurrency, String direction,
                    Double averagePrice, Double markPrice, Double indexPrice, Double delta, Double totalProfitLoss) {
    }

    /**
     * An order. {@code price} is a string because Deribit may send {@code "market_price"} for market
     * orders; numbers bind to their text.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(String orderId, String label, String instrumentName, String direction, String orderType,
                 String orderState, Double amount, Double filledAmount, String price, Double averagePrice,
                 Boolean reduceOnly, String timeInForce, Long lastUpdateTimestamp, Long creationTimestamp,
                 String originalOrderType, String trigger, Double triggerPrice, String cancelReason,
                 String rejectReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Trade(String tradeId, String orderId, String label, String instrumentName, String direction, Double amount,
                 Double price, Long timestamp, String state, Boolean reduceOnly, Double markPrice, Double indexPrice) {
    }

    /** user.changes data: everything one matching event changed on one instrument. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changes(String instrumentName, List<Trade> trades, List<Position> positions, List<Order> orders) {
    }

    /** private/buy, sell, close_position result. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderResult(Order order, List<Trade> trades) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstrumentMeta(String instrumentName, String kind, String baseCurrency, String quoteCurrency,
                          String settlementCurrency, String counterCurrency, Double contractSize,
                          Double minTradeAmount, Double tickSize, String instrumentType, String optionType,
                          Double strike, Long expirationTimestamp, Boolean isActive) {
    }

    /** ticker.(instrument).(interval) data: only the prices we need. Option marks are premiums in BTC. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ticker(String instrumentName, Double markPrice, Double indexPrice, Long timestamp) {
    }

    /** user.portfolio data, only what tells us the account is alive and how much delta it carries. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Portfolio(String currency, Double deltaTotal, Double equity, Double marginBalance) {
    }
}
