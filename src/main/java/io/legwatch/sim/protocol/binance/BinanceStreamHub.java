package io.legwatch.sim.protocol.binance;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.VenueSnapshot;
import io.legwatch.sim.protocol.common.StreamTraffic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.legwatch.sim.protocol.binance.BinanceJson.dec;
import static io.legwatch.sim.protocol.binance.BinanceJson.str;

/**
 * The account's user data stream: turns simulator events into Binance's ACCOUNT_UPDATE and
 * ORDER_TRADE_UPDATE messages, manages the listenKey, answers stream requests and applies wire faults.
 * Simulator callbacks arrive under the exchange lock; everything here only enqueues.
 */
final class BinanceStreamHub implements SimListener {
    private static final Logger log = LoggerFactory.getLogger(BinanceStreamHub.class);
    static final long LISTEN_KEY_VALIDITY_MS = 60 * 60 * 1000;
    static final long MAX_CONNECTION_MS = 24 * 60 * 60 * 1000;
    private static final Pattern REQUEST = Pattern.compile(
            "\\{\\s*\"method\"\\s*:\\s*\"([A-Z_]+)\"\\s*(?:,\\s*\"params\"\\s*:\\s*\\[([^\\]]*)\\])?\\s*,\\s*\"id\"\\s*:\\s*(\\d+)\\s*}");

    private final VenueId account;
    private final TimeSource clock;
    private final Random keys;
    private final BinanceIds ids;
    private final Set<BinanceStreamSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Map<Long, Order> ordersById = new ConcurrentHashMap<>();
    private final Map<String, List<Fill>> pendingFills = new HashMap<>();
    private final Map<String, Double> lastSentQty = new HashMap<>();
    private final Map<String, Long> lastMarkSentMs = new HashMap<>();
    private final Map<String, String> lastAlgoStatus = new HashMap<>();
    private final Set<String> linearSymbols = ConcurrentHashMap.newKeySet();
    private BinanceWireFaults faults;
    private volatile SimLink link = SimLink.UP;
    /** REST answers produced while SILENT: sent when the venue speaks again, failed when it goes DOWN. */
    private final List<Runnable[]> withheld = new ArrayList<>();
    private String heldForReorder;

    // listenKey state, guarded by this
    private String listenKey;
    private long keepAliveAtMs;

    BinanceStreamHub(VenueId account, TimeSource clock, long seed, BinanceIds ids) {
        this.account = account;
        this.clock = clock;
        this.keys = new Random(seed);
        this.ids = ids;
    }

    void faults(BinanceWireFaults faults) {
        this.faults = faults;
    }

    SimLink link() {
        return link;
    }

    // ---- listenKey (REST)

    /** POST: the account's valid key, or a new one. */
    synchronized String createListenKey() {
        if (!validKey()) {
            StringBuilder sb = new StringBuilder(64);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            for (int i = 0; i < 64; i++) {
                sb.append(alphabet.charAt(keys.nextInt(alphabet.length())));
            }
            listenKey = sb.toString();
        }
        keepAliveAtMs = clock.millis();
        return listenKey;
    }

    /** PUT: false when there is no valid key (Binance answers -1125). */
    synchronized boolean keepAlive() {
        if (!validKey()) {
            return false;
        }
        keepAliveAtMs = clock.millis();
        return true;
    }

    synchronized void deleteListenKey() {
        listenKey = null;
    }

    synchronized boolean accepts(String key) {
        return validKey() && listenKey.equals(key);
    }

    private boolean validKey() {
        return listenKey != null && clock.millis() - keepAliveAtMs < LISTEN_KEY_VALIDITY_MS;
    }

    void expireListenKey() {
        String key;
        synchronized (this) {
            key = listenKey;
            listenKey = null;
        }
        if (key != null) {
            log.info("{}: listenKey expired", account);
        }
        if (key == null) {
            return;
        }
        String event = "{\"e\":\"listenKeyExpired\",\"E\":\"" + clock.millis() + "\",\"listenKey\":" + str(key) + "}";
        for (BinanceStreamSocket s : sockets) {
            if (s.listenKey.equals(key)) {
                s.send(event);
                s.close(1000, "listenKey expired");
            }
        }
    }

    // ---- sockets

    void opened(BinanceStreamSocket socket) {
        socket.openedAtMs(clock.millis());
        sockets.add(socket);
    }

    void closed(BinanceStreamSocket socket) {
        sockets.remove(socket);
    }

    int openSockets() {
        return sockets.size();
    }

    /** Frames written and queued, summed over the open user streams. */
    StreamTraffic traffic() {
        var sum = StreamTraffic.NONE;
        for (BinanceStreamSocket s : sockets) {
            sum = sum.plus(s.traffic());
        }
        return sum;
    }

    /** A request frame from the client: LIST_SUBSCRIPTIONS / SUBSCRIBE / UNSUBSCRIBE. */
    void request(BinanceStreamSocket socket, String text) {
        if (link != SimLink.UP) {
            return; // a silent venue answers nothing
        }
        Matcher m = REQUEST.matcher(text.trim());
        if (!m.matches()) {
            socket.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant or malformed JSON\"},"
                    + "\"id\":null}");
            return;
        }
        String id = m.group(3);
        String result = switch (m.group(1)) {
            case "LIST_SUBSCRIPTIONS" -> {
                List<String> names = new ArrayList<>();
                names.add(str(socket.listenKey));
                socket.markSymbols().forEach(sym -> names.add(str(sym.toLowerCase(java.util.Locale.ROOT)
                        + "@markPrice@1s")));
                yield "[" + String.join(",", names) + "]";
            }
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                for (String stream : streamNames(m.group(2))) {
                    int at = stream.indexOf("@markPrice");
                    if (at > 0) {
                        socket.markStream(stream.substring(0, at).toUpperCase(java.util.Locale.ROOT),
                                m.group(1).equals("SUBSCRIBE"));
                    }
                }
                yield "null";
            }
            case "SET_PROPERTY" -> "null";
            default -> null;
        };
        socket.send(result == null ? "{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown method\"},\"id\":"
                + id + "}" : "{\"result\":" + result + ",\"id\":" + id + "}");
    }

    private static List<String> streamNames(String params) {
        List<String> out = new ArrayList<>();
        if (params == null) {
            return out;
        }
        for (String part : params.split(",")) {
            String name = part.trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                out.add(name.substring(1, name.length() - 1));
            }
        }
        return out;
    }

    void dropAll() {
        for (BinanceStreamSocket s : sockets) {
            s.drop();
        }
        sockets.clear();
    }

    void broadcastRaw(String text) {
        for (BinanceStreamSocket s : sockets) {
            s.send(text);
        }
    }

    /** Sends one event to every stream, applying the duplicate/reorder faults. */
    private void broadcast(String event) {
        if (link != SimLink.UP) {
            return;
        }
        List<String> out = new ArrayList<>(3);
        if (heldForReorder != null) {
            out.add(event);
            out.add(heldForReorder);
            heldForReorder = null;
        } else if (faults != null && faults.takeReorder()) {
            heldForReorder = event;
            return;
        } else {
            out.add(event);
        }
        if (faults != null && faults.takeDuplicate()) {
            out.add(out.get(out.size() - 1));
        }
        for (String text : out) {
            broadcastRaw(text);
        }
    }

    // ---- orders seen (for GET /fapi/v1/order)

    void remember(Order order) {
        if (order.orderId() != null) {
            ordersById.put(ids.order(order.orderId()), order);
        }
    }

    Order byId(long id) {
        return ordersById.get(id);
    }

    boolean linear(String symbol) {
        return linearSymbols.contains(symbol);
    }

    // ---- simulator events (under the exchange lock)

    @Override
    public void onSubscribed(VenueSnapshot snapshot) {
        for (Instrument i : snapshot.instruments()) {
            if (i.kind() == InstrumentKind.LINEAR) {
                linearSymbols.add(i.symbol());
            }
        }
        for (Position p : snapshot.positions()) {
            lastSentQty.put(p.instrument().symbol(), p.qty());
        }
        snapshot.openOrders().forEach(this::remember);
    }

    @Override
    public void onFill(Fill fill, long venueTimeMs) {
        if (linear(fill.instrument().symbol())) {
            pendingFills.computeIfAbsent(fill.orderId(), k -> new ArrayList<>()).add(fill);
        }
    }

    @Override
    public void onOrder(Order order, long venueTimeMs) {
        remember(order);
        if (!linear(order.instrument().symbol())) {
            return;
        }
        if (order.conditional()) {
            // Conditional orders live in the Algo Service: ALGO_UPDATE until the trigger fires, then the order it
            // became trades on ORDER_TRADE_UPDATE.
            String algoStatus = switch (order.state()) {
                case NEW, PENDING, UNKNOWN -> "NEW";
                case CANCELED -> "CANCELED";
                case EXPIRED -> "EXPIRED";
                case REJECTED -> "REJECTED";
                case PARTIALLY_FILLED, FILLED -> "TRIGGERED";
            };
            if (!algoStatus.equals(lastAlgoStatus.put(order.orderId(), algoStatus))) {
                broadcast(algoUpdate(order, algoStatus, venueTimeMs));
            }
            if (!algoStatus.equals("TRIGGERED")) {
                return;
            }
        }
        List<Fill> fills = pendingFills.remove(order.orderId());
        double cumulative = order.filledQty();
        if (fills != null) {
            double before = cumulative;
            for (Fill f : fills) {
                before -= f.qty();
            }
            double cum = Math.max(0, before);
            for (int i = 0; i < fills.size(); i++) {
                Fill f = fills.get(i);
                cum += f.qty();
                boolean last = i == fills.size() - 1;
                String status = last && order.state() == OrderState.FILLED ? "FILLED" : "PARTIALLY_FILLED";
                broadcast(orderUpdate(order, "TRADE", status, f.qty(), f.price(), cum, f.tradeId(), venueTimeMs));
            }
            if (order.state() == OrderState.FILLED || order.state() == OrderState.PARTIALLY_FILLED) {
                return;
            }
        }
        String state = BinanceJson.status(order.state());
        broadcast(orderUpdate(order, state, state, 0, 0, cumulative, null, venueTimeMs));
    }

    @Override
    public void onPosition(Position position, long venueTimeMs) {
        String symbol = position.instrument().symbol();
        if (!linear(symbol)) {
            return;
        }
        Double last = lastSentQty.put(symbol, position.qty());
        if (last != null && last == position.qty()) {
            return; // the simulator's periodic re-push: Binance only pushes changes
        }
        double mark = position.markPrice();
        broadcast("{\"e\":\"ACCOUNT_UPDATE\",\"E\":" + venueTimeMs + ",\"T\":" + venueTimeMs
                + ",\"a\":{\"m\":\"ORDER\",\"B\":[],\"P\":[{\"s\":" + str(symbol) + ",\"pa\":" + str(dec(position.qty()))
                + ",\"ep\":" + str(dec(position.qty() == 0 ? 0 : mark)) + ",\"bep\":\"0\",\"cr\":\"0\",\"up\":\"0\""
                + ",\"mt\":\"cross\",\"iw\":\"0\",\"ps\":\"BOTH\"}]}}");
    }

    int withheldCount() {
        synchronized (withheld) {
            return withheld.size();
        }
    }

    /** Runs {@code send} now, or once the venue is UP again; runs {@code drop} instead if it goes DOWN. */
    void whenSpeaking(Runnable send, Runnable drop) {
        synchronized (withheld) {
            if (link == SimLink.SILENT) {
                withheld.add(new Runnable[]{send, drop});
                return;
            }
        }
        send.run();
    }

    /** Mark prices go to sockets that subscribed {@code <symbol>@markPrice@1s}, once per second of venue time. */
    @Override
    public void onPrice(io.legwatch.domain.InstrumentKey instrument, double markPrice, double indexPrice,
                        long venueTimeMs) {
        String symbol = instrument.symbol();
        if (link != SimLink.UP || !linear(symbol)) {
            return;
        }
        Long last = lastMarkSentMs.get(symbol);
        if (last != null && venueTimeMs - last < 1000) {
            return;
        }
        String event = null;
        for (BinanceStreamSocket s : sockets) {
            if (s.markSymbols().contains(symbol)) {
                if (event == null) {
                    lastMarkSentMs.put(symbol, venueTimeMs);
                    event = "{\"e\":\"markPriceUpdate\",\"E\":" + venueTimeMs + ",\"s\":" + str(symbol) + ",\"p\":"
                            + str(dec(markPrice)) + ",\"ap\":" + str(dec(markPrice)) + ",\"P\":" + str(dec(markPrice))
                            + ",\"i\":" + str(dec(indexPrice)) + ",\"r\":\"0.00010000\",\"T\":"
                            + (venueTimeMs - venueTimeMs % 28_800_000 + 28_800_000) + "}";
                }
                s.send(event);
            }
        }
    }

    /**
     * Once a second of venue time: a listenKey not kept alive for 60 min expires (listenKeyExpired is pushed),
     * and a connection older than 24 h is closed, as Binance does.
     */
    @Override
    public void onHeartbeat(VenueId venue, long venueTimeMs) {
        boolean lapsed;
        synchronized (this) {
            lapsed = listenKey != null && !validKey();
        }
        if (lapsed) {
            expireListenKey();
        }
        long now = clock.millis();
        for (BinanceStreamSocket s : sockets) {
            if (now - s.openedAtMs() >= MAX_CONNECTION_MS) {
                s.close(1000, "connection open for 24 hours");
                sockets.remove(s);
            }
        }
    }

    @Override
    public void onLink(VenueId venue, SimLink newLink, String detail, long venueTimeMs) {
        List<Runnable[]> release;
        synchronized (withheld) {
            link = newLink;
            release = newLink == SimLink.SILENT ? List.of() : List.copyOf(withheld);
            if (newLink != SimLink.SILENT) {
                withheld.clear();
            }
        }
        if (newLink == SimLink.DOWN) {
            log.info("{}: link DOWN, dropping {} Binance user streams", account, sockets.size());
            dropAll();
        }
        // Released on Jetty's side of the callback chain; never blocks the exchange lock held here.
        for (Runnable[] r : release) {
            (newLink == SimLink.UP ? r[0] : r[1]).run();
        }
    }

    private String algoUpdate(Order o, String status, long time) {
        long id = ids.order(o.orderId());
        return "{\"e\":\"ALGO_UPDATE\",\"T\":" + time + ",\"E\":" + time + ",\"o\":{\"caid\":" + str(o.clientOrderId())
                + ",\"aid\":" + id + ",\"at\":\"CONDITIONAL\",\"o\":" + str(BinanceJson.type(o)) + ",\"s\":"
                + str(o.instrument().symbol()) + ",\"S\":" + str(o.side().name()) + ",\"ps\":\"BOTH\",\"f\":\"GTC\""
                + ",\"q\":" + str(dec(o.qty())) + ",\"X\":" + str(status) + ",\"ai\":"
                + str(status.equals("TRIGGERED") ? Long.toString(id) : "") + ",\"ap\":\"0\",\"aq\":\"0\",\"act\":\"0\""
                + ",\"tp\":" + str(dec(status.equals("NEW") ? o.price() : 0)) + ",\"p\":\"0\",\"V\":\"NONE\""
                + ",\"wt\":\"CONTRACT_PRICE\",\"pm\":\"NONE\",\"cp\":false,\"pP\":false,\"R\":" + o.reduceOnly()
                + ",\"tt\":0,\"gtd\":0,\"rm\":\"\"}}";
    }

    private String orderUpdate(Order o, String execution, String status, double lastQty, double lastPrice,
                               double cumulative, String tradeId, long time) {
        String type = BinanceJson.type(o);
        double avg = cumulative > 0 && o.price() > 0 ? o.price() : 0;
        String price = o.type() == io.legwatch.domain.OrderType.MARKET || o.conditional() ? "0" : dec(o.price());
        return "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":" + time + ",\"T\":" + time + ",\"o\":{\"s\":"
                + str(o.instrument().symbol()) + ",\"c\":" + str(o.clientOrderId()) + ",\"S\":" + str(o.side().name())
                + ",\"o\":" + str(type) + ",\"f\":" + str(BinanceJson.timeInForce(o)) + ",\"q\":" + str(dec(o.qty()))
                + ",\"p\":" + str(price) + ",\"ap\":" + str(dec(avg)) + ",\"sp\":\"0\",\"x\":" + str(execution)
                + ",\"X\":" + str(status) + ",\"i\":" + ids.order(o.orderId()) + ",\"l\":" + str(dec(lastQty))
                + ",\"z\":" + str(dec(cumulative)) + ",\"L\":" + str(dec(lastPrice)) + ",\"N\":\"USDT\",\"n\":\"0\""
                + ",\"T\":" + time + ",\"t\":" + (tradeId == null ? 0 : BinanceIds.suffix(tradeId))
                + ",\"b\":\"0\",\"a\":\"0\",\"m\":false,\"R\":" + o.reduceOnly() + ",\"wt\":\"CONTRACT_PRICE\""
                + ",\"ot\":" + str(type) + ",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,\"si\":0,\"ss\":0"
                + ",\"V\":\"NONE\",\"pm\":\"NONE\",\"gtd\":0}}";
    }
}
