package io.legwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** The venue's pushes as text frames (Deribit's wrapped in the JSON-RPC envelope its docs leave out). */
    static List<String> pushes(String venue) {
        List<String> files = PUSHES.get(venue);
        if (files == null) {
            throw new IllegalArgumentException("no samples listed for venue " + venue);
        }
        List<String> out = new ArrayList<>();
        for (String file : files) {
            String text = read(venue, file);
            if (venue.equals("deribit")) {
                text = deribitFrame(text, file.contains("changes") ? "user.changes.future.BTC.raw"
                        : "user.orders.future.BTC.100ms");
            }
            out.add(text);
        }
        return out;
    }

    /** Deribit's docs show only {@code params.data}; frames on the wire carry the JSON-RPC envelope. */
    static String deribitFrame(String sample, String channel) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode data = json.readTree(sample).get("data");
            ObjectNode frame = json.createObjectNode().put("jsonrpc", "2.0").put("method", "subscription");
            frame.putObject("params").put("channel", channel).set("data", data);
            return json.writeValueAsString(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
