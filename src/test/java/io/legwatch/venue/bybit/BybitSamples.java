package io.legwatch.venue.bybit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documented Bybit payloads copied from /work/shared/venues/samples/bybit (see SOURCES.md there). */
final class BybitSamples {
    private BybitSamples() {
    }

    static String load(String name) {
        try (InputStream in = BybitSamples.class.getResourceAsStream("/venues/bybit/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
