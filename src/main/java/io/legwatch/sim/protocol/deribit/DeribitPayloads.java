package io.legwatch.sim.protocol.deribit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.sim.SimExchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulator values -> Deribit v2 payloads, with the field names and types of the documented samples.
 * Amounts: Deribit {@code amount}/{@code size} = simulator qty x contract size (USD for inverse
 * futures, base currency otherwise).
 */
final class DeribitPayloads {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPTION = Pattern.compile("^[A-Z]+-(\\w+)-(\\d+)-([CP])$");
    private static final java.time.format.DateTimeFormatter EXPIRY = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("dMMMyy").toFormatter(java.util.Locale.ROOT);
    /** Perpetuals have no expiry; Deribit reports this far-future timestamp for them. */
    private static final long NO_EXPIRY = 32503708800000L;
    /** Our internal client id for the simulator: the label, made unique (Deribit does not dedupe labels). */
    private static final Pattern INTERNAL_CID = Pattern.compile("^dfe\\d+:(.*)$");

    private final SimExchange exchange;

    DeribitPayloads(SimExchange exchange) {
        this.exchange = exchange;
    }

    static String currencyOf(Instrument i) {
        return i.underlying();
    }

    /** The currency a Deribit "by currency" call names: base, or the linear contract's settlement currency. */
    static boolean inCurrency(Instrument i, String currency) {
        return currency == null || "any".equalsIgnoreCase(currency) || i.underlying().equalsIgnoreCase(currency)
                || settlement(i).equalsIgnoreCase(currency);
    }

    static String kind(Instrument i) {
        return switch (i.kind()) {
            case INVERSE, LINEAR -> "future";
            case OPTION -> "option";
            case SPOT -> "spot";
        };
    }

    static String settlement(Instrument i) {
        return i.kind() == InstrumentKind.LINEAR || i.kind() == InstrumentKind.SPOT ? "USDT" : i.underlying();
    }

    ObjectNode instrument(Instrument i) {
        ObjectNode n = JSON.createObjectNode();
        n.put("tick_size", i.kind() == InstrumentKind.OPTION ? 0.0005 : 0.5);
        n.putArray("tick_size_steps");
        n.put("taker_commission", 0.0005);
        n.put("maker_commission", 0);
        n.put("settlement_period", i.kind() == InstrumentKind.OPTION ? "month" : "perpetual");
        n.put("settlement_currency", settlement(i));
        n.put("quote_currency", i.kind() == InstrumentKind.OPTION ? i.underlying()
                : i.kind() == InstrumentKind.INVERSE ? "USD" : "USDT");
        n.put("price_index", i.underlying().toLowerCase() + "_usd");
        n.put("min_trade_amount", amount(i.lotSize(), i));
        n.put("kind", kind(i));
        n.put("is_active", true);
        n.put("instrument_name", i.symbol());
        n.put("instrument_id", Math.abs(i.symbol().hashCode()) % 1_000_000);
        if (i.kind() == InstrumentKind.INVERSE || i.kind() == InstrumentKind.LINEAR) {
            n.put("instrument_type", i.kind() == InstrumentKind.INVERSE ? "reversed" : "linear");
            n.put("max_leverage", 50);
        }
        Matcher m = OPTION.matcher(i.symbol());
        long expiry = NO_EXPIRY;
        if (i.kind() == InstrumentKind.OPTION && m.matches()) {
            n.put("strike", Long.parseLong(m.group(2)));
            n.put("option_type", m.group(3).equals("C") ? "call" : "put");
            expiry = expiry(m.group(1));
        }
        n.put("expiration_timestamp", expiry);
        n.put("creation_timestamp", 1534167754000L);
        n.put("counter_currency", "USD");
        n.put("contract_size", i.contractSize());
        n.put("base_currency", i.underlying());
        return n;
    }

    ObjectNode position(Instrument i, Position p) {
        ObjectNode n = JSON.createObjectNode();
        BigDecimal size = amountSigned(p.qty(), i);
        boolean option = i.kind() == InstrumentKind.OPTION;
        double index = exchange.indexPrice(i.underlying());
        // the simulator reports an option's position mark as the index; Deribit's mark_price is the premium in BTC
        double mark = option ? exchange.markPrice(i.key()) / index : p.markPrice();
        n.put("average_price", 0);
        n.put("delta", Double.isNaN(p.venueDelta()) ? 0 : round(p.venueDelta()));
        n.put("direction", p.qty() > 0 ? "buy" : p.qty() < 0 ? "sell" : "zero");
        n.put("floating_profit_loss", 0);
        n.put("index_price", round(index));
        n.put("initial_margin", 0);
        n.put("instrument_name", i.symbol());
        n.put("kind", kind(i));
        n.put("leverage", 10);
        n.put("maintenance_margin", 0);
        n.put("mark_price", round(mark));
        n.put("realized_profit_loss", 0);
        n.put("settlement_price", round(p.markPrice()));
        n.put("size", size);
        n.put("size_currency", i.kind() == InstrumentKind.INVERSE && mark > 0 ? round(size.doubleValue() / mark)
                : size.doubleValue());
        n.put("total_profit_loss", 0);
        return n;
    }

    ObjectNode order(Instrument i, Order o, long nowMs) {
        ObjectNode n = JSON.createObjectNode();
        n.put("web", false);
        n.put("time_in_force", o.type() == OrderType.LIMIT_IOC ? "immediate_or_cancel" : "good_til_cancelled");
        n.put("replaced", false);
        n.put("reduce_only", o.reduceOnly());
        if (Double.isNaN(o.price())) {
            n.put("price", "market_price");
        } else {
            n.put("price", round(o.price()));
        }
        n.put("post_only", false);
        String type = o.type() == OrderType.MARKET ? "market" : "limit";
        n.put("order_type", o.conditional() ? "stop_" + type : type);
        n.put("order_state", state(o));
        n.put("order_id", o.orderId());
        n.put("max_show", amount(o.qty(), i));
        n.put("last_update_timestamp", nowMs);
        n.put("label", label(o.clientOrderId()));
        n.put("is_rebalance", false);
        n.put("is_liquidation", false);
        n.put("instrument_name", i.symbol());
        n.put("filled_amount", amount(o.filledQty(), i));
        n.put("direction", o.side() == Side.BUY ? "buy" : "sell");
        n.put("creation_timestamp", nowMs);
        n.put("average_price", o.filledQty() > 0 && !Double.isNaN(o.price()) ? round(o.price()) : 0);
        n.put("api", true);
        n.put("amount", amount(o.qty(), i));
        if (o.conditional()) {
            n.put("trigger", "mark_price");
        }
        if (o.reason() != null && (o.state() == OrderState.CANCELED || o.state() == OrderState.EXPIRED)) {
            n.put("cancel_reason", o.reason());
        }
        return n;
    }

    private static String state(Order o) {
        return switch (o.state()) {
            case NEW, PENDING, UNKNOWN -> o.conditional() ? "untriggered" : "open";
            case PARTIALLY_FILLED -> "open";
            case FILLED -> "filled";
            case CANCELED, EXPIRED -> "cancelled";
            case REJECTED -> "rejected";
        };
    }

    ObjectNode trade(Instrument i, Fill f, long nowMs) {
        ObjectNode n = JSON.createObjectNode();
        n.put("trade_seq", Math.abs(f.tradeId().hashCode()));
        n.put("trade_id", f.tradeId());
        n.put("timestamp", nowMs);
        n.put("tick_direction", 0);
        n.put("state", "filled");
        n.put("price", round(f.price()));
        n.put("post_only", false);
        n.put("order_id", f.orderId());
        n.putNull("matching_id");
        n.put("mark_price", round(exchange.markPrice(i.key())));
        n.put("liquidity", "T");
        n.put("label", label(f.clientOrderId()));
        n.put("instrument_name", i.symbol());
        n.put("index_price", round(exchange.indexPrice(i.underlying())));
        n.put("fee_currency", i.underlying());
        n.put("fee", 0);
        n.put("direction", f.side() == Side.BUY ? "buy" : "sell");
        n.put("amount", amount(f.qty(), i));
        return n;
    }

    /** A user.changes data object; lists not concerned are empty, as Deribit sends them. */
    ObjectNode changes(String instrument, List<ObjectNode> trades, List<ObjectNode> positions, List<ObjectNode> orders) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode t = n.putArray("trades");
        trades.forEach(t::add);
        ArrayNode p = n.putArray("positions");
        positions.forEach(p::add);
        ArrayNode o = n.putArray("orders");
        orders.forEach(o::add);
        n.put("instrument_name", instrument);
        return n;
    }

    /** ticker.(instrument).(interval) data; an option's mark is its premium in the base currency, as on Deribit. */
    ObjectNode ticker(Instrument i, double mark, double index, long nowMs) {
        ObjectNode n = JSON.createObjectNode();
        double venueMark = i.kind() == InstrumentKind.OPTION && index > 0 ? mark / index : mark;
        n.put("timestamp", nowMs);
        n.put("state", "open");
        n.put("instrument_name", i.symbol());
        n.put("mark_price", round(venueMark));
        n.put("index_price", round(index));
        n.put("last_price", round(venueMark));
        n.put("best_bid_price", round(venueMark));
        n.put("best_ask_price", round(venueMark));
        n.put("settlement_price", round(venueMark));
        n.putObject("stats");
        return n;
    }

    ObjectNode portfolio(String currency, double deltaTotal) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("delta_total_map").put(currency.toLowerCase() + "_usd", round(deltaTotal));
        n.put("margin_balance", 100);
        n.put("currency", currency);
        n.put("equity", 100);
        n.put("balance", 100);
        n.put("available_funds", 100);
        n.put("delta_total", round(deltaTotal));
        n.put("margin_model", "segregated_sm");
        return n;
    }

    /** Deribit options expire at 08:00 UTC on the date in their name (e.g. 25DEC26). */
    private static long expiry(String date) {
        try {
            return java.time.LocalDate.parse(date, EXPIRY).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return NO_EXPIRY;
        }
    }

    static String label(String clientOrderId) {
        if (clientOrderId == null) {
            return "";
        }
        Matcher m = INTERNAL_CID.matcher(clientOrderId);
        return m.matches() ? m.group(1) : clientOrderId;
    }

    static String internalClientId(long seq, String label) {
        return "dfe" + seq + ":" + (label == null ? "" : label);
    }

    static BigDecimal amount(double qty, Instrument i) {
        BigDecimal a = BigDecimal.valueOf(Math.abs(qty)).multiply(BigDecimal.valueOf(i.contractSize()))
                .setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return a.scale() < 0 ? a.setScale(0) : a;
    }

    static BigDecimal amountSigned(double qty, Instrument i) {
        BigDecimal a = amount(qty, i);
        return qty < 0 ? a.negate() : a;
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? 0 : Math.round(v * 1e8) / 1e8;
    }
}
