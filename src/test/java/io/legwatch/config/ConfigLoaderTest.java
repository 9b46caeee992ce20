package io.legwatch.config;

import io.legwatch.config.StrategyConfig.LegConfig;
import io.legwatch.config.VenueConfig.Environment;
import io.legwatch.config.VenueConfig.Type;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    private static String example() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("example-testnet.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A minimal valid file with one Binance venue; {@code extraVenue} and {@code strategies} are spliced in. */
    private static String file(String venueExtra, String strategies) {
        return "{\"venues\":[{\"id\":\"binance-a\",\"type\":\"binance\",\"environment\":\"testnet\","
                + "\"credentials\":{\"apiKeyEnv\":\"BN_KEY\",\"apiSecretEnv\":\"BN_SECRET\"}" + venueExtra + "},"
                + "{\"id\":\"sim-a\",\"type\":\"sim\"}],\"strategies\":[" + strategies + "]}";
    }

    private static List<String> problems(String text) {
        try {
            ConfigLoader.parse(text, "test.json");
        } catch (AppConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void theShippedTestnetExampleIsValid() throws IOException {
        AppConfig c = ConfigLoader.parse(example(), "example-testnet.json");
        assertThat(c.venues()).extracting(VenueConfig::type)
                .containsExactly(Type.DERIBIT, Type.BINANCE, Type.BYBIT, Type.OKX);
        VenueConfig binance = c.venue(VenueId.of("binance-test")).orElseThrow();
        assertThat(binance.environment()).isEqualTo(Environment.TESTNET);
        assertThat(binance.restUrl()).isEqualTo(URI.create("https://testnet.binancefuture.com"));
        assertThat(binance.wsUrl()).isEqualTo(URI.create("wss://fstream.binancefuture.com/ws"));
        assertThat(binance.credentials()).isEqualTo(
                new CredentialRefs("LEGWATCH_BINANCE_TEST_API_KEY", "LEGWATCH_BINANCE_TEST_API_SECRET", null));
        assertThat(binance.monitorOnly()).isFalse();
        assertThat(c.venue(VenueId.of("okx-demo")).orElseThrow().credentials().passphraseEnv())
                .isEqualTo("LEGWATCH_OKX_DEMO_PASSPHRASE");
        assertThat(c.venue(VenueId.of("bybit-test")).orElseThrow().trading()).isFalse();

        StrategyConfig basis = c.strategies().get(0);
        assertThat(basis.legs()).containsExactly(
                new LegConfig("btc-basis/binance-test:BTCUSDT", VenueId.of("binance-test"), "BTCUSDT", Side.BUY, 1.0),
                new LegConfig("btc-basis/deribit-test:BTC-PERPETUAL", VenueId.of("deribit-test"), "BTC-PERPETUAL", Side.SELL, 1.0));
        assertThat(basis.tolerance()).isEqualTo(new Tolerance(500, 2.0, Duration.ofSeconds(3)));
        assertThat(basis.autoFlatten()).isEqualTo(new StrategyConfig.AutoFlattenPolicy(false, 5000,
                Duration.ofSeconds(10), Duration.ofSeconds(5), 3));
        StrategyConfig eth = c.strategies().get(1);
        assertThat(eth.tolerance()).isEqualTo(Tolerance.DEFAULT);
        assertThat(eth.autoFlatten()).isEqualTo(StrategyConfig.AutoFlattenPolicy.DISARMED);
        assertThat(c.venueDown()).isEqualTo(new AppConfig.VenueDownPolicy(false, Duration.ofSeconds(30)));

        List<Strategy> strategies = c.domainStrategies();
        assertThat(strategies.get(0).legs().get(1).instrument().toString()).isEqualTo("deribit-test:BTC-PERPETUAL");
        assertThat(strategies.get(1).name()).isEqualTo("ETH: long Bybit perp, short OKX swap");
    }

    @Test
    void defaultsFillUrlsFromTheEnvironment() {
        AppConfig c = ConfigLoader.parse(file("", ""), "t");
        VenueConfig v = c.venues().get(0);
        assertThat(v.restUrl()).isEqualTo(URI.create("https://testnet.binancefuture.com"));
        assertThat(v.account()).isEqualTo("binance-a");
        VenueConfig sim = c.venues().get(1);
        assertThat(sim.environment()).isEqualTo(Environment.LOOPBACK);
        assertThat(sim.credentials()).isNull();
        assertThat(c.strategies()).isEmpty();
    }

    @Test
    void loopbackVenuePointsAtTheSimulator() {
        String text = "{\"venues\":[{\"id\":\"binance-sim\",\"type\":\"binance\",\"environment\":\"loopback\","
                + "\"restUrl\":\"http://127.0.0.1:18080\",\"wsUrl\":\"ws://127.0.0.1:18080/ws\","
                + "\"credentials\":{\"apiKeyEnv\":\"K\",\"apiSecretEnv\":\"S\"}}]}";
        VenueConfig v = ConfigLoader.parse(text, "t").venues().get(0);
        assertThat(v.wsUrl()).isEqualTo(URI.create("ws://127.0.0.1:18080/ws"));
    }

    @Test
    void unknownVenueInALegIsNamedByItsPath() {
        String legs = "{\"id\":\"s0\",\"legs\":[{\"venue\":\"binance-a\",\"symbol\":\"BTCUSDT\",\"side\":\"long\"}]},"
                + "{\"id\":\"s1\",\"legs\":[{\"venue\":\"binanse\",\"symbol\":\"ETHUSDT\",\"side\":\"short\"}]}";
        assertThat(problems(file("", legs))).containsExactly(
                "strategies[1].legs[0].venue: unknown venue \"binanse\" (known: binance-a, sim-a)");
    }

    @Test
    void everyProblemIsReportedTogether() {
        String text = "{\"venues\":[{\"id\":\"Bad Id\",\"type\":\"binanse\"},"
                + "{\"id\":\"b\",\"type\":\"binance\",\"environment\":\"prod\",\"monitorOnyl\":true}],"
                + "\"strategies\":[{\"id\":\"s\",\"legs\":[]}],\"venueDownPolicy\":{\"afterSeconds\":0}}";
        AppConfigException e = (AppConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.parse(text, "t"));
        assertThat(e.problems()).containsExactly(
                "venues[0].id: \"Bad Id\" must be lower-case letters, digits, '.', '_' or '-' (at most 64)",
                "venues[0].type: unknown venue type \"binanse\" (expected deribit, binance, bybit, okx, sim)",
                "venues[0].environment: required (one of production, testnet, loopback)",
                "venues[1].monitorOnyl: unknown field (allowed: account, credentials, environment, id, monitorOnly, "
                        + "restUrl, type, wsUrl)",
                "venues[1].environment: unknown environment \"prod\" (expected production, testnet, loopback)",
                "venues[1].credentials: required, {\"apiKeyEnv\": \"NAME\", \"apiSecretEnv\": \"NAME\"} naming "
                        + "environment variables (read access is needed even when monitorOnly)",
                "strategies[0].legs: required, a non-empty list of legs",
                "venueDownPolicy.afterSeconds: must be > 0");
        assertThat(e.getMessage()).startsWith("8 problems in the config file:");
    }

    @Test
    void secretsInTheFileAreRefusedWithoutBeingRepeated() {
        String text = "{\"venues\":[{\"id\":\"b\",\"type\":\"binance\",\"environment\":\"testnet\","
                + "\"credentials\":{\"apiKeyEnv\":\"K\",\"apiSecret\":\"" + SECRET + "\"}}]}";
        AppConfigException e = (AppConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.parse(text, "t"));
        assertThat(e.problems()).contains("venues[0].credentials.apiSecret: secrets must not be written in the config "
                + "file; put the NAME of an environment variable in credentials.apiKeyEnv / apiSecretEnv / "
                + "passphraseEnv instead (the value is not shown)");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aSecretPastedIntoAnEnvNameFieldIsRefusedWithoutBeingRepeated() {
        String text = "{\"venues\":[{\"id\":\"b\",\"type\":\"binance\",\"environment\":\"testnet\","
                + "\"credentials\":{\"apiKeyEnv\":\"K\",\"apiSecretEnv\":\"" + SECRET + "\"}}]}";
        AppConfigException e = (AppConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.parse(text, "t"));
        assertThat(e.problems()).containsExactly("venues[0].credentials.apiSecretEnv: must be the NAME of an "
                + "environment variable (A-Z, 0-9, _), not a key or secret; the value is not shown");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThat(problems(file(",\"restUrl\":\"http://fapi.binance.com\"", ""))).containsExactly(
                "venues[0].restUrl: plain http:// is only allowed to 127.0.0.1 (the simulator); use https://");
        assertThat(problems(file(",\"wsUrl\":\"https://x.example\"", ""))).containsExactly(
                "venues[0].wsUrl: expected a wss://host... URL, got \"https://x.example\"");
    }

    @Test
    void anInstrumentClaimedTwiceIsRefused() {
        String legs = "{\"id\":\"s0\",\"legs\":[{\"venue\":\"binance-a\",\"symbol\":\"BTCUSDT\",\"side\":\"long\"}]},"
                + "{\"id\":\"s1\",\"legs\":[{\"venue\":\"binance-a\",\"symbol\":\"BTCUSDT\",\"side\":\"short\"}]}";
        assertThat(problems(file("", legs))).containsExactly("strategies[1].legs[0]: binance-a:BTCUSDT is already "
                + "claimed by strategies[0].legs[0] (one instrument on one account belongs to one leg)");
    }

    @Test
    void legAndPolicyValuesAreChecked() {
        String legs = "{\"id\":\"s0\",\"legs\":[{\"venue\":\"binance-a\",\"symbol\":\"BTCUSDT\",\"side\":\"up\","
                + "\"ratio\":0}],\"tolerance\":{\"maxAbsUsd\":-1},\"autoFlatten\":{\"enabled\":\"yes\","
                + "\"maxAttempts\":0,\"thresholdUsd\":0}},{\"id\":\"s0\",\"legs\":[{\"venue\":\"sim-a\","
                + "\"symbol\":\"BTC-PERP\",\"side\":\"short\"}]}";
        assertThat(problems(file("", legs))).containsExactly(
                "strategies[0].legs[0].side: \"up\" is not a side (expected long or short)",
                "strategies[0].legs[0].ratio: must be > 0",
                "strategies[0].tolerance.maxAbsUsd: must not be negative",
                "strategies[0].autoFlatten.enabled: must be true or false",
                "strategies[0].autoFlatten.thresholdUsd: must be > 0",
                "strategies[0].autoFlatten.maxAttempts: must be at least 1",
                "strategies[1].id: duplicate strategy id \"s0\" (also strategies[0])");
    }

    @Test
    void aNumberTooLargeToBeFiniteIsRefusedNotTakenAsInfinity() {
        // 1e400 parses to Infinity; an infinite tolerance band would show every strategy HEDGED.
        String strategy = "{\"id\":\"s0\",\"legs\":[{\"venue\":\"sim-a\",\"symbol\":\"BTC-PERP\","
                + "\"side\":\"short\"}],\"tolerance\":{\"maxAbsUsd\":1e400}}";
        assertThat(problems(file("", strategy))).singleElement().asString()
                .startsWith("strategies[0].tolerance.maxAbsUsd: must be a finite number");
    }

    @Test
    void duplicateVenueIdsAndKeysAndSyntaxErrors() {
        String dup = "{\"venues\":[{\"id\":\"a\",\"type\":\"sim\"},{\"id\":\"a\",\"type\":\"sim\"}]}";
        assertThat(problems(dup)).containsExactly("venues[1].id: duplicate venue id \"a\" (also venues[0])");
        assertThat(problems("{\"venues\":[],\"venues\":[]}")).singleElement().asString()
                .startsWith("test.json line 1 column").contains("not valid JSON").contains("Duplicate field 'venues'");
        assertThat(problems("{\"venues\": [")).singleElement().asString().startsWith("test.json line 1");
        assertThat(problems("[]")).containsExactly("test.json: the config must be a JSON object");
        assertThat(problems("{\"version\":2,\"venues\":[{\"id\":\"a\",\"type\":\"sim\"}]}"))
                .containsExactly("version: unsupported version 2 (this Legwatch reads version 1)");
    }

    @Test
    void loadFromDiskAndMissingFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("legwatch.json");
        Files.writeString(f, file("", ""));
        assertThat(ConfigLoader.load(f).venues()).hasSize(2);
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.json"))).isInstanceOf(AppConfigException.class)
                .hasMessageEndingWith("nope.json: file not found");
    }

    @Test
    void credentialsAreReadFromTheEnvironmentByName() {
        VenueConfig v = ConfigLoader.parse(file("", ""), "t").venues().get(0);
        CredentialValues values = new CredentialResolver(Map.of("BN_KEY", "k1", "BN_SECRET", SECRET)::get).resolve(v);
        assertThat(values.apiKey()).isEqualTo("k1");
        assertThat(values.apiSecret()).isEqualTo(SECRET);
        assertThat(values.passphrase()).isNull();
        assertThat(values.toString()).doesNotContain("k1").doesNotContain(SECRET);

        assertThatThrownBy(() -> new CredentialResolver(Map.of("BN_KEY", "k1")::get).resolve(v))
                .isInstanceOf(AppConfigException.class)
                .hasMessage("venue \"binance-a\" credentials.apiSecretEnv: environment variable BN_SECRET is not set");
    }
}
