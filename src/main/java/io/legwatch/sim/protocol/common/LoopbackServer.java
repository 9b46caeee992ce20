package io.legwatch.sim.protocol.common;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A front end's Jetty server on 127.0.0.1 only: one private-stream WebSocket path (refused with HTTP
 * 503 while the faults say so) and a REST handler for everything else.
 */
public final class LoopbackServer {
    private final Server server;
    private final int port;

    private LoopbackServer(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts serving on 127.0.0.1:{@code port} (0 = ephemeral).
     *
     * @param threadName name of the server's thread pool
     * @param wsIdle     idle timeout of stream connections (the venue's own)
     * @param socket     makes the endpoint for an accepted stream connection
     */
    public static LoopbackServer start(String threadName, int port, String wsPath, Duration wsIdle, WireFaults faults,
                                       Supplier<Object> socket, Handler rest) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName(threadName);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(wsIdle);
            container.addMapping(wsPath, (request, response, callback) -> {
                if (faults.refusesStreams()) {
                    Response.writeError(request, response, callback, 503, "Service Unavailable");
                    return null;
                }
                return socket.get();
            });
        });
        ws.setHandler(rest);
        context.setHandler(ws);
        server.setHandler(context);
        server.start();
        return new LoopbackServer(server, connector.getLocalPort());
    }

    public int port() {
        return port;
    }

    /** @param what names the front end in the error when Jetty cannot stop */
    public void stop(String what) {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the " + what, e);
        }
    }
}
