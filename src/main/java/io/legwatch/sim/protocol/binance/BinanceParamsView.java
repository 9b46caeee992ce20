package io.legwatch.sim.protocol.binance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The decoded parameters of one request: query string and form body together, as Binance reads them. */
final class BinanceParamsView {
    private final Map<String, String> values = new LinkedHashMap<>();

    BinanceParamsView(String rawQuery, String rawBody) {
        parse(rawQuery);
        parse(rawBody);
    }

    private void parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                values.put(name, value);
            }
        }
    }

    String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
