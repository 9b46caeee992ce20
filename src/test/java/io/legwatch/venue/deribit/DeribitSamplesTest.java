package io.legwatch.venue.deribit;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.legwatch.venue.deribit.DeribitSamples.VENUE;
import static io.legwatch.venue.deribit.DeribitSamples.notification;
import static io.legwatch.venue.deribit.DeribitSamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every documented Deribit payload in samples/deribit, decoded and checked field by field. */
class DeribitSamplesTest {
    private static final InstrumentKey PERP = new InstrumentKey(VENUE, "BTC-PERPETUAL");
    private DeribitInstruments instruments;
    private DeribitDecoder decoder;
    private final Collected out = new Collected();

    /** Records what the decoder produced. */
    static final class Collected implements DeribitDecoder.Output {
        final List<VenueEvent> events = new ArrayList<>();
        final List<DeribitWire.Envelope> responses = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        int testRequests;

        @Override
        public void event(VenueEvent event) {
            events.add(event);
        }

        @Override
        public void response(DeribitWire.Envelope envelope, long recvNanos) {
            responses.add(envelope);
        }

        @Override
        public void testRequest() {
            testRequests++;
        }

        @Override
        public void malformed(String what, String raw, long recvNanos) {
            malformed.add(what);
        }

        @Override
        public void unknownInstrument(String name) {
            unknown.add(name);
        }

        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        instruments = DeribitSamples.instruments();
        decoder = new DeribitDecoder(VENUE, instruments);
    }

    // ---- instruments ----

    @Test
    void futuresFromGetInstrumentsAreInverseTenUsdContracts() {
        Instrument perp = instruments.find("BTC-PERPETUAL").orElseThrow().instrument();
        assertThat(perp).isEqualTo(new Instrument(VENUE, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 10, 1));
        Instrument dated = instruments.find("BTC-29SEP23").orElseThrow().instrument();
        assertThat(dated).isEqualTo(new Instrument(VENUE, "BTC-29SEP23", "BTC", InstrumentKind.INVERSE, 10, 1));
        DeribitWire.InstrumentMeta meta = instruments.find("BTC-29SEP23").orElseThrow().meta();
        assertThat(meta.instrumentType()).isEqualTo("reversed");
        assertThat(meta.minTradeAmount()).isEqualTo(10.0);
        assertThat(meta.tickSize()).isEqualTo(2.5);
        assertThat(meta.expirationTimestamp()).isEqualTo(1695974400000L);
        assertThat(meta.settlementCurrency()).isEqualTo("BTC");
        assertThat(meta.isActive()).isTrue();
    }

    @Test
    void optionFromGetInstrumentIsInBtc() {
        DeribitInstruments.Entry put = instruments.find("BTC-13JAN23-16000-P").orElseThrow();
        assertThat(put.instrument()).isEqualTo(new Instrument(VENUE, "BTC-13JAN23-16000-P", "BTC", InstrumentKind.OPTION, 1, 0.1));
        assertThat(put.meta().optionType()).isEqualTo("put");
        assertThat(put.meta().strike()).isEqualTo(16000.0);
        assertThat(put.meta().quoteCurrency()).isEqualTo("BTC");
        assertThat(put.meta().expirationTimestamp()).isEqualTo(1673596800000L);
    }

    @Test
    void combosAndBrokenMetadataAreSkipped() {
        List<String> skipped = instruments.addAll(List.of(
                new DeribitWire.InstrumentMeta("BTC-FS-29SEP23_PERP", "future_combo", "BTC", "USD", "BTC", "USD", 10.0,
                        10.0, 0.5, null, null, null, null, true),
                new DeribitWire.InstrumentMeta("BAD", "future", "BTC", "USD", "BTC", "USD", 0.0, 10.0, 0.5, "reversed",
                        null, null, null, true)));
        assertThat(skipped).containsExactly("BTC-FS-29SEP23_PERP", "BAD");
    }

    // ---- responses ----

    @Test
    void getPositionsResponse() throws Exception {
        DeribitWire.Envelope env = DeribitJson.envelope(text("get-positions-response.json"));
        assertThat(env.id()).isEqualTo(2236L);
        List<Position> positions = DeribitMapping.snapshotPositions(instruments,
                DeribitJson.bind(env.result(), DeribitJson.POSITIONS));
        // size 50 USD on a 10 USD contract: 5 contracts long
        assertThat(positions).containsExactly(new Position(PERP, 5, 7476.65, 0.006687487));
        Instrument perp = instruments.find("BTC-PERPETUAL").orElseThrow().instrument();
        assertThat(perp.baseDelta(5, 7476.65, Double.NaN)).as("our delta agrees with the venue's")
                .isCloseTo(0.006687487, within(1e-6));
    }

    @Test
    void getPositionResponseFlat() throws Exception {
        DeribitWire.Envelope env = DeribitJson.envelope(text("get-position-response.json"));
        DeribitWire.Position p = DeribitJson.bind(env.result(), DeribitWire.Position.class);
        Position mapped = DeribitMapping.position(instruments, p);
        assertThat(mapped).isEqualTo(new Position(PERP, 0, 3556.62, 0));
        assertThat(Double.doubleToRawLongBits(mapped.qty())).as("no negative zero").isZero();
        assertThat(p.sizeCurrency()).isEqualTo(0.0);
        assertThat(p.indexPrice()).isEqualTo(3555.86);
    }

    @Test
    void authResponseCarriesTokensButNeverPrintsThem() throws Exception {
        DeribitWire.Envelope env = DeribitJson.envelope(text("auth-response.json"));
        DeribitWire.AuthResult auth = DeribitJson.bind(env.result(), DeribitWire.AuthResult.class);
        assertThat(auth.accessToken()).startsWith("1582628593469.1MbQ-J_4.");
        assertThat(auth.refreshToken()).startsWith("1582628593469.1GP4rQd0.");
        assertThat(auth.expiresIn()).isEqualTo(31536000L);
        assertThat(auth.scope()).isEqualTo("connection mainaccount");
        assertThat(auth.tokenType()).isEqualTo("bearer");
        assertThat(auth.toString()).doesNotContain("1582628593469");
    }

    @Test
    void buyResponseMapsToAFilledMarketOrder() throws Exception {
        DeribitWire.OrderResult r = DeribitJson.bind(DeribitJson.envelope(text("buy-response.json")).result(),
                DeribitWire.OrderResult.class);
        Order order = DeribitMapping.order(instruments, r.order());
        // ETH-PERPETUAL contract_size 1 USD (self-made metadata, see DeribitSamples): 40 USD = 40 contracts
        assertThat(order).isEqualTo(new Order(new InstrumentKey(VENUE, "ETH-PERPETUAL"), "ETH-584849853", "market0000234",
                Side.BUY, OrderType.MARKET, 40, 40, 207.3, false, false, OrderState.FILLED, null));
        assertThat(r.trades()).hasSize(1);
        Fill fill = DeribitMapping.fill(instruments, r.trades().get(0));
        assertThat(fill).isEqualTo(new Fill(new InstrumentKey(VENUE, "ETH-PERPETUAL"), "ETH-2696083", "ETH-584849853",
                "market0000234", Side.BUY, 40, 203.3));
        assertThat(r.trades().get(0).timestamp()).isEqualTo(1590483938456L);
        assertThat(r.order().lastUpdateTimestamp()).isEqualTo(1590483938456L);
    }

    @Test
    void closePositionResponseIsReduceOnly() throws Exception {
        DeribitWire.OrderResult r = DeribitJson.bind(DeribitJson.envelope(text("close-position-response.json")).result(),
                DeribitWire.OrderResult.class);
        Order order = DeribitMapping.order(instruments, r.order());
        assertThat(order).isEqualTo(new Order(new InstrumentKey(VENUE, "ETH-PERPETUAL"), "ETH-584864807", null,
                Side.SELL, OrderType.LIMIT, 21, 21, 198.75, true, false, OrderState.FILLED, null));
        Fill fill = DeribitMapping.fill(instruments, r.trades().get(0));
        assertThat(fill).isEqualTo(new Fill(new InstrumentKey(VENUE, "ETH-PERPETUAL"), "ETH-2696097", "ETH-584864807",
                null, Side.SELL, 21, 202.8));
        assertThat(r.trades().get(0).reduceOnly()).isTrue();
    }

    @Test
    void cancelAllAnswersAreCounts() throws Exception {
        assertThat(DeribitJson.bind(DeribitJson.envelope(text("cancel-all-response.json")).result(), Integer.class)).isEqualTo(37);
        assertThat(DeribitJson.bind(DeribitJson.envelope(text("cancel-all-by-instrument-response.json")).result(),
                Integer.class)).isEqualTo(7);
        assertThat(DeribitJson.bind(DeribitJson.envelope(text("cancel-all-by-currency-response.json")).result(),
                Integer.class)).isEqualTo(3);
    }

    @Test
    void okAnswersAndTestAnswerAreResponses() throws Exception {
        for (String name : List.of("cod-response.json", "set-heartbeat-response.json")) {
            DeribitWire.Envelope env = DeribitJson.envelope(text(name));
            assertThat(env.isResponse()).as(name).isTrue();
            assertThat(DeribitJson.bind(env.result(), String.class)).as(name).isEqualTo("ok");
        }
        assertThat(DeribitJson.envelope(text("set-heartbeat-response.json")).id()).isEqualTo(1569L);
        DeribitWire.Envelope test = DeribitJson.envelope(text("test-response.json"));
        assertThat(test.id()).isEqualTo(8212L);
        assertThat(DeribitJson.MAPPER.readTree(text("test-response.json")).at("/result/version").asText()).isEqualTo("1.2.26");
        decoder.decode(text("test-response.json"), 1, out);
        assertThat(out.responses).hasSize(1);
        assertThat(out.events).isEmpty();
    }

    @Test
    void errorResponseIsTypedByCode() throws Exception {
        DeribitWire.Envelope env = DeribitJson.envelope(text("error-response.json"));
        assertThat(env.id()).isEqualTo(8163L);
        assertThat(env.error().code()).isEqualTo(11050);
        assertThat(env.error().message()).isEqualTo("bad_request");
        assertThat(env.usOut()).isEqualTo(1535037392448119L);
        assertThat(env.testnet()).isFalse();
        VenueError e = DeribitErrors.of(VENUE, env.error().code(), env.error().message());
        assertThat(e).isEqualTo(new VenueError(VENUE, VenueError.Kind.REJECTED, "11050", "bad_request"));
    }

    @Test
    void errorCodeTable() {
        record Row(int code, VenueError.Kind kind) {
        }
        for (Row r : List.of(new Row(10028, VenueError.Kind.RATE_LIMITED), new Row(10066, VenueError.Kind.RATE_LIMITED),
                new Row(10047, VenueError.Kind.RATE_LIMITED), new Row(13009, VenueError.Kind.AUTH),
                new Row(13004, VenueError.Kind.AUTH), new Row(10000, VenueError.Kind.AUTH),
                new Row(13021, VenueError.Kind.READ_ONLY), new Row(10009, VenueError.Kind.REJECTED),
                new Row(11044, VenueError.Kind.REJECTED), new Row(13888, VenueError.Kind.TIMEOUT),
                new Row(11051, VenueError.Kind.NETWORK), new Row(13028, VenueError.Kind.NETWORK),
                new Row(-32601, VenueError.Kind.UNSUPPORTED), new Row(-32700, VenueError.Kind.MALFORMED))) {
            assertThat(DeribitErrors.kindOf(r.code())).as("code %d", r.code()).isEqualTo(r.kind());
        }
    }

    // ---- requests we send must look like the documented ones ----

    @Test
    void requestsMatchTheDocumentedShapes() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var buy = json.readTree(text("buy-request.json"));
        assertThat(buy.get("method").asText()).isEqualTo("private/buy");
        assertThat(buy.get("params").get("type").asText()).isEqualTo("market");
        var cancel = json.readTree(text("cancel-all-by-instrument-request.json"));
        assertThat(cancel.get("params").get("type").asText()).isEqualTo("all");
        assertThat(json.readTree(text("cod-request.json")).get("method").asText())
                .isEqualTo("private/enable_cancel_on_disconnect");
        assertThat(json.readTree(text("set-heartbeat-request.json")).get("params").get("interval").asInt()).isEqualTo(30);
        assertThat(json.readTree(text("test-request.json")).get("method").asText()).isEqualTo("public/test");
        var auth = json.readTree(text("auth-request.json")).get("params");
        assertThat(auth.get("grant_type").asText()).isEqualTo("client_credentials");
        for (String name : List.of("get-positions-request.json", "get-instruments-request.json",
                "get-instrument-option-request.json", "cancel-all-request.json", "cancel-all-by-currency-request.json",
                "close-position-request.json")) {
            assertThat(json.readTree(text(name)).get("jsonrpc").asText()).as(name).isEqualTo("2.0");
        }
        // our own buy for the same order, reduce-only added
        var ours = DeribitOrders.params(io.legwatch.domain.OrderRequest.market(new InstrumentKey(VENUE, "ETH-PERPETUAL"),
                Side.BUY, 40, true, "market0000234"), instruments.find("ETH-PERPETUAL").orElseThrow());
        assertThat(DeribitJson.write(ours))
                .isEqualTo("{\"instrument_name\":\"ETH-PERPETUAL\",\"amount\":40,\"type\":\"market\",\"reduce_only\":true,"
                        + "\"label\":\"market0000234\"}");
    }

    // ---- notifications ----

    @Test
    void userChangesNotification() {
        decoder.decode(notification("notif-user-changes.json", "user.changes.future.BTC.100ms"), 77, out);
        assertThat(out.malformed).isEmpty();
        assertThat(out.of(VenueEvent.OrderUpdate.class)).singleElement().satisfies(u -> {
            assertThat(u.order()).isEqualTo(new Order(PERP, "3398016", null, Side.SELL, OrderType.MARKET, 1, 1, 15665.5,
                    false, false, OrderState.FILLED, null));
            assertThat(u.venueTimeMs()).isEqualTo(1605780344032L);
            assertThat(u.recvNanos()).isEqualTo(77);
        });
        assertThat(out.of(VenueEvent.FillEvent.class)).singleElement().satisfies(f -> {
            assertThat(f.fill()).isEqualTo(new Fill(PERP, "1430914", "3398016", null, Side.SELL, 1, 17391));
            assertThat(f.venueTimeMs()).isEqualTo(1605780344032L);
        });
        assertThat(out.of(VenueEvent.PositionUpdate.class)).singleElement().satisfies(p ->
                // size 185160 USD = 18516 contracts of 10 USD
                assertThat(p.position()).isEqualTo(new Position(PERP, 18516, 17391, 10.646886321)));
        assertThat(out.events.stream().map(e -> e.getClass().getSimpleName()))
                .containsExactly("OrderUpdate", "FillEvent", "PositionUpdate");
    }

    @Test
    void userOrdersAggregatedIsAnArray() {
        decoder.decode(notification("notif-user-orders.json", "user.orders.BTC-PERPETUAL.100ms"), 1, out);
        assertThat(out.of(VenueEvent.OrderUpdate.class)).singleElement().satisfies(u -> {
            assertThat(u.order()).isEqualTo(new Order(PERP, "4", null, Side.BUY, OrderType.LIMIT, 20, 0, 10460.43,
                    false, false, OrderState.NEW, null));
            assertThat(u.venueTimeMs()).isEqualTo(1581507159533L);
        });
    }

    @Test
    void userOrdersRawIsOneObject() {
        decoder.decode(notification("notif-user-orders-raw.json", "user.orders.future.BTC.raw"), 1, out);
        assertThat(out.of(VenueEvent.OrderUpdate.class)).singleElement().satisfies(u -> {
            assertThat(u.order()).isEqualTo(new Order(PERP, "6", null, Side.BUY, OrderType.LIMIT, 20, 0, 10542.68,
                    false, false, OrderState.NEW, null));
            assertThat(u.venueTimeMs()).isEqualTo(1581507583024L);
        });
    }

    @Test
    void userTradesNotification() {
        decoder.decode(notification("notif-user-trades.json", "user.trades.future.BTC.100ms"), 1, out);
        // BTC-25SEP20: self-made metadata (contract_size 10), so 8940 USD = 894 contracts
        assertThat(out.of(VenueEvent.FillEvent.class)).singleElement().satisfies(f -> {
            assertThat(f.fill()).isEqualTo(new Fill(new InstrumentKey(VENUE, "BTC-25SEP20"), "48079262", "4008978075",
                    null, Side.SELL, 894, 8947));
            assertThat(f.venueTimeMs()).isEqualTo(1590484255886L);
        });
    }

    @Test
    void userPortfolioIsALifeSign() throws Exception {
        decoder.decode(notification("notif-user-portfolio.json", "user.portfolio.btc"), 5, out);
        assertThat(out.events).containsExactly(new VenueEvent.Heartbeat(VENUE, 0, 5));
        DeribitWire.Portfolio p = DeribitJson.bind(DeribitJson.envelope(notification("notif-user-portfolio.json",
                "user.portfolio.btc")).params().data(), DeribitWire.Portfolio.class);
        assertThat(p).isEqualTo(new DeribitWire.Portfolio("BTC", 31.602298, 302.6188592, 302.62675921));
    }

    @Test
    void envelopeExampleOnAnUnsubscribedChannelIsReported() {
        decoder.decode(text("notif-envelope-example.json"), 1, out);
        assertThat(out.events).isEmpty();
        assertThat(out.malformed).singleElement().asString().contains("deribit_price_index.btc_usd");
    }

    @Test
    void heartbeatTestRequestAsksForAnAnswer() {
        // Not in the docs (see SOURCES.md); the form used by third-party clients, self-made fixture.
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}", 3, out);
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"heartbeat\"}}", 4, out);
        assertThat(out.testRequests).isEqualTo(1);
        assertThat(out.events).containsExactly(new VenueEvent.Heartbeat(VENUE, 0, 3), new VenueEvent.Heartbeat(VENUE, 0, 4));
    }

    @Test
    void tickerBecomesAPriceUpdate() {
        // SELF-MADE fixture: no ticker sample in samples/deribit; field names as on the ticker channel page.
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
                + "\"ticker.BTC-PERPETUAL.100ms\",\"data\":{\"timestamp\":1623060194301,\"state\":\"open\","
                + "\"instrument_name\":\"BTC-PERPETUAL\",\"mark_price\":36049.94,\"index_price\":36031.06,"
                + "\"best_bid_price\":36049.5}}}", 9, out);
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
                + "\"ticker.BTC-13JAN23-16000-P.100ms\",\"data\":{\"timestamp\":1,"
                + "\"instrument_name\":\"BTC-13JAN23-16000-P\",\"mark_price\":0.0157,\"index_price\":17000.5}}}", 10, out);
        assertThat(out.events).containsExactly(
                new VenueEvent.PriceUpdate(PERP, 36049.94, 36031.06, 1623060194301L, 9),
                // an option is valued on its underlying: both prices are the index in USD
                new VenueEvent.PriceUpdate(new InstrumentKey(VENUE, "BTC-13JAN23-16000-P"), 17000.5, 17000.5, 1, 10));
    }

    @Test
    void unknownInstrumentIsNotEmittedButFlagged() {
        String msg = notification("notif-user-orders-raw.json", "user.orders.future.BTC.raw")
                .replace("BTC-PERPETUAL", "BTC-27DEC30");
        decoder.decode(msg, 1, out);
        assertThat(out.events).isEmpty();
        assertThat(out.unknown).containsExactly("BTC-27DEC30");
    }

    @Test
    void garbageIsReportedNotThrown() {
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscr", 1, out);
        decoder.decode("[1,2,3]", 1, out);
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"user.changes.any.BTC.raw\","
                + "\"data\":{\"positions\":[{\"instrument_name\":\"BTC-PERPETUAL\",\"size\":\"lots\"}]}}}", 1, out);
        decoder.decode("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"user.changes.any.BTC.raw\","
                + "\"data\":{\"positions\":[{\"instrument_name\":\"BTC-PERPETUAL\"}]}}}", 1, out);
        assertThat(out.events).isEmpty();
        assertThat(out.malformed).hasSize(4);
        assertThat(out.malformed.get(3)).contains("without size");
    }

    @Test
    void marketPriceStringMeansNoPrice() {
        assertThat(DeribitMapping.price("market_price")).isNaN();
        assertThat(DeribitMapping.price("10542.68")).isEqualTo(10542.68);
    }

    @Test
    void orderStatesAndTypes() {
        assertThat(DeribitMapping.state("open", 10, "good_til_cancelled", "limit")).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(DeribitMapping.state("cancelled", 10, "immediate_or_cancel", "limit")).isEqualTo(OrderState.EXPIRED);
        assertThat(DeribitMapping.state("cancelled", 0, "good_til_cancelled", "limit")).isEqualTo(OrderState.CANCELED);
        assertThat(DeribitMapping.state("untriggered", 0, "good_til_cancelled", "stop_market")).isEqualTo(OrderState.NEW);
        assertThat(DeribitMapping.state("rejected", 0, "good_til_cancelled", "limit")).isEqualTo(OrderState.REJECTED);
        assertThat(DeribitMapping.state("weird", 0, null, "limit")).isEqualTo(OrderState.UNKNOWN);
        assertThat(DeribitMapping.orderType("limit", "immediate_or_cancel")).isEqualTo(OrderType.LIMIT_IOC);
        assertThat(DeribitMapping.orderType("stop_market", "good_til_cancelled")).isEqualTo(OrderType.MARKET);
    }

    @Test
    void limitPricesGoOnTheTickTowardsTheAggressiveSide() {
        assertThat(DeribitOrders.price(60123.3, Side.SELL, 0.5).toPlainString()).isEqualTo("60123");
        assertThat(DeribitOrders.price(60123.3, Side.BUY, 0.5).toPlainString()).isEqualTo("60123.5");
        assertThat(DeribitOrders.price(60123.5, Side.BUY, 0.5).toPlainString()).isEqualTo("60123.5");
        assertThat(DeribitOrders.price(0.01234, Side.SELL, 0.0005).toPlainString()).isEqualTo("0.012");
        assertThat(DeribitOrders.price(101.7, Side.BUY, 2.5).toPlainString()).isEqualTo("102.5");
        assertThat(DeribitOrders.price(101.7, Side.BUY, null).toPlainString()).isEqualTo("101.7");
    }

    @Test
    void amountsHaveNoBinaryNoise() {
        assertThat(DeribitOrders.amount(0.3, 10).toPlainString()).isEqualTo("3");
        assertThat(DeribitOrders.amount(3, 0.1).toPlainString()).isEqualTo("0.3");
        assertThat(DeribitOrders.amount(1858.3, 10).toPlainString()).isEqualTo("18583");
    }
}
