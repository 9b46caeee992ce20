package io.legwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.legwatch.config.AppConfig.VenueDownPolicy;
import io.legwatch.config.StrategyConfig.AutoFlattenPolicy;
import io.legwatch.config.StrategyConfig.LegConfig;
import io.legwatch.config.VenueConfig.Environment;
import io.legwatch.config.VenueConfig.Type;
import io.legwatch.domain.Side;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the one JSON config file. Every problem is collected with its field path
 * ({@code strategies[1].legs[0].venue: unknown venue "binanse"}) and reported together in one
 * {@link AppConfigException}; nothing is returned unless the whole file is valid, so the app never
 * starts half-configured. Secrets in the file are refused without repeating them.
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern VENUE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");
    /** Field names that would hold a secret; compared lower-case without '-' and '_'. */
    private static final Set<String> SECRET_FIELDS = Set.of("apikey", "key", "secret", "apisecret", "secretkey",
            "clientid", "clientsecret", "passphrase", "password", "privatekey", "token", "accesstoken");

    private static final Set<String> ROOT_FIELDS = Set.of("version", "venues", "strategies", "venueDownPolicy");
    private static final Set<String> VENUE_FIELDS = Set.of("id", "type", "account", "environment", "restUrl", "wsUrl",
            "credentials", "monitorOnly");
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("apiKeyEnv", "apiSecretEnv", "passphraseEnv");
    private static final Set<String> STRATEGY_FIELDS = Set.of("id", "name", "legs", "tolerance", "autoFlatten");
    private static final Set<String> LEG_FIELDS = Set.of("id", "venue", "symbol", "side", "ratio");
    private static final Set<String> TOLERANCE_FIELDS = Set.of("maxAbsUsd", "maxPctOfGross", "graceSeconds");
    private static final Set<String> AUTO_FLATTEN_FIELDS = Set.of("enabled", "thresholdUsd", "graceSeconds",
            "debounceSeconds", "maxAttempts");
    private static final Set<String> VENUE_DOWN_FIELDS = Set.of("enabled", "afterSeconds");

    private final List<String> problems = new ArrayList<>();

    private ConfigLoader() {
    }

    /** Loads and validates the file. */
    public static AppConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new AppConfigException(List.of(file + ": file not found"));
        } catch (IOException e) {
            throw new AppConfigException(List.of(file + ": cannot read (" + e.getClass().getSimpleName() + ")"));
        }
        return parse(text, file.toString());
    }

    /** Validates config text; {@code source} names it in messages (a path or "example"). */
    public static AppConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr();
            // getOriginalMessage() never quotes more than a token; secrets cannot be in a syntax error we print.
            throw new AppConfigException(List.of(source + where + ": not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new AppConfigException(List.of(source + ": the config must be a JSON object"));
        }
        return new ConfigLoader().read(root);
    }

    private AppConfig read(JsonNode root) {
        refuseSecrets(root, "");
        knownFields(root, "", ROOT_FIELDS);
        int version = root.has("version") ? intValue(root.get("version"), "version") : AppConfig.CURRENT_VERSION;
        if (version != AppConfig.CURRENT_VERSION) {
            problems.add("version: unsupported version " + version + " (this Legwatch reads version "
                    + AppConfig.CURRENT_VERSION + ")");
        }
        List<VenueConfig> venues = venues(root.get("venues"));
        List<StrategyConfig> strategies = strategies(root.get("strategies"), venues);
        VenueDownPolicy venueDown = venueDown(root.get("venueDownPolicy"));
        if (!problems.isEmpty()) {
            throw new AppConfigException(problems);
        }
        return new AppConfig(version, venues, strategies, venueDown);
    }

    // ---- venues

    private List<VenueConfig> venues(JsonNode node) {
        List<VenueConfig> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("venues: required, a non-empty list of venue accounts");
            return out;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "venues[" + i + "]";
            JsonNode v = node.get(i);
            if (!v.isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            knownFields(v, path, VENUE_FIELDS);
            VenueConfig venue = venue(v, path);
            if (venue == null) {
                continue;
            }
            String previous = seen.putIfAbsent(venue.id().value(), path);
            if (previous != null) {
                problems.add(path + ".id: duplicate venue id \"" + venue.id() + "\" (also " + previous + ")");
                continue;
            }
            out.add(venue);
        }
        return out;
    }

    private VenueConfig venue(JsonNode v, String path) {
        int before = problems.size();
        String id = requiredText(v, "id", path);
        if (id != null && !VENUE_ID.matcher(id).matches()) {
            problems.add(path + ".id: \"" + id + "\" must be lower-case letters, digits, '.', '_' or '-' "
                    + "(at most 64)");
        }
        Type type = enumValue(v, "type", path, Type.class, null);
        String account = optionalText(v, "account", path);
        Environment env = enumValue(v, "environment", path, Environment.class,
                type == Type.SIM ? Environment.LOOPBACK : null);
        boolean monitorOnly = bool(v, "monitorOnly", path, false);
        URI rest = url(v, "restUrl", path, "http", "https");
        URI ws = url(v, "wsUrl", path, "ws", "wss");
        CredentialRefs creds = null;
        if (type != null && type != Type.SIM) {
            if (env == Environment.LOOPBACK) {
                if (rest == null) {
                    problems.add(path + ".restUrl: required for the loopback environment (the simulator's port)");
                }
                if (ws == null) {
                    problems.add(path + ".wsUrl: required for the loopback environment (the simulator's port)");
                }
                requireLoopback(rest, path + ".restUrl");
                requireLoopback(ws, path + ".wsUrl");
            } else if (env != null) {
                VenueConfigEndpoints.Endpoints d = VenueConfigEndpoints.defaults(type, env);
                rest = rest == null ? d.rest() : rest;
                ws = ws == null ? d.ws() : ws;
            }
            creds = credentials(v.get("credentials"), path + ".credentials", type);
        } else if (type == Type.SIM) {
            for (String f : List.of("restUrl", "wsUrl", "credentials")) {
                if (v.has(f)) {
                    problems.add(path + "." + f + ": not used by the in-process simulator (type sim); remove it");
                }
            }
            if (env != null && env != Environment.LOOPBACK) {
                problems.add(path + ".environment: a sim venue is always loopback");
            }
        }
        if (problems.size() > before || id == null || type == null || env == null) {
            return null;
        }
        return new VenueConfig(VenueId.of(id), type, account, env, rest, ws, creds, monitorOnly);
    }

    private CredentialRefs credentials(JsonNode c, String path, Type type) {
        if (c == null || !c.isObject()) {
            problems.add(path + ": required, {\"apiKeyEnv\": \"NAME\", \"apiSecretEnv\": \"NAME\"}"
                    + (type == Type.OKX ? " plus \"passphraseEnv\"" : "")
                    + " naming environment variables (read access is needed even when monitorOnly)");
            return null;
        }
        knownFields(c, path, CREDENTIAL_FIELDS);
        String key = envName(c, "apiKeyEnv", path, true);
        String secret = envName(c, "apiSecretEnv", path, true);
        String passphrase = envName(c, "passphraseEnv", path, type == Type.OKX);
        if (passphrase != null && type != Type.OKX) {
            problems.add(path + ".passphraseEnv: only OKX uses a passphrase");
        }
        return new CredentialRefs(key, secret, passphrase);
    }

    private String envName(JsonNode c, String field, String path, boolean required) {
        JsonNode n = c.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(path + "." + field + ": required, the NAME of an environment variable");
            }
            return null;
        }
        if (!n.isTextual() || !ENV_NAME.matcher(n.asText()).matches()) {
            // Never echo the value: it may be the secret pasted into the wrong place.
            problems.add(path + "." + field + ": must be the NAME of an environment variable (A-Z, 0-9, _), "
                    + "not a key or secret; the value is not shown");
            return null;
        }
        return n.asText();
    }

    private URI url(JsonNode v, String field, String path, String plain, String secure) {
        String text = optionalText(v, field, path);
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(path + "." + field + ": not a URL: \"" + text + "\"");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals(plain) || scheme.equals(secure))) {
            problems.add(path + "." + field + ": expected a " + secure + "://host... URL, got \"" + text + "\"");
            return null;
        }
        if (scheme.equals(plain) && !isLoopback(uri)) {
            problems.add(path + "." + field + ": plain " + plain + ":// is only allowed to 127.0.0.1 "
                    + "(the simulator); use " + secure + "://");
            return null;
        }
        return uri;
    }

    private void requireLoopback(URI uri, String path) {
        if (uri != null && !isLoopback(uri)) {
            problems.add(path + ": the loopback environment must point at 127.0.0.1, not " + uri.getHost());
        }
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host) || "[::1]".equals(host);
    }

    // ---- strategies

    private List<StrategyConfig> strategies(JsonNode node, List<VenueConfig> venues) {
        List<StrategyConfig> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add("strategies: must be a list");
            return out;
        }
        Set<String> venueIds = new LinkedHashSet<>();
        venues.forEach(v -> venueIds.add(v.id().value()));
        Map<String, String> strategyIds = new HashMap<>();
        Map<String, String> claimed = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "strategies[" + i + "]";
            JsonNode s = node.get(i);
            if (!s.isObject()) {
                problems.add(path + ": must be an object");
                continue;
            }
            knownFields(s, path, STRATEGY_FIELDS);
            int before = problems.size();
            String id = requiredText(s, "id", path);
            if (id != null) {
                String previous = strategyIds.putIfAbsent(id, path);
                if (previous != null) {
                    problems.add(path + ".id: duplicate strategy id \"" + id + "\" (also " + previous + ")");
                }
            }
            String name = optionalText(s, "name", path);
            List<LegConfig> legs = legs(s.get("legs"), path, id, venueIds, claimed);
            Tolerance tolerance = tolerance(s.get("tolerance"), path + ".tolerance");
            AutoFlattenPolicy auto = autoFlatten(s.get("autoFlatten"), path + ".autoFlatten");
            if (problems.size() == before) {
                out.add(new StrategyConfig(id, name, legs, tolerance, auto));
            }
        }
        return out;
    }

    private List<LegConfig> legs(JsonNode node, String path, String strategyId, Set<String> venueIds,
                                 Map<String, String> claimed) {
        List<LegConfig> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(path + ".legs: required, a non-empty list of legs");
            return out;
        }
        for (int j = 0; j < node.size(); j++) {
            String lp = path + ".legs[" + j + "]";
            JsonNode l = node.get(j);
            if (!l.isObject()) {
                problems.add(lp + ": must be an object");
                continue;
            }
            knownFields(l, lp, LEG_FIELDS);
            String venue = requiredText(l, "venue", lp);
            if (venue != null && !venueIds.contains(venue)) {
                problems.add(lp + ".venue: unknown venue \"" + venue + "\" (known: " + String.join(", ", venueIds)
                        + ")");
                venue = null;
            }
            String symbol = requiredText(l, "symbol", lp);
            Side side = side(l, lp);
            double ratio = l.has("ratio") ? number(l.get("ratio"), lp + ".ratio") : 1.0;
            if (!(ratio > 0)) {
                problems.add(lp + ".ratio: must be > 0");
            }
            // The default id names the instrument (a leg owns one instrument on one account), so the table,
            // the journal and the flatten plan say "btc-basis/binance-test:BTCUSDT", not "btc-basis/0".
            String legId = l.has("id") ? requiredText(l, "id", lp)
                    : (strategyId == null ? "?" : strategyId) + "/" + (venue == null || symbol == null ? String.valueOf(j)
                    : venue + ":" + symbol);
            if (venue != null && symbol != null) {
                String key = venue + ":" + symbol;
                String previous = claimed.putIfAbsent(key, lp);
                if (previous != null) {
                    problems.add(lp + ": " + key + " is already claimed by " + previous
                            + " (one instrument on one account belongs to one leg)");
                }
                if (side != null && legId != null) {
                    out.add(new LegConfig(legId, VenueId.of(venue), symbol, side, ratio));
                }
            }
        }
        return out;
    }

    private Side side(JsonNode l, String lp) {
        String text = requiredText(l, "side", lp);
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "long", "buy" -> {
                return Side.BUY;
            }
            case "short", "sell" -> {
                return Side.SELL;
            }
            default -> {
                problems.add(lp + ".side: \"" + text + "\" is not a side (expected long or short)");
                return null;
            }
        }
    }

    private Tolerance tolerance(JsonNode t, String path) {
        if (t == null || t.isNull()) {
            return Tolerance.DEFAULT;
        }
        if (!t.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        knownFields(t, path, TOLERANCE_FIELDS);
        double abs = nonNegative(t, "maxAbsUsd", path, Tolerance.DEFAULT.maxAbsUsd());
        double pct = nonNegative(t, "maxPctOfGross", path, Tolerance.DEFAULT.maxPctOfGross());
        double grace = nonNegative(t, "graceSeconds", path, Tolerance.DEFAULT.grace().toMillis() / 1000.0);
        return new Tolerance(Math.max(abs, 0), Math.max(pct, 0), seconds(Math.max(grace, 0)));
    }

    private AutoFlattenPolicy autoFlatten(JsonNode a, String path) {
        AutoFlattenPolicy d = AutoFlattenPolicy.DISARMED;
        if (a == null || a.isNull()) {
            return d;
        }
        if (!a.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        knownFields(a, path, AUTO_FLATTEN_FIELDS);
        boolean enabled = bool(a, "enabled", path, d.enabled());
        double threshold = a.has("thresholdUsd") ? number(a.get("thresholdUsd"), path + ".thresholdUsd")
                : d.thresholdUsd();
        if (!(threshold > 0)) {
            problems.add(path + ".thresholdUsd: must be > 0");
        }
        double grace = nonNegative(a, "graceSeconds", path, d.grace().toMillis() / 1000.0);
        double debounce = nonNegative(a, "debounceSeconds", path, d.debounce().toMillis() / 1000.0);
        int attempts = a.has("maxAttempts") ? intValue(a.get("maxAttempts"), path + ".maxAttempts") : d.maxAttempts();
        if (attempts < 1) {
            problems.add(path + ".maxAttempts: must be at least 1");
        }
        return new AutoFlattenPolicy(enabled, threshold, seconds(Math.max(grace, 0)), seconds(Math.max(debounce, 0)),
                attempts);
    }

    private VenueDownPolicy venueDown(JsonNode p) {
        String path = "venueDownPolicy";
        if (p == null || p.isNull()) {
            return VenueDownPolicy.DISARMED;
        }
        if (!p.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        knownFields(p, path, VENUE_DOWN_FIELDS);
        boolean enabled = bool(p, "enabled", path, false);
        double after = p.has("afterSeconds") ? number(p.get("afterSeconds"), path + ".afterSeconds")
                : VenueDownPolicy.DISARMED.after().toSeconds();
        if (!(after > 0)) {
            problems.add(path + ".afterSeconds: must be > 0");
        }
        return new VenueDownPolicy(enabled, seconds(Math.max(after, 0)));
    }

    // ---- field helpers

    private void refuseSecrets(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String normalized = e.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                if (SECRET_FIELDS.contains(normalized)) {
                    problems.add(p + ": secrets must not be written in the config file; put the NAME of an "
                            + "environment variable in credentials.apiKeyEnv / apiSecretEnv / passphraseEnv instead "
                            + "(the value is not shown)");
                } else {
                    refuseSecrets(e.getValue(), p);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseSecrets(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private void knownFields(JsonNode node, String path, Set<String> allowed) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String normalized = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (!allowed.contains(name) && !SECRET_FIELDS.contains(normalized)) {
                String prefix = path.isEmpty() ? "" : path + ".";
                problems.add(prefix + name + ": unknown field (allowed: " + String.join(", ", sorted(allowed)) + ")");
            }
        }
    }

    private static List<String> sorted(Set<String> s) {
        String[] a = s.toArray(new String[0]);
        Arrays.sort(a);
        return List.of(a);
    }

    private String requiredText(JsonNode node, String field, String path) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            problems.add(path + "." + field + ": required");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(path + "." + field + ": must be a non-empty string");
            return null;
        }
        return n.asText().trim();
    }

    private String optionalText(JsonNode node, String field, String path) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            problems.add(path + "." + field + ": must be a string");
            return null;
        }
        return n.asText().trim();
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String field, String path, Class<E> type, E fallback) {
        JsonNode n = node.get(field);
        List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        if (n == null || n.isNull()) {
            if (fallback == null) {
                problems.add(path + "." + field + ": required (one of " + String.join(", ", names) + ")");
            }
            return fallback;
        }
        String text = n.isTextual() ? n.asText().trim().toLowerCase(Locale.ROOT) : "";
        int idx = names.indexOf(text);
        if (idx < 0) {
            String what = "type".equals(field) ? "venue type" : field;
            problems.add(path + "." + field + ": unknown " + what + " \"" + n.asText() + "\" (expected "
                    + String.join(", ", names) + ")");
            return null;
        }
        return type.getEnumConstants()[idx];
    }

    private boolean bool(JsonNode node, String field, String path, boolean fallback) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            problems.add(path + "." + field + ": must be true or false");
            return fallback;
        }
        return n.booleanValue();
    }

    private double number(JsonNode n, String path) {
        if (n == null || !n.isNumber()) {
            problems.add(path + ": must be a number");
            return Double.NaN;
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            // 1e400 parses to Infinity: a tolerance of Infinity would make every strategy HEDGED.
            problems.add(path + ": must be a finite number, was " + n.asText());
            return Double.NaN;
        }
        return v;
    }

    private double nonNegative(JsonNode node, String field, String path, double fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        double v = number(node.get(field), path + "." + field);
        if (v < 0) {
            problems.add(path + "." + field + ": must not be negative");
        }
        return Double.isNaN(v) ? fallback : v;
    }

    private int intValue(JsonNode n, String path) {
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            problems.add(path + ": must be a whole number");
            return -1;
        }
        return n.intValue();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
