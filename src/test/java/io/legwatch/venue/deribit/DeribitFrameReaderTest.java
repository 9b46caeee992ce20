package io.legwatch.venue.deribit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.legwatch.venue.deribit.DeribitSamples.VENUE;
import static io.legwatch.venue.deribit.DeribitSamples.notification;
import static io.legwatch.venue.deribit.DeribitSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The single streaming pass of {@link DeribitFrameReader} through the decoder: field order, broken frames, answers. */
class DeribitFrameReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InstrumentKey PERP = new InstrumentKey(VENUE, "BTC-PERPETUAL");
    private DeribitDecoder decoder;

    @BeforeEach
    void setUp() throws Exception {
        decoder = new DeribitDecoder(VENUE, DeribitSamples.instruments());
    }

    private DeribitSamplesTest.Collected decode(String... frames) {
        DeribitSamplesTest.Collected out = new DeribitSamplesTest.Collected();
        for (String frame : frames) {
            decoder.decode(frame, 7, out);
        }
        return out;
    }

    @Test
    void dataBeforeChannelAndParamsBeforeMethodDecodeAsInTheDocumentedOrder() throws Exception {
        String documented = notification("notif-user-changes.json", "user.changes.future.BTC.raw");
        ObjectNode frame = (ObjectNode) JSON.readTree(documented);
        ObjectNode params = (ObjectNode) frame.get("params");
        ObjectNode reversedParams = JSON.createObjectNode();
        reversedParams.set("data", params.get("data"));
        reversedParams.set("channel", params.get("channel"));
        ObjectNode reversed = JSON.createObjectNode();
        reversed.set("params", reversedParams);
        reversed.set("method", frame.get("method"));
        reversed.set("jsonrpc", frame.get("jsonrpc"));
        String reordered = JSON.writeValueAsString(reversed);
        assertThat(reordered).startsWith("{\"params\":{\"data\":");

        DeribitSamplesTest.Collected expected = decode(documented);
        DeribitSamplesTest.Collected actual = decode(reordered);
        assertThat(expected.events).hasSize(3);
        assertThat(actual.events).isEqualTo(expected.events);
        assertThat(actual.malformed).isEmpty();
    }

    @Test
    void aFrameThatBreaksAfterItsDataEmitsNothingButTheReport() {
        String whole = notification("notif-user-changes.json", "user.changes.future.BTC.raw");
        DeribitSamplesTest.Collected out = decode(whole.substring(0, whole.length() - 1));
        assertThat(out.events).isEmpty();
        assertThat(out.malformed).containsExactly("not a JSON-RPC message");
    }

    @Test
    void aBadValueInAnItemMakesTheNotificationUnreadable() {
        DeribitSamplesTest.Collected out = decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{"
                + "\"channel\":\"user.orders.future.BTC.raw\",\"data\":{\"instrument_name\":\"BTC-PERPETUAL\","
                + "\"order_id\":\"1\",\"direction\":\"buy\",\"order_state\":\"open\",\"amount\":{\"v\":10}}}}");
        assertThat(out.events).isEmpty();
        assertThat(out.malformed).singleElement().asString().startsWith("unreadable subscription (").contains("amount");
    }

    @Test
    void anIncompleteItemIsReportedAndTheOthersAreStillEmitted() {
        DeribitSamplesTest.Collected out = decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{"
                + "\"channel\":\"user.orders.BTC-PERPETUAL.100ms\",\"data\":["
                + "{\"instrument_name\":\"BTC-PERPETUAL\",\"order_id\":\"1\",\"direction\":\"buy\",\"order_state\":\"open\"},"
                + "{\"instrument_name\":\"BTC-PERPETUAL\",\"order_id\":\"2\",\"direction\":\"buy\",\"order_state\":\"open\","
                + "\"amount\":20,\"price\":\"market_price\"}]}}");
        assertThat(out.malformed).containsExactly("order 1 lacks amount, direction or state");
        assertThat(out.of(VenueEvent.OrderUpdate.class)).singleElement().satisfies(u -> {
            assertThat(u.order().orderId()).isEqualTo("2");
            assertThat(u.order().qty()).isEqualTo(2);
            assertThat(u.order().price()).isNaN();
        });
    }

    @Test
    void numbersWrittenAsStringsReadAsNumbers() {
        DeribitSamplesTest.Collected out = decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{"
                + "\"channel\":\"user.changes.any.BTC.raw\",\"data\":{\"positions\":[{\"instrument_name\":\"BTC-PERPETUAL\","
                + "\"size\":\"-50\",\"mark_price\":\"60000.5\",\"delta\":\"\"}]}}}");
        assertThat(out.malformed).isEmpty();
        assertThat(out.of(VenueEvent.PositionUpdate.class)).singleElement()
                .satisfies(u -> assertThat(u.position()).isEqualTo(new Position(PERP, -5, 60000.5, Double.NaN)));
    }

    @Test
    void answersKeepTheirResultForBindingAndTheirError() throws Exception {
        DeribitSamplesTest.Collected out = decode(text("get-positions-response.json"), text("error-response.json"));
        assertThat(out.events).isEmpty();
        assertThat(out.responses).hasSize(2);
        DeribitWire.Envelope positions = out.responses.get(0);
        assertThat(positions.id()).isEqualTo(2236L);
        List<DeribitWire.Position> bound = DeribitJson.bind(positions.result(), DeribitJson.POSITIONS);
        assertThat(bound).isEqualTo(DeribitJson.bind(
                DeribitJson.envelope(text("get-positions-response.json")).result(), DeribitJson.POSITIONS));
        DeribitWire.Envelope error = out.responses.get(1);
        assertThat(error).usingRecursiveComparison().ignoringFields("result", "params")
                .isEqualTo(DeribitJson.envelope(text("error-response.json")));
        assertThat(error.error().code()).isEqualTo(11050);
        assertThat(error.result()).isNull();
    }
}
