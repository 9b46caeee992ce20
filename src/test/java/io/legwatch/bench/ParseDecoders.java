package io.legwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legwatch.domain.Fill;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceMapper;
import io.legwatch.venue.binance.BinancePositionBook;
import io.legwatch.venue.binance.BinanceUserEvent;
import io.legwatch.venue.binance.BinanceUserStreamParser;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Each venue's production decoder, from a text frame to engine events, set up as its connector
 * sets it up. The Bybit, OKX and Deribit decoders are package-private, so they are reached through
 * method handles (inlined by the JIT like a direct call) and, for Deribit's callback interface, a
 * {@link Proxy} (a reflective call per decoded event, a few tens of ns: charged to Deribit).
 */
final class ParseDecoders {
    /** One frame in, the events the connector would hand to the engine out. */
    interface FrameDecoder {
        List<VenueEvent> decode(String text, long recvNanos) throws Throwable;
    }

    static final VenueId VENUE = VenueId.of("bench");

    private ParseDecoders() {
    }

    /** The decoder of one venue: adding a venue to the parse benchmark is one case here. */
    static FrameDecoder forVenue(String venue) throws Throwable {
        return switch (venue) {
            case "binance" -> binance();
            case "bybit" -> bybit();
            case "okx" -> okx();
            case "deribit" -> deribit();
            default -> throw new IllegalArgumentException("no decoder for venue " + venue);
        };
    }

    /** Parser + position book + mapper, dispatched as {@code BinanceConnector.onText} does for these pushes. */
    static FrameDecoder binance() {
        BinanceUserStreamParser parser = new BinanceUserStreamParser();
        BinanceMapper mapper = new BinanceMapper(VENUE);
        BinancePositionBook book = new BinancePositionBook(mapper::key);
        return (text, recvNanos) -> {
            BinanceUserEvent event = parser.parse(text);
            List<VenueEvent> out = new ArrayList<>(4);
            if (event instanceof BinanceUserEvent.AccountUpdate u) {
                for (var p : book.update(u.positions())) {
                    out.add(new VenueEvent.PositionUpdate(p, u.eventTime(), recvNanos));
                }
            } else if (event instanceof BinanceUserEvent.OrderTradeUpdate u) {
                Fill fill = mapper.fill(u.order());
                if (fill != null) {
                    out.add(new VenueEvent.FillEvent(fill, u.transactionTime(), recvNanos));
                }
                out.add(new VenueEvent.OrderUpdate(mapper.order(u.order()), u.eventTime(), recvNanos));
            }
            return out;
        };
    }

    static FrameDecoder bybit() throws Throwable {
        return decodedRecord("io.legwatch.venue.bybit.Bybit");
    }

    static FrameDecoder okx() throws Throwable {
        return decodedRecord("io.legwatch.venue.okx.Okx");
    }

    /** {@code new <P>StreamDecoder(new <P>Mapper(venue), new <P>PositionBook()).decode(text, recvNanos).events()}. */
    @SuppressWarnings("unchecked")
    private static FrameDecoder decodedRecord(String prefix) throws Throwable {
        Class<?> mapperClass = Class.forName(prefix + "Mapper");
        Class<?> bookClass = Class.forName(prefix + "PositionBook");
        Class<?> decoderClass = Class.forName(prefix + "StreamDecoder");
        Class<?> decodedClass = Class.forName(prefix + "StreamDecoder$Decoded");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(decoderClass, MethodHandles.lookup());
        Object mapper = MethodHandles.privateLookupIn(mapperClass, MethodHandles.lookup())
                .findConstructor(mapperClass, MethodType.methodType(void.class, VenueId.class)).invoke(VENUE);
        Object book = MethodHandles.privateLookupIn(bookClass, MethodHandles.lookup())
                .findConstructor(bookClass, MethodType.methodType(void.class)).invoke();
        Object decoder = lookup.findConstructor(decoderClass, MethodType.methodType(void.class, mapperClass, bookClass))
                .invoke(mapper, book);
        MethodHandle decode = lookup.findVirtual(decoderClass, "decode",
                        MethodType.methodType(decodedClass, String.class, long.class)).bindTo(decoder)
                .asType(MethodType.methodType(Object.class, String.class, long.class));
        MethodHandle events = lookup.findVirtual(decodedClass, "events", MethodType.methodType(List.class))
                .asType(MethodType.methodType(List.class, Object.class));
        return (text, recvNanos) -> (List<VenueEvent>) events.invokeExact(decode.invokeExact(text, recvNanos));
    }

    /**
     * {@code DeribitDecoder} with its instrument registry loaded from the documented
     * {@code public/get_instruments} answer, as {@code DeribitConnector} does after connecting.
     */
    static FrameDecoder deribit() throws Throwable {
        Class<?> instrumentsClass = Class.forName("io.legwatch.venue.deribit.DeribitInstruments");
        Class<?> decoderClass = Class.forName("io.legwatch.venue.deribit.DeribitDecoder");
        Class<?> outputClass = Class.forName("io.legwatch.venue.deribit.DeribitDecoder$Output");
        Class<?> jsonClass = Class.forName("io.legwatch.venue.deribit.DeribitJson");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(decoderClass, MethodHandles.lookup());
        Object instruments = lookup.findConstructor(instrumentsClass, MethodType.methodType(void.class, VenueId.class))
                .invoke(VENUE);
        Field mapperField = jsonClass.getDeclaredField("MAPPER");
        mapperField.setAccessible(true);
        Field typeField = jsonClass.getDeclaredField("INSTRUMENTS");
        typeField.setAccessible(true);
        ObjectMapper json = (ObjectMapper) mapperField.get(null);
        JsonNode result = json.readTree(ParseSamples.read("deribit", "get-instruments-response.json")).get("result");
        Object metas = json.readValue(json.treeAsTokens(result),
                (com.fasterxml.jackson.core.type.TypeReference<?>) typeField.get(null));
        lookup.findVirtual(instrumentsClass, "addAll", MethodType.methodType(List.class, Collection.class))
                .invoke(instruments, metas);
        Object decoder = lookup.findConstructor(decoderClass,
                MethodType.methodType(void.class, VenueId.class, instrumentsClass)).invoke(VENUE, instruments);
        List<VenueEvent>[] sink = new List[1];
        Object output = Proxy.newProxyInstance(outputClass.getClassLoader(), new Class<?>[]{outputClass},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "event" -> sink[0].add((VenueEvent) args[0]);
                        case "malformed", "unknownInstrument" -> throw new IllegalStateException(
                                "deribit decoder refused a documented sample: " + List.of(args));
                        default -> { }
                    }
                    return null;
                });
        MethodHandle decode = lookup.findVirtual(decoderClass, "decode",
                        MethodType.methodType(void.class, String.class, long.class, outputClass))
                .bindTo(decoder).asType(MethodType.methodType(void.class, String.class, long.class, Object.class));
        return (text, recvNanos) -> {
            List<VenueEvent> out = new ArrayList<>(4);
            sink[0] = out;
            decode.invokeExact(text, recvNanos, output);
            return out;
        };
    }
}
