package io.legwatch.venue.net;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What of an error body reaches the alarms log: one readable line, never a whole HTML page. */
class HttpErrorsTest {
    private static final String CDN_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <TITLE>503 Service
                 Temporarily Unavailable</TITLE>
              <style>body { font-family: sans-serif; }</style>
            </head>
            <body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service your
            request due to maintenance downtime or capacity problems. Please try again later.</p></body>
            </html>
            """;

    @Test
    void anHtmlErrorPageIsShownByItsTitle() {
        VenueError e = HttpErrors.fromStatus(VenueId.of("okx-main"), 503, CDN_PAGE);
        assertThat(e.kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(e.message()).isEqualTo(
                "HTTP 503 venue unavailable: HTML error page \"503 Service Temporarily Unavailable\"");
    }

    @Test
    void otherBodiesAreOneLine() {
        assertThat(HttpErrors.readable("<html><body>oops</body></html>")).isEqualTo("an HTML error page");
        assertThat(HttpErrors.readable("  upstream   connect error\n or disconnect  "))
                .isEqualTo("upstream connect error or disconnect");
        assertThat(HttpErrors.readable("")).isEmpty();
        assertThat(HttpErrors.readable(null)).isEmpty();
    }

    @Test
    void aLongBodyIsCutToOneLine() {
        String shown = HttpErrors.readable("x".repeat(5_000));
        assertThat(shown).hasSize(303).endsWith("...");
    }
}
