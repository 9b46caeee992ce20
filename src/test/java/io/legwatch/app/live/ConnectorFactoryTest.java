package io.legwatch.app.live;

import io.legwatch.config.AppConfig;
import io.legwatch.config.AppConfigException;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.binance.BinanceConnector;
import io.legwatch.venue.bybit.BybitConnector;
import io.legwatch.venue.deribit.DeribitConnector;
import io.legwatch.venue.okx.OkxConnector;
import io.legwatch.venue.sim.InProcessConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One case per venue type; nothing here connects (connectors are built, checked and stopped). */
class ConnectorFactoryTest {
    private static final Map<String, String> ENV = Map.of("K", "key-1", "S", "secret-1", "P", "pass-1");

    private static String config(boolean monitorOnly) {
        String creds = "\"credentials\": { \"apiKeyEnv\": \"K\", \"apiSecretEnv\": \"S\" }, \"monitorOnly\": " + monitorOnly;
        return """
                { "venues": [
                  { "id": "b", "type": "binance", "environment": "loopback", "restUrl": "http://127.0.0.1:1",
                    "wsUrl": "ws://127.0.0.1:1/ws", %1$s },
                  { "id": "d", "type": "deribit", "environment": "loopback", "restUrl": "http://127.0.0.1:2",
                    "wsUrl": "ws://127.0.0.1:2/ws/api/v2", %1$s },
                  { "id": "y", "type": "bybit", "environment": "loopback", "restUrl": "http://127.0.0.1:3",
                    "wsUrl": "ws://127.0.0.1:3/v5/private", %1$s },
                  { "id": "o", "type": "okx", "environment": "loopback", "restUrl": "http://127.0.0.1:4",
                    "wsUrl": "ws://127.0.0.1:4/ws/v5/private",
                    "credentials": { "apiKeyEnv": "K", "apiSecretEnv": "S", "passphraseEnv": "P" },
                    "monitorOnly": %2$s },
                  { "id": "sim-b", "type": "sim", "monitorOnly": %2$s } ] }
                """.formatted(creds, monitorOnly);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void buildsTheRightConnectorPerTypeAndMonitorOnlyHasNoOrderPath(boolean monitorOnly) {
        AppConfig config = ConfigLoader.parse(config(monitorOnly), "test");
        SimExchange sim = new SimExchange(1, 0);
        try (ConnectorFactory factory = new ConnectorFactory(new CredentialResolver(ENV::get), () -> sim,
                TimeSource.SYSTEM)) {
            List<VenueConnector> connectors = factory.createAll(config);
            try {
                assertThat(connectors).extracting(c -> c.venue().value()).containsExactly("b", "d", "y", "o", "sim-b");
                assertThat(connectors).extracting(Object::getClass).containsExactly(BinanceConnector.class,
                        DeribitConnector.class, BybitConnector.class, OkxConnector.class, InProcessConnector.class);
                assertThat(connectors).allMatch(c -> c.orders().isPresent() == !monitorOnly);
            } finally {
                connectors.forEach(VenueConnector::stop);
            }
        }
    }

    @Test
    void aSimAccountTheSimulatorLacksIsNamed() {
        AppConfig config = ConfigLoader.parse("{ \"venues\": [ { \"id\": \"sim-z\", \"type\": \"sim\" } ] }", "test");
        try (ConnectorFactory factory = new ConnectorFactory(new CredentialResolver(ENV::get),
                () -> new SimExchange(1, 0), TimeSource.SYSTEM)) {
            assertThatThrownBy(() -> factory.createAll(config)).isInstanceOf(AppConfigException.class)
                    .hasMessageContaining("venue \"sim-z\" id: the in-process simulator has no account");
        }
    }

    /** A call waiting for a server that never answers must not outlive the factory (it would hold the JVM). */
    @Test
    void closeCancelsACallStillWaitingForItsAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConnectorFactory factory = new ConnectorFactory(new CredentialResolver(ENV::get),
                    () -> new SimExchange(1, 0), TimeSource.SYSTEM);
            Call call = factory.http().newCall(new Request.Builder()
                    .url("http://127.0.0.1:" + silent.getLocalPort() + "/never-answers").build());
            CompletableFuture<IOException> failure = new CompletableFuture<>();
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    failure.complete(e);
                }

                @Override
                public void onResponse(Call c, Response r) {
                    r.close();
                    failure.completeExceptionally(new AssertionError("the silent server answered"));
                }
            });
            try (Socket accepted = silent.accept()) { // the request is sent; no answer will come
                factory.close();
                assertThat(call.isCanceled()).isTrue();
                IOException e = failure.get(60, TimeUnit.SECONDS);
                assertThat(e).isNotInstanceOf(SocketTimeoutException.class);
            }
        }
    }
}
