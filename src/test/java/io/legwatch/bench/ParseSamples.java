package io.legwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documented position and order pushes of each venue, as the text frames a connector receives:
 * from the test class path ({@code /venues/<venue>/}, where the venue helpers copy them) or else from
 * {@code /work/shared/venues/samples/<venue>/} (override with {@code -Dlegwatch.samples=dir}).
 */
final class ParseSamples {
    /** Per venue: the stream pushes that carry positions and orders. */
    static final Map<String, List<String>> PUSHES = Map.of(
            "binance", List.of("ws-account-update.json", "ws-order-trade-update.json"),
            "bybit", List.of("ws-position.json", "ws-order.json"),
            "okx", List.of("ws-positions.json", "ws-orders.json"),
            "deribit", List.of("notif-user-changes.json", "notif-user-orders.json"));

    private ParseSamples() {
    }

    static List<String> pushes(String venue) {
        List<String> files = PUSHES.get(venue);
        if (files == null) {
            throw new IllegalArgumentException("no samples listed for venue " + venue);
        }
        List<String> out = new ArrayList<>();
        for (String file : files) {
            out.add(read(venue, file));
        }
        return out;
    }

    static String read(String venue, String file) {
        try (InputStream in = ParseSamples.class.getResourceAsStream("/venues/" + venue + "/" + file)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path dir = Path.of(System.getProperty("legwatch.samples", "/work/shared/venues/samples"), venue);
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + venue + "/" + file, e);
        }
    }
}
