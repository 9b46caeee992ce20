package io.legwatch.venue.deribit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import java.io.IOException;
import java.util.List;

/** The one Jackson setup for Deribit payloads: snake_case, tolerant of fields we do not use. */
final class DeribitJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    static final TypeReference<List<DeribitWire.Position>> POSITIONS = new TypeReference<>() {
    };
    static final TypeReference<List<DeribitWire.Order>> ORDERS = new TypeReference<>() {
    };
    static final TypeReference<List<DeribitWire.Trade>> TRADES = new TypeReference<>() {
    };
    static final TypeReference<List<DeribitWire.InstrumentMeta>> INSTRUMENTS = new TypeReference<>() {
    };

    private DeribitJson() {
    }

    static DeribitWire.Envelope envelope(String text) throws IOException {
        return MAPPER.readValue(text, DeribitWire.Envelope.class);
    }

    static <T> T bind(TokenBuffer buffer, Class<T> type) throws IOException {
        return MAPPER.readValue(buffer.asParser(MAPPER), type);
    }

    static <T> T bind(TokenBuffer buffer, TypeReference<T> type) throws IOException {
        return MAPPER.readValue(buffer.asParser(MAPPER), type);
    }

    /** Binds a list, accepting a single object as a one-element list (raw vs aggregated channels). */
    static <T> List<T> bindList(TokenBuffer buffer, Class<T> element, TypeReference<List<T>> listType) throws IOException {
        if (buffer.firstToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
            return List.of(bind(buffer, element));
        }
        return bind(buffer, listType);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request", e);
        }
    }
}
