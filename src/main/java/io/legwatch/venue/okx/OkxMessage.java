package io.legwatch.venue.okx;

import java.util.ArrayList;
import java.util.List;

/** One OKX message, REST answer or WebSocket frame, reduced to its envelope and data items. */
final class OkxMessage {
    /** WebSocket {@code event}: login, subscribe, error, channel-conn-count, ...; null for pushes and REST. */
    String event;
    /** {@code code}: "0" is success; null when absent (pushes carry none). */
    String code;
    String msg;
    /** {@code arg.channel} of a push or subscribe answer. */
    String channel;
    /** WebSocket op answers ({@code order}, ...) carry {@code op} and {@code id}. */
    String op;
    final List<OkxRow> rows = new ArrayList<>();
}
