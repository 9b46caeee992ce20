package io.legwatch.sim.protocol.common;

import io.legwatch.sim.SimLink;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A front end's open stream connections, and the link-state and refusal faults that drop them.
 * Thread-safe (Jetty threads open and close, the simulator reports link changes).
 */
public final class OpenSockets {
    private final WireFaults faults;
    private final Set<SocketWriter> open = ConcurrentHashMap.newKeySet();

    public OpenSockets(WireFaults faults) {
        this.faults = faults;
    }

    /** A connection opened; it is dropped at once if the link is down. */
    public void opened(SocketWriter socket) {
        open.add(socket);
        if (faults.down()) {
            socket.drop();
        }
    }

    public void closed(SocketWriter socket) {
        open.remove(socket);
    }

    /** The simulator's link changed: DOWN drops every connection. */
    public void link(SimLink newLink) {
        faults.link(newLink);
        if (newLink == SimLink.DOWN) {
            dropAll();
        }
    }

    /** While on, new connections are refused and open ones are dropped. */
    public void refuseStreams(boolean on) {
        faults.refuseStreams(on);
        if (on) {
            dropAll();
        }
    }

    public void dropAll() {
        open.forEach(SocketWriter::drop);
    }

    /** Sends text as it is to every connection (an injected malformed frame). */
    public void sendRawToAll(String text) {
        open.forEach(s -> s.sendRaw(text));
    }

    /** Frames written and frames queued, summed over the open connections. */
    public StreamTraffic traffic() {
        long written = 0;
        long queued = 0;
        for (SocketWriter s : open) {
            written += s.written();
            queued += s.queued();
        }
        return new StreamTraffic(written, queued);
    }

    public int count() {
        return open.size();
    }
}
