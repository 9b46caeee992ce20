package io.legwatch.venue.binance;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceUserEvent.OrderTradeUpdate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceMapperTest {
    private final BinanceMapper mapper = new BinanceMapper(VenueId.of("binance-a"));
    private final BinanceUserStreamParser parser = new BinanceUserStreamParser();

    @Test
    void documentedOrderTradeUpdateIsAConditionalOrderWithoutFill() {
        OrderTradeUpdate u = (OrderTradeUpdate) parser.parse(Samples.read("ws-order-trade-update.json"));
        assertThat(mapper.order(u.order())).isEqualTo(new Order(mapper.key("BTCUSDT"), "8886774", "TEST", Side.SELL,
                OrderType.MARKET, 0.001, 0, Double.NaN, false, true, OrderState.NEW, null));
        assertThat(mapper.fill(u.order())).isNull();
    }

    @Test
    void tradeExecutionCarriesAFill() {
        // Self-made from the documented field list: a reduce-only IOC limit that partly filled.
        String text = "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":2,\"T\":1,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"lw-f1-1\","
                + "\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.010\",\"p\":\"65000\",\"ap\":\"64990\","
                + "\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"PARTIALLY_FILLED\",\"i\":42,\"l\":\"0.004\",\"z\":\"0.004\","
                + "\"L\":\"64990\",\"T\":1,\"t\":777,\"R\":true,\"ps\":\"BOTH\",\"ot\":\"LIMIT\",\"cp\":false}}";
        OrderTradeUpdate u = (OrderTradeUpdate) parser.parse(text);
        assertThat(mapper.order(u.order())).isEqualTo(new Order(mapper.key("BTCUSDT"), "42", "lw-f1-1", Side.BUY,
                OrderType.LIMIT_IOC, 0.01, 0.004, 65000, true, false, OrderState.PARTIALLY_FILLED, null));
        assertThat(mapper.fill(u.order())).isEqualTo(new Fill(mapper.key("BTCUSDT"), "777", "42", "lw-f1-1", Side.BUY,
                0.004, 64990));
    }

    @ParameterizedTest
    @CsvSource({"NEW, NEW", "PARTIALLY_FILLED, PARTIALLY_FILLED", "FILLED, FILLED", "CANCELED, CANCELED",
            "REJECTED, REJECTED", "EXPIRED, EXPIRED", "EXPIRED_IN_MATCH, EXPIRED", "SOMETHING_NEW, UNKNOWN"})
    void orderStates(String binance, OrderState state) {
        assertThat(BinanceMapper.state(binance)).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"MARKET, GTC, MARKET, false", "LIMIT, IOC, LIMIT_IOC, false", "LIMIT, GTC, LIMIT, false",
            "STOP, GTC, LIMIT, true", "STOP_MARKET, GTC, MARKET, true", "TAKE_PROFIT, GTC, LIMIT, true",
            "TAKE_PROFIT_MARKET, GTC, MARKET, true", "TRAILING_STOP_MARKET, GTC, MARKET, true"})
    void orderTypes(String type, String tif, OrderType expected, boolean conditional) {
        assertThat(BinanceMapper.orderType(type, tif)).isEqualTo(expected);
        assertThat(BinanceMapper.conditional(type)).isEqualTo(conditional);
    }
}
