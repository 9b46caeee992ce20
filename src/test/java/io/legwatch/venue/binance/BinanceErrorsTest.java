package io.legwatch.venue.binance;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueError.Kind;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP status + Binance code -> error kind, per samples/binance/errors.md. */
class BinanceErrorsTest {
    private static final VenueId V = VenueId.of("binance-a");

    @ParameterizedTest(name = "HTTP {0} code {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "400 | -1021 | Timestamp for this request is outside of the recvWindow. | TIMESTAMP",
            "429 | -1003 | Too many requests; current limit is 2400 requests per minute. | RATE_LIMITED",
            "418 | -1003 | Way too many requests; IP banned until 1700000000000. | RATE_LIMITED",
            "400 | -1003 | Too many requests | RATE_LIMITED",
            "503 | -1008 | Request throttled by system-level protection. | RATE_LIMITED",
            "400 | -2022 | ReduceOnly Order is rejected. | REJECTED",
            "400 | -2019 | Margin is insufficient. | REJECTED",
            "400 | -4164 | Order's notional must be no smaller than 5.0 (unless you choose reduce only) | REJECTED",
            "400 | -1121 | Invalid symbol. | REJECTED",
            "401 | -2015 | Invalid API-key, IP, or permissions for action. | AUTH",
            "400 | -1022 | Signature for this request is not valid. | AUTH",
            "400 | -2014 | API-key format invalid. | AUTH",
            "408 | -1007 | Timeout waiting for response from backend server. | TIMEOUT",
    })
    void byCode(int http, int code, String msg, Kind kind) {
        VenueError e = BinanceErrors.classify(V, http, new BinanceRestParser.ErrorBody(code, msg), "ignored");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(Integer.toString(code));
        assertThat(e.message()).contains(msg);
        assertThat(e.venue()).isEqualTo(V);
    }

    @ParameterizedTest(name = "HTTP {0} without a body -> {1}")
    @CsvSource({"429, RATE_LIMITED", "418, RATE_LIMITED", "401, AUTH", "403, AUTH", "503, TIMEOUT", "502, NETWORK",
            "400, MALFORMED"})
    void byStatusWithoutBody(int http, Kind kind) {
        VenueError e = BinanceErrors.classify(V, http, null, "body was not JSON");
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo("HTTP " + http);
    }
}
