package io.legwatch.venue.bybit;

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

import static io.legwatch.venue.bybit.BybitSamples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every documented Bybit sample, parsed and checked field by field. */
class BybitSamplesTest {
    private static final VenueId V = VenueId.of("bybit-main");
    private static final long RECV = 42L;

    private final BybitMapper mapper = new BybitMapper(V);
    private final BybitPositionBook book = new BybitPositionBook();
    private final BybitStreamDecoder decoder = new BybitStreamDecoder(mapper, book);
    private final BybitResponses responses = new BybitResponses(mapper);

    private static InstrumentKey key(String symbol) {
        return new InstrumentKey(V, symbol);
    }

    // ---- WebSocket pushes

    @Test
    void positionPushOfAFlatHedgeModeShortSide() {
        BybitStreamDecoder.Decoded d = decoder.decode(load("ws-position.json"), RECV);

        assertThat(d.control()).isEqualTo(BybitStreamDecoder.Control.NONE);
        assertThat(d.events()).containsExactly(new VenueEvent.PositionUpdate(
                new Position(key("BTCUSDT"), 0.0, 28184.5, Double.NaN), 1697682317044L, RECV));
        assertThat(book.hedgeMode("BTCUSDT")).isTrue();
    }

    @Test
    void orderPushOfAFilledOptionMarketOrder() {
        BybitStreamDecoder.Decoded d = decoder.decode(load("ws-order.json"), RECV);

        assertThat(d.events()).containsExactly(new VenueEvent.OrderUpdate(new Order(key("ETH-30DEC22-1400-C"),
                "5cf98598-39a7-459e-97bf-76ca765ee020", null, Side.SELL, OrderType.MARKET, 1.0, 1.0, 72.5,
                false, false, OrderState.FILLED, null), 1672364262474L, RECV));
    }

    @Test
    void executionPushBecomesAFill() {
        BybitStreamDecoder.Decoded d = decoder.decode(load("ws-execution.json"), RECV);

        assertThat(d.events()).containsExactly(new VenueEvent.FillEvent(new Fill(key("BTCUSDT"),
                "0ab1bdf7-4219-438b-b30a-32ec863018f7", "9aac161b-8ed6-450d-9cab-c5cc67c21784", null, Side.SELL,
                0.5, 95900.1), 1746270400355L, RECV));
    }

    @Test
    void walletPushIsALivenessSignalOnly() {
        assertThat(decoder.decode(load("ws-wallet.json"), RECV).events())
                .containsExactly(new VenueEvent.Heartbeat(V, 1700034722104L, RECV));
    }

    @Test
    void authAnswerAndPong() {
        assertThat(decoder.decode(load("ws-auth-response.json"), RECV).control())
                .isEqualTo(BybitStreamDecoder.Control.AUTH_OK);
        BybitStreamDecoder.Decoded pong = decoder.decode(load("ws-pong.json"), RECV);
        assertThat(pong.control()).isEqualTo(BybitStreamDecoder.Control.PONG);
        assertThat(pong.events()).containsExactly(new VenueEvent.Heartbeat(V, 0, RECV));
    }

    @Test
    void refusedAuthIsAnAuthErrorTheTraderSees() {
        // self-made: the docs show no failed WS auth answer; this is the documented envelope with success=false
        BybitStreamDecoder.Decoded d = decoder.decode(
                "{\"success\":false,\"ret_msg\":\"Params Error\",\"op\":\"auth\",\"conn_id\":\"x\"}", RECV);
        assertThat(d.control()).isEqualTo(BybitStreamDecoder.Control.AUTH_FAILED);
        VenueError e = ((VenueEvent.ErrorReport) d.events().get(0)).error();
        assertThat(e.kind()).isEqualTo(VenueError.Kind.AUTH);
        assertThat(e.message()).contains("Params Error");
    }

    @Test
    void batchOrderErrorsAreReportedItemByItem() {
        List<VenueEvent> events = decoder.decode(load("ws-trade-batch-error-10001.json"), RECV).events();

        assertThat(events).hasSize(3).allSatisfy(e -> {
            VenueError err = ((VenueEvent.ErrorReport) e).error();
            assertThat(err.kind()).isEqualTo(VenueError.Kind.REJECTED);
            assertThat(err.code()).isEqualTo("10001");
            assertThat(err.message()).startsWith("position idx not match position mode");
        });
        assertThat(((VenueEvent.ErrorReport) events.get(1)).error().message()).endsWith("(batch-001)");
    }

    @Test
    void malformedFrameBecomesAnErrorReportNotAnException() {
        BybitStreamDecoder.Decoded d = decoder.decode("{\"topic\":\"position\",\"data\":[{\"symbol\":", RECV);
        VenueError e = ((VenueEvent.ErrorReport) d.events().get(0)).error();
        assertThat(e.kind()).isEqualTo(VenueError.Kind.MALFORMED);

        VenueError noSide = ((VenueEvent.ErrorReport) decoder.decode(
                "{\"topic\":\"order\",\"data\":[{\"symbol\":\"BTCUSDT\"}]}", RECV).events().get(0)).error();
        assertThat(noSide.kind()).isEqualTo(VenueError.Kind.MALFORMED);
    }

    @Test
    void unknownTopicIsReportedUnsupported() {
        VenueError e = ((VenueEvent.ErrorReport) decoder.decode("{\"topic\":\"greeks\",\"creationTime\":3,\"data\":[]}",
                RECV).events().get(0)).error();
        assertThat(e.kind()).isEqualTo(VenueError.Kind.UNSUPPORTED);
        assertThat(e.message()).isEqualTo("unknown topic greeks");
    }

    @Test
    void hedgeModeRowsAreNettedPerSymbol() {
        // self-made: two hedge-mode rows of one symbol (the docs show one row per push)
        decoder.decode(push("BTCUSDT", 1, "Buy", "0.5"), RECV);
        List<VenueEvent> events = decoder.decode(push("BTCUSDT", 2, "Sell", "0.2"), RECV).events();
        assertThat(((VenueEvent.PositionUpdate) events.get(0)).position().qty()).isCloseTo(0.3, within(1e-12));
        events = decoder.decode(push("BTCUSDT", 1, "", "0"), RECV).events();
        assertThat(((VenueEvent.PositionUpdate) events.get(0)).position().qty()).isCloseTo(-0.2, within(1e-12));
    }

    @Test
    void optionPositionHasNoUsdPriceRatherThanThePremium() {
        // self-made: Bybit's option position rows carry the option's markPrice (premium), not the underlying's
        String push = "{\"topic\":\"position\",\"creationTime\":9,\"data\":[{\"category\":\"option\",\"symbol\":"
                + "\"BTC-29JUL22-25000-C\",\"positionIdx\":0,\"side\":\"Sell\",\"size\":\"2\",\"markPrice\":\"812.5\"}]}";
        assertThat(decoder.decode(push, RECV).events()).containsExactly(new VenueEvent.PositionUpdate(
                new Position(key("BTC-29JUL22-25000-C"), -2.0, Double.NaN, Double.NaN), 9L, RECV));
    }

    private static String push(String symbol, int idx, String side, String size) {
        return "{\"topic\":\"position\",\"creationTime\":1,\"data\":[{\"category\":\"linear\",\"symbol\":\"" + symbol
                + "\",\"positionIdx\":" + idx + ",\"side\":\"" + side + "\",\"size\":\"" + size
                + "\",\"markPrice\":\"30000\"}]}";
    }

    // ---- REST answers

    @Test
    void inversePositionListIsSignedUsdContracts() throws Exception {
        BybitMessage m = responses.checked(200, load("rest-position-list.json"));
        assertThat(m.category).isEqualTo("inverse");
        List<Position> positions = book.reset(m.rows, mapper::key);

        assertThat(positions).containsExactly(new Position(key("BTCUSD"), -300.0, 28224.50, Double.NaN));
        assertThat(m.timeMs).isEqualTo(1697684980172L);
        assertThat(book.hedgeMode("BTCUSD")).isFalse();

        // inverse: 300 USD contracts short at 28224.5 is -0.010629 BTC of delta
        Instrument btcusd = new Instrument(V, "BTCUSD", "BTC", InstrumentKind.INVERSE, 1.0, 1.0);
        assertThat(btcusd.baseDelta(-300, 28224.50, Double.NaN)).isCloseTo(-300 / 28224.50, within(1e-15));
    }

    @Test
    void linearInstrumentIsBaseUnits() {
        List<Instrument> list = responses.instruments(responses.checked(200, load("rest-instruments-linear.json")));

        assertThat(list).containsExactly(new Instrument(V, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1.0, 0.001));
        assertThat(list.get(0).baseDelta(-0.5, 95000, Double.NaN)).isEqualTo(-0.5);
    }

    @Test
    void prelistingInstrumentIsStillAnInstrument() {
        List<Instrument> list = responses.instruments(
                responses.checked(200, load("rest-instruments-linear-prelisting.json")));

        assertThat(list).containsExactly(new Instrument(V, "BIOUSDT", "BIO", InstrumentKind.LINEAR, 1.0, 1.0));
    }

    @Test
    void inverseInstrumentIsUsdContracts() {
        // self-made: the docs show no inverse instruments-info answer; shape of the linear one, inverse values
        String body = "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"inverse\",\"list\":[{\"symbol\":\"BTCUSD\","
                + "\"contractType\":\"InversePerpetual\",\"status\":\"Trading\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USD\","
                + "\"lotSizeFilter\":{\"maxOrderQty\":\"1000000\",\"minOrderQty\":\"1\",\"qtyStep\":\"1\"},"
                + "\"settleCoin\":\"BTC\"}],\"nextPageCursor\":\"\"},\"retExtInfo\":{},\"time\":1}";
        Instrument i = responses.instruments(responses.checked(200, body)).get(0);

        assertThat(i).isEqualTo(new Instrument(V, "BTCUSD", "BTC", InstrumentKind.INVERSE, 1.0, 1.0));
        assertThat(i.baseDelta(1000, 50000, Double.NaN)).isEqualTo(0.02);
    }

    @Test
    void openOrdersRealtime() {
        BybitMessage m = responses.checked(200, load("rest-order-realtime.json"));
        assertThat(responses.orders(m)).containsExactly(new Order(key("ETHUSDT"),
                "fd4300ae-7847-404e-b947-b46980a4d140", "test-000005", Side.BUY, OrderType.LIMIT, 0.10, 0.0, 1600.0,
                false, false, OrderState.NEW, null));
        assertThat(m.nextPageCursor).isEqualTo("page_args%3Dfd4300ae-7847-404e-b947-b46980a4d140%26symbol%3D6%26");
    }

    @Test
    void orderCreateAnswerIsAnAck() {
        OrderRequest req = OrderRequest.market(key("BTCUSDT"), Side.SELL, 0.5, true, "spot-test-postonly");
        Order ack = responses.ack(responses.checked(200, load("rest-order-create-response.json")), req,
                "spot-test-postonly");
        assertThat(ack).isEqualTo(new Order(key("BTCUSDT"), "1321003749386327552", "spot-test-postonly", Side.SELL,
                OrderType.MARKET, 0.5, 0, Double.NaN, true, false, OrderState.NEW, null));
    }

    @Test
    void orderCreateBodyUsesTheDocumentedFieldsAndTypes() throws Exception {
        OrderRequest req = new OrderRequest(key("BTCUSDT"), Side.BUY, 1, OrderType.LIMIT_IOC, 25000, true,
                "usdt-test-01");
        String body = BybitRequests.orderCreate("linear", req, "usdt-test-01", 0);
        assertThat(body).isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"1\",\"price\":\"25000\",\"timeInForce\":\"IOC\",\"positionIdx\":0,"
                + "\"orderLinkId\":\"usdt-test-01\",\"reduceOnly\":true}");
        // the documented request (rest-order-create-request.json) carries the same fields with the same JSON types
        BybitMessage documented = BybitReader.read(load("rest-order-create-request.json"));
        assertThat(documented).isNotNull();
        assertThat(load("rest-order-create-request.json")).contains("\"qty\":\"1\"", "\"price\":\"25000\"",
                "\"positionIdx\":0", "\"orderLinkId\":\"usdt-test-01\"", "\"reduceOnly\":false");
    }

    @Test
    void cancelAllAnswerCountsTheCancelledOrders() {
        assertThat(responses.cancelled(responses.checked(200, load("rest-cancel-all-response.json")))).isEqualTo(2);
        assertThat(load("rest-cancel-all-request.json")).contains("\"category\": \"linear\"");
        assertThat(BybitRequests.cancelAll("linear", "BTCUSDT", null))
                .isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\"}");
    }

    @Test
    void dcpAnswerIsOk() {
        assertThat(responses.checked(200, load("rest-dcp-response.json")).retCode).isZero();
        assertThat(load("rest-dcp-request.json")).contains("\"timeWindow\": 40");
        assertThat(BybitRequests.dcp("DERIVATIVES", 40)).isEqualTo("{\"product\":\"DERIVATIVES\",\"timeWindow\":40}");
    }

    @Test
    void documentedErrorsAreTyped() {
        assertError(load("rest-error-10006.json"), 200, VenueError.Kind.RATE_LIMITED, "10006", "Too many visits!");
        assertError(load("rest-error-3400045-set-margin-mode.json"), 200, VenueError.Kind.REJECTED, "3400045",
                "Set margin mode failed");
        assertError(load("rest-error-182120-repay-liability.json"), 200, VenueError.Kind.REJECTED, "182120",
                "Please use the repay and no-convert-repay API.");
    }

    @Test
    void undocumentedErrorBodiesAreTypedFromTheCodeTable() {
        // self-made bodies: docs/v5/error.mdx lists these codes but shows no full body for them
        assertError(err(10002, "invalid request, please check your server timestamp or recv_window param"), 200,
                VenueError.Kind.TIMESTAMP, "10002", "invalid request, please check your server timestamp or recv_window param");
        assertError(err(10003, "API key is invalid."), 401, VenueError.Kind.AUTH, "10003", "API key is invalid.");
        assertError(err(10004, "Error sign"), 401, VenueError.Kind.AUTH, "10004", "Error sign");
        assertError(err(110017, "orderQty will be truncated to zero"), 200, VenueError.Kind.REJECTED, "110017",
                "orderQty will be truncated to zero");
    }

    @Test
    void httpErrorWithoutBybitBodyIsTypedByStatus() {
        assertError("403, access too frequent", 403, VenueError.Kind.RATE_LIMITED, "HTTP 403", null);
        assertError("<html>bad gateway</html>", 502, VenueError.Kind.REJECTED, "HTTP 502", null);
        assertError("{\"unexpected\":true}", 200, VenueError.Kind.MALFORMED, null, null);
    }

    private static String err(int code, String msg) {
        return "{\"retCode\":" + code + ",\"retMsg\":\"" + msg + "\",\"result\":{},\"retExtInfo\":{},\"time\":1}";
    }

    private void assertError(String body, int status, VenueError.Kind kind, String code, String message) {
        assertThatThrownBy(() -> responses.checked(status, body))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(kind);
                    assertThat(e.error().code()).isEqualTo(code);
                    assertThat(e.error().venue()).isEqualTo(V);
                    if (message != null) {
                        assertThat(e.error().message()).isEqualTo(message);
                    }
                });
    }
}
