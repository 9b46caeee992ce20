package io.legwatch.sim.protocol.binance;

import io.legwatch.sim.protocol.common.StreamTraffic;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One user-data-stream connection (public only because Jetty invokes its listener methods). Outbound frames are queued and written one at a time, because
 * simulator events arrive on whatever thread drove the exchange and must never block it.
 */
public final class BinanceStreamSocket extends Session.Listener.AbstractAutoDemanding {
    private final BinanceStreamHub hub;
    final String listenKey;
    private final Deque<String> queue = new ArrayDeque<>();
    private final java.util.Set<String> markSymbols = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean writing;
    /** Frames finished writing (guarded by queue), for the load run's keep-up check. */
    private long written;
    private volatile long openedAtMs;

    BinanceStreamSocket(BinanceStreamHub hub, String listenKey) {
        this.hub = hub;
        this.listenKey = listenKey;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        hub.opened(this);
    }

    @Override
    public void onWebSocketText(String text) {
        hub.request(this, text);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        hub.closed(this);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        hub.closed(this);
    }

    long openedAtMs() {
        return openedAtMs;
    }

    void openedAtMs(long ms) {
        openedAtMs = ms;
    }

    /** Upper-case symbols whose mark price stream this connection subscribed. */
    java.util.Set<String> markSymbols() {
        return markSymbols;
    }

    void markStream(String symbol, boolean subscribe) {
        if (subscribe) {
            markSymbols.add(symbol);
        } else {
            markSymbols.remove(symbol);
        }
    }

    /** Queues one text frame. */
    void send(String text) {
        synchronized (queue) {
            queue.addLast(text);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    /** Frames written and frames queued on this connection. */
    StreamTraffic traffic() {
        synchronized (queue) {
            return new StreamTraffic(written, queue.size());
        }
    }

    private void frameWritten() {
        synchronized (queue) {
            written++;
        }
        writeNext();
    }

    private void writeNext() {
        String next;
        synchronized (queue) {
            next = queue.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
        }
        Session s = getSession();
        if (s == null || !s.isOpen()) {
            synchronized (queue) {
                queue.clear();
                writing = false;
            }
            return;
        }
        s.sendText(next, Callback.from(this::frameWritten, failure -> {
            synchronized (queue) {
                queue.clear();
                writing = false;
            }
        }));
    }

    /** Drops the TCP connection without a close handshake, like a network failure. */
    void drop() {
        Session s = getSession();
        if (s != null) {
            s.disconnect();
        }
    }

    /** Closes with a close frame (Binance does so at 24 h and when a listenKey expires). */
    void close(int code, String reason) {
        Session s = getSession();
        if (s != null && s.isOpen()) {
            s.close(code, reason, Callback.NOOP);
        }
    }
}
