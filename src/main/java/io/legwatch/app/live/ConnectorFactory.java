package io.legwatch.app.live;

import io.legwatch.config.AppConfig;
import io.legwatch.config.AppConfigException;
import io.legwatch.config.CredentialResolver;
import io.legwatch.config.CredentialValues;
import io.legwatch.config.VenueConfig;
import io.legwatch.domain.TimeSource;
import io.legwatch.sim.SimExchange;
import io.legwatch.venue.VenueConnector;
import io.legwatch.venue.binance.BinanceConnector;
import io.legwatch.venue.binance.BinanceConnectorSettings;
import io.legwatch.venue.bybit.BybitConfig;
import io.legwatch.venue.bybit.BybitConnector;
import io.legwatch.venue.deribit.DeribitConfig;
import io.legwatch.venue.deribit.DeribitConnector;
import io.legwatch.venue.net.Credentials;
import io.legwatch.venue.okx.OkxConfig;
import io.legwatch.venue.okx.OkxConnector;
import io.legwatch.venue.sim.InProcessConnector;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns validated venue accounts ({@link VenueConfig}) into the connector for each venue type, all
 * sharing one {@link OkHttpClient} (one connection pool and dispatcher for every venue; TLS
 * verification stays OkHttp's default). A {@code monitorOnly} account gets a connector whose
 * {@code orders()} is empty. Nothing is connected here: the caller starts the connectors.
 *
 * <p>Problems (a missing environment variable, a URL the connector cannot use, a {@code sim} account
 * the simulator does not have) are collected for every venue and thrown together as one
 * {@link AppConfigException}, each naming the venue id; secrets never appear in them.
 */
public final class ConnectorFactory implements AutoCloseable {
    /** Deribit positions are watched per currency; the simulator and the demo trade these. */
    static final List<String> DERIBIT_CURRENCIES = List.of("BTC", "ETH");

    private final CredentialResolver credentials;
    private final Supplier<SimExchange> simulator;
    private final TimeSource time;
    /**
     * Concurrent calls per venue host. OkHttp's default (5 per host, 5 idle connections kept for all
     * hosts together) queued a global kill's requests in the dispatcher (an OKX leg alone costs four
     * list calls to cancel and five to read) and closed most connections after every burst, so the
     * next kill opened them again: on the loopback venues click -> verified FLAT went from p50 113 ms
     * to 66 ms with these limits (BENCHMARKS.md "Kill switch").
     */
    static final int MAX_REQUESTS_PER_HOST = 32;
    private static final int MAX_REQUESTS = 128;
    private static final int IDLE_CONNECTIONS = 32;

    private final OkHttpClient http = httpClient();

    /**
     * @param credentials reads the environment variables the config names
     * @param simulator   the in-process simulator for {@code type: sim} accounts; asked only when the
     *                    config has one (so a config without {@code sim} venues never starts a simulator)
     */
    public ConnectorFactory(CredentialResolver credentials, Supplier<SimExchange> simulator, TimeSource time) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.time = Objects.requireNonNull(time, "time");
    }

    private static OkHttpClient httpClient() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .readTimeout(10, TimeUnit.SECONDS).build();
    }

    /**
     * One connector per configured venue, in file order.
     *
     * @throws AppConfigException listing every venue that cannot be built, by id
     */
    public List<VenueConnector> createAll(AppConfig config) {
        List<VenueConnector> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (VenueConfig v : config.venues()) {
            try {
                out.add(create(v));
            } catch (AppConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            out.forEach(VenueConnector::stop); // some own timer executors even before they start
            throw new AppConfigException(problems);
        }
        return out;
    }

    /**
     * The connector for one venue account (not started).
     *
     * @throws AppConfigException naming the venue id when something it needs is missing
     */
    public VenueConnector create(VenueConfig v) {
        return switch (v.type()) {
            case SIM -> sim(v);
            case BINANCE -> binance(v, credentials(v));
            case DERIBIT -> deribit(v, credentials(v));
            case BYBIT -> bybit(v, credentials(v));
            case OKX -> okx(v, credentials(v));
        };
    }

    private VenueConnector sim(VenueConfig v) {
        SimExchange exchange = simulator.get();
        if (!exchange.venues().contains(v.id())) {
            throw problem(v, "id", "the in-process simulator has no account \"" + v.id() + "\" (it has "
                    + exchange.venues() + ")");
        }
        return new InProcessConnector(exchange, v.id(), v.monitorOnly());
    }

    private VenueConnector binance(VenueConfig v, Credentials c) {
        var settings = BinanceConnectorSettings.of(v.id(), url(v, v.restUrl(), "restUrl"), url(v, v.wsUrl(), "wsUrl"),
                v.monitorOnly());
        return BinanceConnector.create(settings, c, http, time, new SecureRandom());
    }

    private VenueConnector deribit(VenueConfig v, Credentials c) {
        String rest = v.restUrl() == null ? null : v.restUrl().toString();
        var config = DeribitConfig.of(v.id(), url(v, v.wsUrl(), "wsUrl"), rest, c, v.trading(), DERIBIT_CURRENCIES);
        return DeribitConnector.create(config, http);
    }

    private VenueConnector bybit(VenueConfig v, Credentials c) {
        // Production timings and scopes; only the endpoints come from the file.
        BybitConfig d = BybitConfig.production(v.id(), v.trading());
        var config = new BybitConfig(v.id(), url(v, v.restUrl(), "restUrl"), url(v, v.wsUrl(), "wsUrl"), d.scopes(),
                d.recvWindowMs(), d.pingInterval(), d.staleAfter(), d.deadAfter(), d.pollInterval(), d.dcpProduct(),
                v.trading());
        return new BybitConnector(config, c, http, time, new SecureRandom());
    }

    private VenueConnector okx(VenueConfig v, Credentials c) {
        if (c.passphrase().isEmpty()) {
            throw problem(v, "credentials.passphraseEnv", "OKX needs a passphrase: name its environment variable");
        }
        OkxConfig d = OkxConfig.production(v.id(), v.trading());
        boolean demo = v.environment() == VenueConfig.Environment.TESTNET; // OKX "demo trading" header
        var config = new OkxConfig(v.id(), url(v, v.restUrl(), "restUrl"), url(v, v.wsUrl(), "wsUrl"), demo,
                d.instTypes(), d.optionFamilies(), d.pingInterval(), d.staleAfter(), d.deadAfter(), d.pollInterval(),
                d.defaultTdMode(), v.trading());
        return new OkxConnector(config, c, http, time, new SecureRandom());
    }

    private Credentials credentials(VenueConfig v) {
        CredentialValues values = credentials.resolve(v); // names missing variables with the venue id
        try {
            return values.passphrase() == null ? Credentials.of(values.apiKey(), values.apiSecret())
                    : Credentials.of(values.apiKey(), values.apiSecret(), values.passphrase());
        } catch (IllegalArgumentException e) {
            // Credentials' messages name the field only ("API key must not be blank"), never the value.
            throw problem(v, "credentials", e.getMessage());
        }
    }

    private static String url(VenueConfig v, URI uri, String field) {
        if (uri == null) {
            throw problem(v, field, "missing (environment " + v.environment().name().toLowerCase(java.util.Locale.ROOT)
                    + " has no default for type " + v.type().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return uri.toString();
    }

    private static AppConfigException problem(VenueConfig v, String field, String what) {
        return new AppConfigException(List.of("venue \"" + v.id() + "\" " + field + ": " + what));
    }

    /**
     * Releases the shared HTTP client's threads and pooled connections (after every connector has
     * stopped). A call still in flight is cancelled: its dispatcher thread is not a daemon, and one
     * waiting for the answer of a server that has gone away (the wire demo's simulator, closed just
     * before) would keep the process alive until the read timeout.
     */
    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** The shared client (tests). */
    OkHttpClient http() {
        return http;
    }
}
