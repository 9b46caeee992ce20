package io.legwatch.venue.binance;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceRestParser.ErrorBody;
import io.legwatch.venue.binance.BinanceRestParser.SymbolDto;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every documented REST sample, field by field, including the mapping into domain values. */
class BinanceRestParserTest {
    private static final VenueId V = VenueId.of("binance-a");
    private final BinanceMapper mapper = new BinanceMapper(V);

    @Test
    void positionRiskV2OneWay() {
        assertThat(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v2.json"))).containsExactly(
                new PositionRow("BTCUSDT", "BOTH", 0, 0, 0, 6679.50671178, 0));
    }

    @Test
    void positionRiskV2Hedge() {
        assertThat(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v2-hedge.json"))).containsExactly(
                new PositionRow("BTCUSDT", "LONG", 0.001, 22185.2, -1.06214947, 21123.05052574, 1655217461579L),
                new PositionRow("BTCUSDT", "SHORT", 0, 0, 0, 21123.05052574, 0));
    }

    @Test
    void positionRiskV3OneWay() {
        assertThat(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v3.json"))).containsExactly(
                new PositionRow("ADAUSDT", "BOTH", 30, 0.385, 0.764277, 0.4104759, 1720736417660L));
    }

    @Test
    void positionRiskV3Hedge() {
        assertThat(BinanceRestParser.positionRisk(Samples.read("rest-position-risk-v3-hedge.json"))).containsExactly(
                new PositionRow("ADAUSDT", "LONG", 30, 0.385, 0.764277, 0.4104759, 1720736417660L),
                new PositionRow("COMPUSDT", "SHORT", -1, 70.92841, 21.20817624, 49.72023376, 1708943511656L));
    }

    @Test
    void openOrdersTrailingStopIsConditional() {
        List<BinanceRestParser.OrderDto> rows = BinanceRestParser.openOrders(Samples.read("rest-open-orders.json"));
        assertThat(rows).hasSize(1);
        BinanceRestParser.OrderDto o = rows.get(0);
        assertThat(o.orderId()).isEqualTo(1917641L);
        assertThat(o.clientOrderId()).isEqualTo("abc");
        assertThat(o.origQty()).isEqualTo(0.40);
        assertThat(o.executedQty()).isZero();
        assertThat(o.stopPrice()).isEqualTo(9300);
        assertThat(o.positionSide()).isEqualTo("SHORT");
        assertThat(o.updateTime()).isEqualTo(1579276756075L);
        Order order = mapper.order(o);
        assertThat(order).isEqualTo(new Order(mapper.key("BTCUSDT"), "1917641", "abc", Side.BUY, OrderType.MARKET,
                0.4, 0, Double.NaN, false, true, OrderState.NEW, null));
    }

    @Test
    void orderResponse() {
        BinanceRestParser.OrderDto o = BinanceRestParser.order(Samples.read("rest-order-response.json"));
        assertThat(o.orderId()).isEqualTo(22542179L);
        assertThat(o.clientOrderId()).isEqualTo("testOrder");
        assertThat(o.timeInForce()).isEqualTo("GTD");
        assertThat(o.avgPrice()).isZero();
        assertThat(o.closePosition()).isFalse();
        assertThat(mapper.order(o)).isEqualTo(new Order(mapper.key("BTCUSDT"), "22542179", "testOrder", Side.BUY,
                OrderType.MARKET, 10, 0, Double.NaN, false, true, OrderState.NEW, null));
    }

    @Test
    void exchangeInfoToInstrumentsWithLotSizeFromFilters() {
        List<SymbolDto> symbols = BinanceRestParser.exchangeInfo(Samples.read("rest-exchange-info.json"));
        assertThat(symbols).hasSize(1);
        SymbolDto s = symbols.get(0);
        assertThat(s.symbol()).isEqualTo("BLZUSDT");
        assertThat(s.contractType()).isEqualTo("PERPETUAL");
        assertThat(s.status()).isEqualTo("TRADING");
        assertThat(s.baseAsset()).isEqualTo("BLZ");
        assertThat(s.quoteAsset()).isEqualTo("USDT");
        assertThat(s.marginAsset()).isEqualTo("USDT");
        assertThat(s.quantityPrecision()).isZero();
        assertThat(s.orderTypes()).as("docs spell the key OrderType").contains("MARKET", "LIMIT", "STOP_MARKET");
        BinanceSymbolRules rules = BinanceSymbolRules.from(s);
        assertThat(rules).isEqualTo(new BinanceSymbolRules("BLZUSDT", "BLZ", "TRADING", 1, 1, 1, 10_000_000, 590_119,
                0.0001));
        Instrument i = rules.toInstrument(V);
        assertThat(i).isEqualTo(new Instrument(V, "BLZUSDT", "BLZ", InstrumentKind.LINEAR, 1.0, 1.0));
        assertThat(i.baseDelta(-250, 0.1, Double.NaN)).as("quantity is base units").isEqualTo(-250);
    }

    @Test
    void exchangeInfoAcceptsLiveOrderTypesKeyAndDistinctMarketStep() {
        // Self-made: live responses name the key orderTypes; steps differ per filter on some symbols.
        String json = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"baseAsset\":\"BTC\",\"status\":\"TRADING\","
                + "\"quantityPrecision\":3,\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"filters\":["
                + "{\"filterType\":\"PRICE_FILTER\",\"tickSize\":\"0.10\"},"
                + "{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\",\"minQty\":\"0.001\",\"maxQty\":\"1000\"},"
                + "{\"filterType\":\"MARKET_LOT_SIZE\",\"stepSize\":\"0.010\",\"minQty\":\"0.010\",\"maxQty\":\"120\"}]}]}";
        SymbolDto s = BinanceRestParser.exchangeInfo(json).get(0);
        assertThat(s.orderTypes()).containsExactly("LIMIT", "MARKET");
        BinanceSymbolRules r = BinanceSymbolRules.from(s);
        assertThat(r.toInstrument(V).lotSize()).isEqualTo(0.01);
        assertThat(r.formatQty(0.1234, false)).isEqualTo("0.123");
        assertThat(r.formatQty(0.1234, true)).isEqualTo("0.12");
        assertThat(r.formatQty(3, true)).isEqualTo("3");
        assertThat(r.formatPrice(64123.456)).isEqualTo("64123.5");
    }

    @Test
    void exchangeInfoWithoutAnyStepIsRefused() {
        assertThatThrownBy(() -> BinanceSymbolRules.from(BinanceRestParser.exchangeInfo(
                "{\"symbols\":[{\"symbol\":\"X\",\"baseAsset\":\"X\",\"filters\":[]}]}").get(0)))
                .isInstanceOf(BinanceParseException.class).hasMessageContaining("stepSize");
    }

    @Test
    void listenKey() {
        assertThat(BinanceRestParser.listenKey(Samples.read("rest-listenkey.json")))
                .isEqualTo("pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1");
    }

    @Test
    void errorBodies() {
        assertThat(BinanceRestParser.errorBody(Samples.read("rest-error.json")))
                .isEqualTo(new ErrorBody(-1121, "Invalid symbol."));
        // Documented successes that reuse the shape: cancel-all answers code 200.
        assertThat(BinanceRestParser.errorBody(Samples.read("rest-cancel-all.json")))
                .isEqualTo(new ErrorBody(200, "The operation of cancel all open order is done."));
        assertThat(BinanceRestParser.errorBody("<html>502 Bad Gateway</html>")).isNull();
        assertThat(BinanceRestParser.errorBody("")).isNull();
    }

    @Test
    void countdownCancelAllResponseIsAnObjectWithTheSymbol() {
        assertThat(Samples.read("rest-countdown-cancel-all.json")).contains("\"countdownTime\": \"100000\"");
        assertThat(BinanceRestParser.errorBody(Samples.read("rest-countdown-cancel-all.json"))).isNull();
    }

    @Test
    void algoOpenOrdersListOrWrapped() {
        // Self-made: no openAlgoOrders sample in the shared folder; shape from the Algo Service docs' example.
        String row = "{\"algoId\":2146760,\"clientAlgoId\":\"6B2I9XVcJpCjqPAJ4YoFX7\",\"algoType\":\"CONDITIONAL\","
                + "\"orderType\":\"TAKE_PROFIT\",\"symbol\":\"BNBUSDT\",\"side\":\"SELL\",\"positionSide\":\"BOTH\","
                + "\"timeInForce\":\"GTC\",\"quantity\":\"0.01\",\"algoStatus\":\"NEW\",\"triggerPrice\":\"750.000\","
                + "\"price\":\"750.000\",\"reduceOnly\":false,\"closePosition\":false,\"updateTime\":1750514545091}";
        for (String json : List.of("[" + row + "]", "{\"total\":1,\"orders\":[" + row + "]}")) {
            List<BinanceRestParser.AlgoOrderDto> rows = BinanceRestParser.openAlgoOrders(json);
            assertThat(rows).hasSize(1);
            assertThat(mapper.algoOrder(rows.get(0))).isEqualTo(new Order(mapper.key("BNBUSDT"), "algo:2146760",
                    "6B2I9XVcJpCjqPAJ4YoFX7", Side.SELL, OrderType.LIMIT, 0.01, 0, 750, false, true, OrderState.NEW,
                    null));
        }
    }

    @Test
    void malformedResponsesAreRefused() {
        assertThatThrownBy(() -> BinanceRestParser.positionRisk("{oops")).isInstanceOf(BinanceParseException.class)
                .hasMessageContaining("malformed positionRisk");
        assertThatThrownBy(() -> BinanceRestParser.positionRisk("[{\"symbol\":\"BTCUSDT\"}]"))
                .isInstanceOf(BinanceParseException.class).hasMessageContaining("positionAmt");
        assertThatThrownBy(() -> BinanceRestParser.order("{\"symbol\":\"BTCUSDT\"}"))
                .isInstanceOf(BinanceParseException.class);
        assertThatThrownBy(() -> BinanceRestParser.listenKey("{}")).isInstanceOf(BinanceParseException.class);
    }
}
