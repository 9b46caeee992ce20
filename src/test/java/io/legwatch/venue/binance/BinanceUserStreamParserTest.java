package io.legwatch.venue.binance;

import io.legwatch.venue.binance.BinanceUserEvent.AccountConfigUpdate;
import io.legwatch.venue.binance.BinanceUserEvent.AccountUpdate;
import io.legwatch.venue.binance.BinanceUserEvent.ListenKeyExpired;
import io.legwatch.venue.binance.BinanceUserEvent.MarginCall;
import io.legwatch.venue.binance.BinanceUserEvent.MarginCallRow;
import io.legwatch.venue.binance.BinanceUserEvent.OrderRow;
import io.legwatch.venue.binance.BinanceUserEvent.OrderTradeUpdate;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every documented user-data-stream sample, field by field. */
class BinanceUserStreamParserTest {
    private final BinanceUserStreamParser parser = new BinanceUserStreamParser();

    @Test
    void accountUpdateWithOneWayAndHedgeRows() {
        AccountUpdate u = (AccountUpdate) parser.parse(Samples.read("ws-account-update.json"));
        assertThat(u.eventTime()).isEqualTo(1564745798939L);
        assertThat(u.transactionTime()).isEqualTo(1564745798938L);
        assertThat(u.reason()).isEqualTo("ORDER");
        assertThat(u.positions()).containsExactly(
                new PositionRow("BTCUSDT", "BOTH", 0, 0, 0, Double.NaN, 0),
                new PositionRow("BTCUSDT", "LONG", 20, 6563.665, 2850.212, Double.NaN, 0),
                new PositionRow("BTCUSDT", "SHORT", -10, 6563.86, -1423.156, Double.NaN, 0));
    }

    @Test
    void orderTradeUpdate() {
        OrderTradeUpdate u = (OrderTradeUpdate) parser.parse(Samples.read("ws-order-trade-update.json"));
        assertThat(u.eventTime()).isEqualTo(1568879465651L);
        assertThat(u.transactionTime()).isEqualTo(1568879465650L);
        OrderRow o = u.order();
        assertThat(o.symbol()).isEqualTo("BTCUSDT");
        assertThat(o.clientOrderId()).isEqualTo("TEST");
        assertThat(o.side()).isEqualTo("SELL");
        assertThat(o.type()).isEqualTo("TRAILING_STOP_MARKET");
        assertThat(o.origType()).isEqualTo("TRAILING_STOP_MARKET");
        assertThat(o.timeInForce()).isEqualTo("GTC");
        assertThat(o.qty()).isEqualTo(0.001);
        assertThat(o.price()).isZero();
        assertThat(o.avgPrice()).isZero();
        assertThat(o.stopPrice()).isEqualTo(7103.04);
        assertThat(o.executionType()).isEqualTo("NEW");
        assertThat(o.status()).isEqualTo("NEW");
        assertThat(o.orderId()).isEqualTo(8886774L);
        assertThat(o.lastQty()).isZero();
        assertThat(o.cumulativeQty()).isZero();
        assertThat(o.lastPrice()).isZero();
        assertThat(o.tradeTime()).isEqualTo(1568879465650L);
        assertThat(o.tradeId()).isZero();
        assertThat(o.reduceOnly()).isFalse();
        assertThat(o.closePosition()).isFalse();
        assertThat(o.positionSide()).isEqualTo("LONG");
        assertThat(o.realizedProfit()).isZero();
    }

    @Test
    void listenKeyExpiredAcceptsAStringEventTime() {
        ListenKeyExpired e = (ListenKeyExpired) parser.parse(Samples.read("ws-listenkey-expired.json"));
        assertThat(e.eventTime()).isEqualTo(1736996475556L);
        assertThat(e.listenKey()).isEqualTo("WsCMN0a4KHUPTQuX6IUnqEZfB1inxmv1qR4kbf1LuEjur5VdbzqvyxqG9TSjVVxv");
    }

    @Test
    void listenKeyExpiredAcceptsANumericEventTime() {
        // Self-made: the same event with E as a number, as every other event carries it.
        ListenKeyExpired e = (ListenKeyExpired) parser.parse("{\"e\":\"listenKeyExpired\",\"E\":1736996475556}");
        assertThat(e.eventTime()).isEqualTo(1736996475556L);
        assertThat(e.listenKey()).isNull();
    }

    @Test
    void marginCall() {
        MarginCall m = (MarginCall) parser.parse(Samples.read("ws-margin-call.json"));
        assertThat(m.eventTime()).isEqualTo(1587727187525L);
        assertThat(m.crossWallet()).isEqualTo(3.16812045);
        assertThat(m.positions()).containsExactly(
                new MarginCallRow("ETHUSDT", "LONG", 1.327, 187.17127, -1.166074, 1.614445));
    }

    @Test
    void accountConfigUpdateLeverage() {
        AccountConfigUpdate c = (AccountConfigUpdate) parser.parse(Samples.read("ws-account-config-update.json"));
        assertThat(c).isEqualTo(new AccountConfigUpdate(1611646737479L, "BTCUSDT", 25, null));
    }

    @Test
    void accountConfigUpdateMultiAssets() {
        AccountConfigUpdate c = (AccountConfigUpdate) parser.parse(
                Samples.read("ws-account-config-update-multiassets.json"));
        assertThat(c).isEqualTo(new AccountConfigUpdate(1611646737479L, null, null, true));
    }

    @Test
    void eventTypeAfterPayloadIsStillUnderstood() {
        // Self-made: Binance puts "e" first, but JSON object order is not a contract.
        String text = "{\"a\":{\"m\":\"FUNDING FEE\",\"P\":[{\"s\":\"ETHUSDT\",\"pa\":\"-1.5\",\"ep\":\"2000\","
                + "\"up\":\"3\",\"ps\":\"BOTH\"}]},\"E\":5,\"e\":\"ACCOUNT_UPDATE\"}";
        AccountUpdate u = (AccountUpdate) parser.parse(text);
        assertThat(u.reason()).isEqualTo("FUNDING FEE");
        assertThat(u.positions()).containsExactly(new PositionRow("ETHUSDT", "BOTH", -1.5, 2000, 3, Double.NaN, 0));
    }

    @Test
    void unknownEventTypeIsKeptAsOther() {
        BinanceUserEvent e = parser.parse("{\"e\":\"TRADE_LITE\",\"E\":1721895408092,\"s\":\"BTCUSDT\"}");
        assertThat(e).isEqualTo(new BinanceUserEvent.Other(1721895408092L, "TRADE_LITE"));
    }

    @Test
    void algoUpdateOfAConditionalOrder() {
        // Self-made from the field list of the docs' "Algo Order Update" event (no sample in the shared folder).
        String text = "{\"e\":\"ALGO_UPDATE\",\"T\":1750515742297,\"E\":1750515742303,\"o\":{\"caid\":\"Q5xaq5EG\","
                + "\"aid\":2148719,\"at\":\"CONDITIONAL\",\"o\":\"TAKE_PROFIT\",\"s\":\"BNBUSDT\",\"S\":\"SELL\","
                + "\"ps\":\"BOTH\",\"f\":\"GTC\",\"q\":\"0.01\",\"X\":\"CANCELED\",\"ai\":\"\",\"ap\":\"0.00000\","
                + "\"aq\":\"0.00000\",\"act\":\"0\",\"tp\":\"750\",\"p\":\"750\",\"V\":\"EXPIRE_MAKER\","
                + "\"wt\":\"CONTRACT_PRICE\",\"pm\":\"NONE\",\"cp\":false,\"pP\":false,\"R\":false,\"tt\":0,"
                + "\"gtd\":0,\"rm\":\"Reduce Only reject\"}}";
        BinanceUserEvent.AlgoUpdate u = (BinanceUserEvent.AlgoUpdate) parser.parse(text);
        assertThat(u.eventTime()).isEqualTo(1750515742303L);
        assertThat(u.transactionTime()).isEqualTo(1750515742297L);
        assertThat(u.order()).isEqualTo(new BinanceUserEvent.AlgoRow("BNBUSDT", "Q5xaq5EG", 2148719, "CONDITIONAL",
                "TAKE_PROFIT", "SELL", "BOTH", 0.01, 750, 750, "CANCELED", false, false, null, "Reduce Only reject"));
        io.legwatch.domain.Order o = new BinanceMapper(io.legwatch.domain.VenueId.of("b")).algoOrder(u.order());
        assertThat(o.orderId()).isEqualTo("algo:2148719");
        assertThat(o.state()).isEqualTo(io.legwatch.domain.OrderState.CANCELED);
        assertThat(o.conditional()).isTrue();
        assertThat(o.reason()).isEqualTo("Reduce Only reject");
    }

    @Test
    void markPriceUpdateOfASubscribedMarketStream() {
        // Not in the shared samples: the example of the docs' "Mark Price Stream" page, values as printed there.
        String text = "{\"e\":\"markPriceUpdate\",\"E\":1562305380000,\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\","
                + "\"ap\":\"11794.15000000\",\"P\":\"11784.25641265\",\"i\":\"11784.62659091\","
                + "\"r\":\"0.00038167\",\"T\":1562306400000}";
        assertThat(parser.parse(text)).isEqualTo(
                new BinanceUserEvent.MarkPrice(1562305380000L, "BTCUSDT", 11794.15, 11784.62659091));
    }

    @Test
    void repliesToOurStreamRequests() {
        // Self-made, from the docs' "Live Subscribing" section: answers carry the request id.
        assertThat(parser.parse("{\"result\":[\"abc\"],\"id\":7}"))
                .isEqualTo(new BinanceUserEvent.Reply(7, null, null));
        assertThat(parser.parse("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":8}"))
                .isEqualTo(new BinanceUserEvent.Reply(8, 2, "Invalid request"));
    }

    @Test
    void malformedMessagesFailWithAReadableReason() {
        assertThatThrownBy(() -> parser.parse("{\"e\":\"ACCOUNT_UPDATE\",")).isInstanceOf(BinanceParseException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> parser.parse("[1,2]")).isInstanceOf(BinanceParseException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("{\"E\":1}")).isInstanceOf(BinanceParseException.class)
                .hasMessageContaining("no event type");
        assertThatThrownBy(() -> parser.parse("{\"e\":\"ACCOUNT_UPDATE\",\"a\":{\"P\":[{\"s\":\"X\",\"pa\":\"abc\"}]}}"))
                .isInstanceOf(BinanceParseException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parser.parse("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1}"))
                .isInstanceOf(BinanceParseException.class).hasMessageContaining("without an order");
    }
}
