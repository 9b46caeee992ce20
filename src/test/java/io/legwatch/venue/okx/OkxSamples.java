package io.legwatch.venue.okx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documented OKX payloads copied from /work/shared/venues/samples/okx (see SOURCES.md there). */
final class OkxSamples {
    private OkxSamples() {
    }

    static String load(String name) {
        try (InputStream in = OkxSamples.class.getResourceAsStream("/venues/okx/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with insignificant whitespace removed, to compare with what we build. */
    static String compact(String name) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (char c : load(name).toCharArray()) {
            if (c == '"') {
                inString = !inString;
            }
            if (inString || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
