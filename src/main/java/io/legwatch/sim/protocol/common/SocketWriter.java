package io.legwatch.sim.protocol.common;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * Writes one simulated stream connection's frames one at a time, in order (Jetty allows one pending
 * write per session), applying the front end's wire faults: silence to everything, duplication and
 * reordering to data pushes only.
 */
public final class SocketWriter {
    private static final Logger log = LoggerFactory.getLogger(SocketWriter.class);

    private final WireFaults faults;
    private final String venue;
    private final String connId;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private volatile Session session;
    private boolean writing;
    private String heldForReorder;
    /** Frames Jetty has finished writing; with {@link #queued()} it shows whether the reader keeps up. */
    private long written;

    /** @param venue and {@code connId} name the connection in logs */
    public SocketWriter(WireFaults faults, String venue, String connId) {
        this.faults = faults;
        this.venue = venue;
        this.connId = connId;
    }

    public void open(Session s) {
        this.session = s;
    }

    /** An answer to a request: subject to silence, not to push faults. */
    public void answer(String text) {
        if (!faults.silent()) {
            send(text);
        }
    }

    /** A data push: subject to silence, duplication and reordering. */
    public void push(String text) {
        if (faults.silent()) {
            return;
        }
        if (faults.takeReorder()) {
            String held;
            synchronized (this) {
                held = heldForReorder;
                heldForReorder = held == null ? text : null;
            }
            if (held == null) {
                return; // hold this one back; it goes out after the next push
            }
            send(text);
            send(held);
            return;
        }
        send(text);
        if (faults.duplicating()) {
            send(text);
        }
    }

    /** Raw text, even if not JSON (an injected malformed frame); no faults apply. */
    public void sendRaw(String text) {
        send(text);
    }

    /** Drops the TCP connection without a close handshake (an injected disconnect). */
    public void drop() {
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    private void send(String text) {
        synchronized (this) {
            if (session == null || !session.isOpen()) {
                return;
            }
            if (writing) {
                queue.add(text);
                return;
            }
            writing = true;
        }
        write(text);
    }

    private void write(String text) {
        session.sendText(text, Callback.from(this::next, e -> {
            log.debug("{} sim: write failed on {}: {}", venue, connId, e.toString());
            synchronized (this) {
                queue.clear();
                writing = false;
            }
        }));
    }

    /** Frames written to the socket so far on this connection. */
    public synchronized long written() {
        return written;
    }

    /** Frames waiting behind the one being written: grows when the reader does not keep up. */
    public synchronized int queued() {
        return queue.size();
    }

    private void next() {
        String text;
        synchronized (this) {
            written++;
            text = queue.poll();
            if (text == null) {
                writing = false;
                return;
            }
        }
        write(text);
    }
}
