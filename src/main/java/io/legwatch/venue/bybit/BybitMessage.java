package io.legwatch.venue.bybit;

import java.util.ArrayList;
import java.util.List;

/**
 * One Bybit message, REST answer or WebSocket frame, reduced to what Legwatch reads:
 * the envelope fields and the items of its list.
 */
final class BybitMessage {
    /** WebSocket push topic ({@code position}, {@code order}, ...), or null. */
    String topic;
    /** WebSocket op answer ({@code auth}, {@code subscribe}, {@code pong}), or null. */
    String op;
    /** WebSocket op answers carry {@code success}; null when absent. */
    Boolean success;
    /** {@code retCode} of a REST answer; null when absent. */
    Integer retCode;
    String retMsg;
    String reqId;
    /** {@code creationTime} of a push or {@code time} of a REST answer, epoch ms; 0 when absent. */
    long timeMs;
    /** {@code result.category} of a REST list answer. */
    String category;
    String nextPageCursor;
    /** The single-object result of e.g. order/create ({@code orderId}, {@code orderLinkId}). */
    final BybitRow result = new BybitRow();
    /** {@code result.success} of cancel-all ("1" ok). */
    String resultSuccess;
    final List<BybitRow> rows = new ArrayList<>();
    final List<BybitRow> itemErrors = new ArrayList<>();
}
