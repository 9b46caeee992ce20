package io.legwatch.venue.net;

import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Server side of one MockWebServer WebSocket: records what the client sent, lets the test talk back. */
class ServerSocketRecorder extends WebSocketListener {
    final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    final CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
    final String greeting;

    ServerSocketRecorder(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        if (greeting != null) {
            webSocket.send(greeting);
        }
        opened.complete(webSocket);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        received.add(text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
    }
}
