package io.legwatch.venue.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the documented payloads copied from /work/shared/venues/samples/deribit into test resources. */
final class DeribitSamples {
    static final VenueId VENUE = VenueId.of("deribit-test");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeribitSamples() {
    }

    static String text(String name) {
        try (InputStream in = DeribitSamples.class.getResourceAsStream("/venues/deribit/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The docs show notifications without their JSON-RPC wrapper; wrap {@code data} in the documented
     * envelope (notif-envelope-example.json) under {@code channel}.
     */
    static String notification(String name, String channel) {
        try {
            ObjectNode envelope = (ObjectNode) JSON.readTree(text("notif-envelope-example.json"));
            JsonNode sample = JSON.readTree(text(name));
            JsonNode data = sample.has("data") && sample.size() == 1 ? sample.get("data") : sample;
            ObjectNode params = (ObjectNode) envelope.get("params");
            params.put("channel", channel);
            params.set("data", data);
            return JSON.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Instruments from the documented get_instruments (two BTC futures) and get_instrument (a BTC put),
     * plus two SELF-MADE entries the other samples refer to but the docs never describe:
     * ETH-PERPETUAL (inverse, contract_size 1 USD, min 1) and BTC-25SEP20 (an expired inverse BTC future,
     * contract_size 10 USD like every BTC future).
     */
    static DeribitInstruments instruments() throws IOException {
        DeribitInstruments registry = new DeribitInstruments(VENUE);
        registry.addAll(DeribitJson.bind(DeribitJson.envelope(text("get-instruments-response.json")).result(),
                DeribitJson.INSTRUMENTS));
        registry.addAll(List.of(DeribitJson.bind(DeribitJson.envelope(text("get-instrument-option-response.json")).result(),
                DeribitWire.InstrumentMeta.class)));
        registry.addAll(List.of(
                new DeribitWire.InstrumentMeta("ETH-PERPETUAL", "future", "ETH", "USD", "ETH", "USD", 1.0, 1.0, 0.05,
                        "reversed", null, null, 32503708800000L, true),
                new DeribitWire.InstrumentMeta("BTC-25SEP20", "future", "BTC", "USD", "BTC", "USD", 10.0, 10.0, 0.5,
                        "reversed", null, null, 1601020800000L, false)));
        return registry;
    }
}
