package io.legwatch.venue.deribit;

import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.util.List;

/**
 * One inbound frame as {@link DeribitFrameReader} read it in a single pass: the JSON-RPC envelope
 * (an answer's {@code result} kept as a token buffer, bound once the id says what it answers) and,
 * for a subscription notification, the {@code params.data} items the mapping needs, as primitives.
 * Mutable, owned by the one call that decodes the frame.
 */
final class DeribitFrame {
    /** What a notification channel carries, from its name. */
    enum Channel {
        CHANGES, ORDERS, TRADES, TICKER, PORTFOLIO, OTHER;

        static Channel of(String channel) {
            if (channel.startsWith("user.changes.")) {
                return CHANGES;
            } else if (channel.startsWith("user.orders.")) {
                return ORDERS;
            } else if (channel.startsWith("user.trades.")) {
                return TRADES;
            } else if (channel.startsWith("ticker.")) {
                return TICKER;
            } else if (channel.startsWith("user.portfolio.")) {
                return PORTFOLIO;
            }
            return OTHER;
        }
    }

    // envelope
    Long id;
    String method;
    boolean hasParams;
    String channel;
    String type;
    TokenBuffer result;
    DeribitWire.RpcError error;
    Long usIn;
    Long usOut;
    Boolean testnet;

    // params.data
    boolean hasData;
    /** {@code params.data} that came before {@code method} or {@code channel}: read once both are known. */
    TokenBuffer bufferedData;
    /** True while {@code params.data} is being read: a bad value there makes the notification unreadable. */
    boolean readingData;
    List<DeribitRows.OrderRow> orders;
    List<DeribitRows.TradeRow> trades;
    List<DeribitRows.PositionRow> positions;
    DeribitRows.TickerRow ticker;

    boolean isResponse() {
        return id != null && (result != null || error != null);
    }

    boolean isSubscription() {
        return "subscription".equals(method);
    }

    /** Forgets what an earlier {@code data} field left (a repeated field: the last one counts). */
    void clearData() {
        bufferedData = null;
        orders = null;
        trades = null;
        positions = null;
        ticker = null;
    }

    /** The envelope as the JSON-RPC channel takes it. */
    DeribitWire.Envelope envelope() {
        DeribitWire.Params params = hasParams ? new DeribitWire.Params(channel, bufferedData, type) : null;
        return new DeribitWire.Envelope(id, method, params, result, error, usIn, usOut, testnet);
    }
}
