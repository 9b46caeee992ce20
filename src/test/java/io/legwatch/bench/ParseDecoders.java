package io.legwatch.bench;

import io.legwatch.domain.Fill;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.binance.BinanceMapper;
import io.legwatch.venue.binance.BinancePositionBook;
import io.legwatch.venue.binance.BinanceUserEvent;
import io.legwatch.venue.binance.BinanceUserStreamParser;
import io.legwatch.venue.deribit.DeribitBenchDecoder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Each venue's production decoder, from a text frame to engine events, set up as its connector
 * sets it up. The Bybit and OKX decoders are package-private, so they are reached through method
 * handles (inlined by the JIT like a direct call); Deribit's through a public test-side class in its
 * package.
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
     * {@code public/get_instruments} answer, as {@code DeribitConnector} does after connecting; its
     * callback is a plain implementation in the test package ({@link DeribitBenchDecoder}).
     */
    static FrameDecoder deribit() throws Throwable {
        DeribitBenchDecoder decoder = new DeribitBenchDecoder(VENUE, ParseSamples.read("deribit", "get-instruments-response.json"));
        return decoder::decode;
    }
}
