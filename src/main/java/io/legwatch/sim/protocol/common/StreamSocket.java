package io.legwatch.sim.protocol.common;

import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import org.eclipse.jetty.websocket.api.Session;

/**
 * What every simulated private-stream connection does alike: registers with the front end's
 * {@link OpenSockets} when Jetty opens it, holds at most one simulator subscription, and on close or
 * error releases both. Writes go out one at a time, in order, through a {@link SocketWriter}, where the
 * front end's wire faults apply. The venue subclass parses requests and encodes pushes. Public only
 * because Jetty invokes endpoint methods reflectively.
 */
public abstract class StreamSocket implements Session.Listener.AutoDemanding, SimListener {
    private final OpenSockets sockets;
    private final SocketWriter out;
    private final String connId;
    private SimSubscription subscription;

    /** @param venue and {@code connId} name the connection in logs */
    protected StreamSocket(LoopbackFrontEnd frontEnd, String venue, String connId) {
        this.sockets = frontEnd.sockets();
        this.out = new SocketWriter(frontEnd.faults(), venue, connId);
        this.connId = connId;
    }

    /** The connection's id, as the venue reports it in answers. */
    protected final String connId() {
        return connId;
    }

    // ---- Jetty side ----

    @Override
    public final void onWebSocketOpen(Session s) {
        out.open(s);
        sockets.opened(out);
    }

    @Override
    public final void onWebSocketClose(int statusCode, String reason) {
        closed();
    }

    @Override
    public final void onWebSocketError(Throwable cause) {
        closed();
    }

    private void closed() {
        SimSubscription sub;
        Runnable afterClose;
        synchronized (this) {
            sub = subscription;
            subscription = null;
            afterClose = forgetTopics();
        }
        if (sub != null) {
            sub.close();
        }
        sockets.closed(out);
        afterClose.run();
    }

    /**
     * Called under this socket's lock when the connection ends: clears what the client subscribed and
     * returns what is left to do once the socket has left the open set (run outside the lock).
     */
    protected abstract Runnable forgetTopics();

    synchronized void attach(SimSubscription sub) {
        if (subscription == null) {
            subscription = sub;
        } else {
            sub.close();
        }
    }

    synchronized boolean needsSubscription() {
        return subscription == null;
    }

    // ---- writing (faults apply in the writer) ----

    /** An answer to a request: subject to silence, not to push faults. */
    protected final void answer(String text) {
        out.answer(text);
    }

    /** A data push: subject to silence, duplication and reordering. */
    protected final void push(String text) {
        out.push(text);
    }
}
