package io.legwatch.venue.okx;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.legwatch.venue.okx.OkxSamples.compact;
import static io.legwatch.venue.okx.OkxSamples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every documented OKX sample, parsed and checked field by field. */
class OkxSamplesTest {
    private static final VenueId V = VenueId.of("okx-main");
    private static final long RECV = 7L;

    private final OkxMapper mapper = new OkxMapper(V);
    private final OkxPositionBook book = new OkxPositionBook();
    private final OkxStreamDecoder decoder = new OkxStreamDecoder(mapper, book);
    private final OkxResponses responses = new OkxResponses(mapper);

    private static InstrumentKey key(String id) {
        return new InstrumentKey(V, id);
    }

    // ---- WebSocket

    @Test
    void positionsPushFuturesAndSwapLongSide() {
        OkxStreamDecoder.Decoded d = decoder.decode(load("ws-positions.json"), RECV);

        assertThat(d.events()).containsExactly(
                new VenueEvent.PositionUpdate(new Position(key("ETH-USD-210430"), 1.0, 2353.849, Double.NaN),
                        1619507761462L, RECV),
                new VenueEvent.PositionUpdate(new Position(key("ETH-USD-SWAP"), 1.0, 2353.849, Double.NaN),
                        1619507761462L, RECV));
        assertThat(book.holding("ETH-USD-SWAP")).isEqualTo(new OkxPositionBook.Holding(true, "isolated"));
    }

    @Test
    void positionsPushSingle() {
        assertThat(decoder.decode(load("ws-positions-single.json"), RECV).events()).containsExactly(
                new VenueEvent.PositionUpdate(new Position(key("ETH-USD-210430"), 1.0, 2353.849, Double.NaN),
                        1619507761462L, RECV));
    }

    @Test
    void ordersPushGivesTheOrderAndItsFill() {
        List<VenueEvent> events = decoder.decode(load("ws-orders.json"), RECV).events();

        assertThat(events).containsExactly(
                new VenueEvent.OrderUpdate(new Order(key("BTC-USDT"), "452197707845865472", null, Side.SELL,
                        OrderType.LIMIT, 0.001, 0.001, 31527.1, false, false, OrderState.FILLED, null),
                        1654084353264L, RECV),
                new VenueEvent.FillEvent(new Fill(key("BTC-USDT"), "242589207", "452197707845865472", null, Side.SELL,
                        0.001, 31527.1), 1654084353263L, RECV));
    }

    @Test
    void balanceAndPositionPushKeepsTheLastKnownMark() {
        decoder.decode(posPush("BTC-USD-191018", "long", "3", "3300"), RECV);
        assertThat(decoder.decode(load("ws-balance-and-position.json"), RECV).events()).containsExactly(
                new VenueEvent.PositionUpdate(new Position(key("BTC-USD-191018"), 10.0, 3300.0, Double.NaN),
                        1597026383085L, RECV));
    }

    @Test
    void loginAnswers() {
        assertThat(decoder.decode(load("ws-login-response.json"), RECV).control())
                .isEqualTo(OkxStreamDecoder.Control.LOGIN_OK);
        OkxStreamDecoder.Decoded failed = decoder.decode(load("ws-login-error.json"), RECV);
        assertThat(failed.control()).isEqualTo(OkxStreamDecoder.Control.ERROR);
        assertThat(failed.error()).isEqualTo(new VenueError(V, VenueError.Kind.AUTH, "60009", "Login failed."));
        assertThat(failed.events()).containsExactly(new VenueEvent.ErrorReport(failed.error(), 0, RECV));
    }

    @Test
    void subscribeAnswers() {
        assertThat(decoder.decode(load("ws-subscribe-response.json"), RECV).control())
                .isEqualTo(OkxStreamDecoder.Control.SUBSCRIBED);
        OkxStreamDecoder.Decoded failed = decoder.decode(load("ws-subscribe-error.json"), RECV);
        assertThat(failed.error().kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(failed.error().code()).isEqualTo("60012");
        assertThat(failed.error().message()).startsWith("Invalid request: {\"op\": \"subscribe\"");
    }

    @Test
    void orderOpErrorKeepsTheDocsPlaceholderCode() {
        assertThat(decoder.decode(load("ws-order-op-error.json"), RECV).events()).containsExactly(
                new VenueEvent.ErrorReport(new VenueError(V, VenueError.Kind.REJECTED, "5XXXX", "not exist"), 0, RECV));
    }

    @Test
    void pongAndMalformed() {
        assertThat(decoder.decode("pong", RECV).control()).isEqualTo(OkxStreamDecoder.Control.PONG);
        VenueError e = decoder.decode("{\"arg\":{\"channel\":\"positions\"},\"data\":[{\"pos\":\"x1\"", RECV).error();
        assertThat(e.kind()).isEqualTo(VenueError.Kind.MALFORMED);
        assertThat(decoder.decode("not json at all", RECV).error().kind()).isEqualTo(VenueError.Kind.MALFORMED);
    }

    @Test
    void unknownChannelIsReportedUnsupported() {
        VenueError e = ((VenueEvent.ErrorReport) decoder.decode("{\"arg\":{\"channel\":\"account\"},\"data\":[]}",
                RECV).events().get(0)).error();
        assertThat(e.kind()).isEqualTo(VenueError.Kind.UNSUPPORTED);
        assertThat(e.message()).isEqualTo("unknown channel account");
    }

    @Test
    void netModeIsSignedAndLongShortRowsAreNetted() {
        // self-made pushes: the docs show only long-side rows
        assertThat(qty(decoder.decode(posPush("BTC-USDT-SWAP", "net", "-3", "60000"), RECV))).isEqualTo(-3.0);
        decoder.decode(posPush("BTC-USD-SWAP", "long", "5", "60000"), RECV);
        assertThat(qty(decoder.decode(posPush("BTC-USD-SWAP", "short", "2", "60000"), RECV))).isEqualTo(3.0);
        assertThat(qty(decoder.decode(posPush("BTC-USD-SWAP", "long", "0", "60000"), RECV))).isEqualTo(-2.0);
        assertThat(book.holding("BTC-USD-SWAP").longShortMode()).isTrue();
        assertThat(book.holding("BTC-USDT-SWAP")).isEqualTo(new OkxPositionBook.Holding(false, "cross"));
    }

    @Test
    void optionPositionIsValuedAtTheUnderlyingIndexWithTheVenueDelta() {
        // self-made: the docs show no OPTION position row; fields as in ws-positions.json
        String push = "{\"arg\":{\"channel\":\"positions\",\"instType\":\"ANY\"},\"data\":[{\"instId\":"
                + "\"BTC-USD-241227-60000-P\",\"instType\":\"OPTION\",\"mgnMode\":\"cross\",\"posSide\":\"net\","
                + "\"pos\":\"-20\",\"markPx\":\"0.0123\",\"idxPx\":\"61000.5\",\"deltaPA\":\"0.085\",\"uTime\":\"5\"}]}";
        assertThat(decoder.decode(push, RECV).events()).containsExactly(new VenueEvent.PositionUpdate(
                new Position(key("BTC-USD-241227-60000-P"), -20.0, 61000.5, 0.085), 5L, RECV));
    }

    private static double qty(OkxStreamDecoder.Decoded d) {
        return ((VenueEvent.PositionUpdate) d.events().get(0)).position().qty();
    }

    private static String posPush(String instId, String posSide, String pos, String markPx) {
        return "{\"arg\":{\"channel\":\"positions\",\"instType\":\"ANY\"},\"data\":[{\"instId\":\"" + instId
                + "\",\"instType\":\"SWAP\",\"mgnMode\":\"cross\",\"posSide\":\"" + posSide + "\",\"pos\":\"" + pos
                + "\",\"markPx\":\"" + markPx + "\",\"uTime\":\"1\"}]}";
    }

    // ---- REST

    @Test
    void marginPositionIsInBaseCurrency() throws Exception {
        OkxMessage m = responses.checked(200, load("rest-positions.json"));
        assertThat(book.reset(m.rows, mapper::key)).containsExactly(
                new Position(key("BTC-USDT"), 0.00190433573, 62891.9, Double.NaN));
        assertThat(book.holding("BTC-USDT")).isEqualTo(new OkxPositionBook.Holding(false, "isolated"));
    }

    @Test
    void shortMarginPositionIsTheBaseLiability() throws Exception {
        // self-made: a short MARGIN row (docs show only a long one): position held in USDT, BTC owed
        String body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"BTC-USDT\",\"instType\":\"MARGIN\","
                + "\"mgnMode\":\"cross\",\"posSide\":\"net\",\"pos\":\"120.5\",\"posCcy\":\"USDT\",\"liab\":\"-0.002\","
                + "\"liabCcy\":\"BTC\",\"markPx\":\"60000\"}]}";
        List<Position> positions = book.reset(responses.checked(200, body).rows, mapper::key);
        assertThat(positions.get(0).qty()).isEqualTo(-0.002);
    }

    @Test
    void ordersPending() {
        assertThat(responses.orders(responses.checked(200, load("rest-orders-pending.json")))).containsExactly(
                new Order(key("BTC-USDT"), "1752588852617379840", null, Side.BUY, OrderType.LIMIT, 0.001, 0.0,
                        13013.5, false, false, OrderState.NEW, null));
    }

    @Test
    void pendingAlgoOrderIsConditional() {
        // self-made: shape of GET /api/v5/trade/orders-algo-pending (no response sample was collected)
        String body = "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"algoId\":\"681096944655273984\",\"algoClOrdId\":\"\","
                + "\"instId\":\"BTC-USDT-SWAP\",\"instType\":\"SWAP\",\"ordType\":\"conditional\",\"side\":\"sell\","
                + "\"sz\":\"2\",\"ordPx\":\"-1\",\"slTriggerPx\":\"50000\",\"reduceOnly\":\"true\",\"state\":\"live\"}]}";
        assertThat(responses.algoOrders(responses.checked(200, body))).containsExactly(
                new Order(key("BTC-USDT-SWAP"), "681096944655273984", null, Side.SELL, OrderType.MARKET, 2.0, 0.0,
                        Double.NaN, true, true, OrderState.NEW, null));
    }

    @Test
    void orderRequestAndAnswer() {
        OrderRequest req = new OrderRequest(key("BTC-USDT"), Side.BUY, 2, OrderType.LIMIT, 2.15, false, "b15");
        assertThat(OkxRequests.order(req, "cash", null, false, "b15")).isEqualTo(compact("rest-order-request.json"));

        Order ack = responses.ack(responses.checked(200, load("rest-order-response.json")), req, "b15");
        assertThat(ack).isEqualTo(new Order(key("BTC-USDT"), "312269865356374016", "b15", Side.BUY, OrderType.LIMIT,
                2.0, 0, 2.15, false, false, OrderState.NEW, null));
    }

    @Test
    void reduceOnlyOrdersPerPositionMode() {
        OrderRequest market = OrderRequest.market(key("BTC-USDT-SWAP"), Side.SELL, 3, true, "lw1");
        assertThat(OkxRequests.order(market, "cross", null, true, "lw1")).isEqualTo(
                "{\"instId\":\"BTC-USDT-SWAP\",\"tdMode\":\"cross\",\"clOrdId\":\"lw1\",\"side\":\"sell\","
                        + "\"ordType\":\"market\",\"sz\":\"3\",\"reduceOnly\":true}");
        OrderRequest ioc = new OrderRequest(key("BTC-USD-SWAP"), Side.BUY, 4, OrderType.LIMIT_IOC, 61000.5, true, "lw2");
        assertThat(OkxRequests.order(ioc, "isolated", "short", true, "lw2")).isEqualTo(
                "{\"instId\":\"BTC-USD-SWAP\",\"tdMode\":\"isolated\",\"clOrdId\":\"lw2\",\"side\":\"buy\","
                        + "\"posSide\":\"short\",\"ordType\":\"ioc\",\"px\":\"61000.5\",\"sz\":\"4\"}");
    }

    @Test
    void closePositionAnswer() {
        OkxMessage m = responses.checked(200, load("rest-close-position-response.json"));
        assertThat(m.rows).singleElement().satisfies(r -> {
            assertThat(r.instId).isEqualTo("BTC-USDT-SWAP");
            assertThat(r.posSide).isEqualTo("long");
        });
        assertThat(compact("rest-close-position-request.json")).contains("\"mgnMode\":\"cross\"");
    }

    @Test
    void cancelBatchRequestAndAnswer() {
        assertThat(OkxRequests.cancelBatch("BTC-USDT", List.of("590908157585625111", "590908544950571222")))
                .isEqualTo(compact("rest-cancel-batch-request.json"));
        assertThat(responses.cancelled(responses.checked(200, load("rest-cancel-batch-response.json")))).isEqualTo(2);
    }

    @Test
    void cancelBatchWithAFailedItemFails() {
        // self-made: the docs show no failed cancel item; code "2" = partially succeeded, per item sCode
        String body = "{\"code\":\"2\",\"msg\":\"\",\"data\":[{\"ordId\":\"1\",\"sCode\":\"0\",\"sMsg\":\"\"},"
                + "{\"ordId\":\"2\",\"sCode\":\"51400\",\"sMsg\":\"Order cancellation failed as the order has been filled, "
                + "canceled or does not exist.\"}]}";
        assertThatThrownBy(() -> responses.checked(200, body)).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.error().code()).isEqualTo("51400"));
    }

    @Test
    void massCancelAnswer() {
        OkxMessage m = responses.checked(200, load("rest-mass-cancel-response.json"));
        assertThat(m.rows.get(0).result).isTrue();
        assertThat(compact("rest-mass-cancel-request.json")).isEqualTo("{\"instType\":\"OPTION\",\"instFamily\":\"BTC-USD\"}");
    }

    @Test
    void cancelAllAfterRequestAndAnswer() {
        assertThat(OkxRequests.cancelAllAfter(60)).isEqualTo(compact("rest-cancel-all-after-request.json"));
        assertThat(responses.checked(200, load("rest-cancel-all-after-response.json")).rows).hasSize(1);
    }

    @Test
    void spotInstrument() {
        assertThat(responses.instruments(responses.checked(200, load("rest-instruments-spot.json"))))
                .containsExactly(new Instrument(V, "BTC-USDT", "BTC", InstrumentKind.SPOT, 1.0, 0.00000001));
    }

    @Test
    void swapInstrumentsLinearAndInverse() {
        List<Instrument> list = responses.instruments(responses.checked(200, load("rest-instruments-swap.json")));
        assertThat(list).containsExactly(
                new Instrument(V, "BTC-USDT-SWAP", "BTC", InstrumentKind.LINEAR, 0.01, 0.1),
                new Instrument(V, "BTC-USD-SWAP", "BTC", InstrumentKind.INVERSE, 100.0, 1.0));
        // 10 linear contracts are 0.1 BTC; 5 inverse contracts short at 50000 are -500 USD = -0.01 BTC
        assertThat(list.get(0).baseDelta(10, 60000, Double.NaN)).isCloseTo(0.1, within(1e-12));
        assertThat(list.get(1).baseDelta(-5, 50000, Double.NaN)).isCloseTo(-0.01, within(1e-12));
    }

    @Test
    void optionInstrumentIsCtValTimesCtMult() {
        assertThat(responses.instruments(responses.checked(200, load("rest-instruments-option.json"))))
                .containsExactly(new Instrument(V, "BTC-USD-241227-60000-P", "BTC", InstrumentKind.OPTION, 0.01, 1.0));
    }

    @Test
    void futuresInstruments() {
        // self-made: no FUTURES instrument example exists in the docs or the ccxt fixtures
        String body = "{\"code\":\"0\",\"msg\":\"\",\"data\":["
                + "{\"instId\":\"BTC-USD-241227\",\"instType\":\"FUTURES\",\"ctType\":\"inverse\",\"ctVal\":\"100\","
                + "\"ctMult\":\"1\",\"ctValCcy\":\"USD\",\"instFamily\":\"BTC-USD\",\"lotSz\":\"1\",\"settleCcy\":\"BTC\"},"
                + "{\"instId\":\"ETH-USDT-241227\",\"instType\":\"FUTURES\",\"ctType\":\"linear\",\"ctVal\":\"0.1\","
                + "\"ctMult\":\"1\",\"ctValCcy\":\"ETH\",\"instFamily\":\"ETH-USDT\",\"lotSz\":\"1\",\"settleCcy\":\"USDT\"}]}";
        assertThat(responses.instruments(responses.checked(200, body))).containsExactly(
                new Instrument(V, "BTC-USD-241227", "BTC", InstrumentKind.INVERSE, 100.0, 1.0),
                new Instrument(V, "ETH-USDT-241227", "ETH", InstrumentKind.LINEAR, 0.1, 1.0));
    }

    @Test
    void errorsAreTyped() {
        // self-made bodies with the codes and messages of the docs' error table (errors.md)
        assertError(429, "{\"code\":\"50011\",\"msg\":\"Too Many Requests\",\"data\":[]}", VenueError.Kind.RATE_LIMITED, "50011");
        assertError(401, "{\"code\":\"50102\",\"msg\":\"Timestamp request expired.\",\"data\":[]}", VenueError.Kind.TIMESTAMP, "50102");
        assertError(401, "{\"code\":\"50111\",\"msg\":\"Invalid OK-ACCESS-KEY.\",\"data\":[]}", VenueError.Kind.AUTH, "50111");
        assertError(401, "{\"code\":\"50112\",\"msg\":\"Invalid OK-ACCESS-TIMESTAMP.\",\"data\":[]}", VenueError.Kind.AUTH, "50112");
        assertError(401, "{\"code\":\"50113\",\"msg\":\"Invalid signature.\",\"data\":[]}", VenueError.Kind.AUTH, "50113");
        assertError(200, "{\"code\":\"1\",\"msg\":\"\",\"data\":[{\"clOrdId\":\"x\",\"ordId\":\"\",\"sCode\":\"51008\","
                + "\"sMsg\":\"Order failed. Insufficient USDT margin in account\"}]}", VenueError.Kind.REJECTED, "51008");
        assertError(200, "{\"code\":\"1\",\"msg\":\"\",\"data\":[{\"sCode\":\"50011\",\"sMsg\":\"Rate limit reached.\"}]}",
                VenueError.Kind.RATE_LIMITED, "50011");
        assertError(429, "<html>Too Many Requests</html>", VenueError.Kind.RATE_LIMITED, "HTTP 429");
        assertError(200, "{\"data\":[]}", VenueError.Kind.MALFORMED, null);
    }

    private void assertError(int status, String body, VenueError.Kind kind, String code) {
        assertThatThrownBy(() -> responses.checked(status, body)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(kind);
            assertThat(e.error().code()).isEqualTo(code);
        });
    }
}
