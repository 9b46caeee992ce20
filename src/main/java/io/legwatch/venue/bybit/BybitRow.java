package io.legwatch.venue.bybit;

/**
 * One item of a Bybit list (a position, order, execution or instrument), holding only the fields
 * Legwatch uses. Filled by {@link BybitReader} in one streaming pass; numbers the venue sends as
 * empty strings are NaN. Position, order, execution and instrument items share field names, so
 * one shape serves them all and the reader does not depend on the order of fields in a message.
 * Kept apart from {@code OkxRow} and {@code DeribitRows}: each holds its venue's own wire field names.
 */
final class BybitRow {
    String category;
    String symbol;
    String side;
    double size = Double.NaN;
    int positionIdx;
    double markPrice = Double.NaN;
    double avgPrice = Double.NaN;
    double delta = Double.NaN;
    long updatedTime;

    String orderId;
    String orderLinkId;
    String orderType;
    String timeInForce;
    double qty = Double.NaN;
    double cumExecQty = Double.NaN;
    double price = Double.NaN;
    boolean reduceOnly;
    String stopOrderType;
    String orderStatus;
    String rejectReason;

    String execId;
    double execQty = Double.NaN;
    double execPrice = Double.NaN;
    String execType;
    long execTime;

    String contractType;
    String status;
    String baseCoin;
    String settleCoin;
    double qtyStep = Double.NaN;
    double basePrecision = Double.NaN;

    /** Per-item error of a batch answer ({@code retExtInfo.list}). */
    int code;
    String msg;
}
