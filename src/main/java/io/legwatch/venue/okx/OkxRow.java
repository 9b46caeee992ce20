package io.legwatch.venue.okx;

/**
 * One item of an OKX {@code data} array (a position, order, algo order, instrument or per-order
 * result), holding only the fields Legwatch uses. Filled by {@link OkxReader} in one streaming
 * pass; numbers sent as empty strings are NaN. Kept apart from {@code BybitRow}: each holds its venue's
 * own wire field names.
 */
final class OkxRow {
    String instId;
    String instType;
    String posSide;
    double pos = Double.NaN;
    String posCcy;
    double markPx = Double.NaN;
    /** Index price of the underlying (USD): the price an option position's delta is valued at. */
    double idxPx = Double.NaN;
    double deltaPA = Double.NaN;
    String mgnMode;
    double liab = Double.NaN;
    String liabCcy;
    long uTime;

    String ordId;
    String clOrdId;
    String algoId;
    String algoClOrdId;
    String side;
    String ordType;
    double sz = Double.NaN;
    double accFillSz = Double.NaN;
    double px = Double.NaN;
    double ordPx = Double.NaN;
    boolean reduceOnly;
    String state;
    double fillSz = Double.NaN;
    double fillPx = Double.NaN;
    String tradeId;
    long fillTime;

    String sCode;
    String sMsg;
    /** mass-cancel's {@code result}. */
    boolean result;

    double ctVal = Double.NaN;
    double ctMult = Double.NaN;
    String ctValCcy;
    String ctType;
    double lotSz = Double.NaN;
    String baseCcy;
    String settleCcy;
    String instFamily;
    String uly;
}
