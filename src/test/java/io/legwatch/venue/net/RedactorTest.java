package io.legwatch.venue.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    @Test
    void masksTokensAndSecrets() {
        String raw = "{\"result\":{\"access_token\":\"1582628593469.1MbQ\",\"refresh_token\":\"xyz\"},"
                + "\"params\":{\"client_secret\" : \"W0H6\",\"signature\":\"abc\"},\"size\":\"10\"}";
        String safe = Redactor.redact(raw);
        assertThat(safe).doesNotContain("1582628593469.1MbQ", "xyz", "W0H6", "abc")
                .contains("\"access_token\":\"****\"", "\"size\":\"10\"");
    }

    @Test
    void truncatesLongMessages() {
        String safe = Redactor.redact("x".repeat(1000));
        assertThat(safe).hasSizeLessThan(400).endsWith("...(1000 chars)");
    }
}
