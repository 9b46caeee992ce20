package io.legwatch.venue.binance;

import java.util.List;

/**
 * One message of the USD-M user data stream, parsed but not yet normalised into domain events.
 * Field names follow the wire (single letters) only in the comments; values are already typed.
 */
public sealed interface BinanceUserEvent {
    /** {@code E}: event time, epoch ms (a string in the documented listenKeyExpired, a number elsewhere). */
    long eventTime();

    /** {@code ACCOUNT_UPDATE}: {@code a.m} reason and the changed position rows of {@code a.P}. */
    record AccountUpdate(long eventTime, long transactionTime, String reason, List<PositionRow> positions)
            implements BinanceUserEvent {
        public AccountUpdate {
            positions = List.copyOf(positions);
        }
    }

    /** {@code ORDER_TRADE_UPDATE}: the order object {@code o}. */
    record OrderTradeUpdate(long eventTime, long transactionTime, OrderRow order) implements BinanceUserEvent {
    }

    /**
     * {@code ALGO_UPDATE}: a conditional order of the Algo Service (since 2025-12 stop, take-profit and trailing
     * orders live there) changed state: NEW, CANCELED, TRIGGERING, TRIGGERED, FINISHED, REJECTED, EXPIRED.
     */
    record AlgoUpdate(long eventTime, long transactionTime, AlgoRow order) implements BinanceUserEvent {
    }

    /** {@code listenKeyExpired}: the stream is dead; a new listenKey and a resync are needed. */
    record ListenKeyExpired(long eventTime, String listenKey) implements BinanceUserEvent {
    }

    /** {@code MARGIN_CALL}: cross wallet {@code cw} (may be NaN when not pushed) and the positions at risk. */
    record MarginCall(long eventTime, double crossWallet, List<MarginCallRow> positions) implements BinanceUserEvent {
        public MarginCall {
            positions = List.copyOf(positions);
        }
    }

    /**
     * {@code ACCOUNT_CONFIG_UPDATE}: leverage of one symbol ({@code ac}) or the multi-assets mode ({@code ai}).
     * Absent parts are null.
     */
    record AccountConfigUpdate(long eventTime, String symbol, Integer leverage, Boolean multiAssetsMode)
            implements BinanceUserEvent {
    }

    /**
     * An answer to a request we sent on the stream connection (our liveness probe
     * {@code {"method":"LIST_SUBSCRIPTIONS","id":n}}): {@code {"result":[...],"id":n}}, or
     * {@code {"error":{"code":..,"msg":..},"id":n}} with {@code errorCode}/{@code errorMessage} set.
     */
    record Reply(long id, Integer errorCode, String errorMessage) implements BinanceUserEvent {
        @Override
        public long eventTime() {
            return 0;
        }
    }

    /**
     * {@code markPriceUpdate} of a {@code <symbol>@markPrice@1s} market stream subscribed on the same connection:
     * mark {@code p} and index {@code i}, USD(T) per base unit.
     */
    record MarkPrice(long eventTime, String symbol, double markPrice, double indexPrice) implements BinanceUserEvent {
    }

    /** An event type this connector does not interpret (e.g. TRADE_LITE, ALGO_UPDATE); proof of life only. */
    record Other(long eventTime, String type) implements BinanceUserEvent {
    }

    /**
     * A position row as the stream ({@code a.P}) or positionRisk reports it.
     *
     * @param amount       signed base quantity ({@code pa} / {@code positionAmt})
     * @param positionSide BOTH (one-way mode), LONG or SHORT (hedge mode)
     * @param markPrice    NaN when the source does not carry one (the stream does not)
     */
    record PositionRow(String symbol, String positionSide, double amount, double entryPrice, double unrealizedPnl,
                       double markPrice, long updateTime) {
    }

    /**
     * The {@code o} object of ALGO_UPDATE: {@code caid aid at o s S ps q p tp X R cp ai rm}.
     *
     * @param actualOrderId {@code ai}: the regular order created when the trigger fired, or null
     * @param rejectReason  {@code rm}, or null
     */
    record AlgoRow(String symbol, String clientAlgoId, long algoId, String algoType, String orderType, String side,
                   String positionSide, double qty, double price, double triggerPrice, String status,
                   boolean reduceOnly, boolean closePosition, String actualOrderId, String rejectReason) {
    }

    /** A MARGIN_CALL row: {@code s ps pa mp up mm}. */
    record MarginCallRow(String symbol, String positionSide, double amount, double markPrice, double unrealizedPnl,
                         double maintenanceMargin) {
    }

    /**
     * An order as ORDER_TRADE_UPDATE ({@code o}) reports it.
     *
     * @param executionType {@code x}: NEW, TRADE, CANCELED, CALCULATED (liquidation), EXPIRED, AMENDMENT
     * @param status        {@code X}: NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH
     * @param lastQty       {@code l}, lastPrice {@code L}: the last fill, zero when x is not TRADE
     */
    record OrderRow(String symbol, String clientOrderId, String side, String type, String origType,
                    String timeInForce, double qty, double price, double avgPrice, double stopPrice,
                    String executionType, String status, long orderId, double lastQty, double lastPrice,
                    double cumulativeQty, long tradeTime, long tradeId, boolean reduceOnly, boolean closePosition,
                    String positionSide, double realizedProfit) {
    }
}
