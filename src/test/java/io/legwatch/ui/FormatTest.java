package io.legwatch.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {
    private final Format format = new Format();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1234.5     | +1,234.5000",
            "-0.01      | \u22120.0100",
            "0          | 0.0000",
            "-0.00001   | 0.0000",
            "NaN        | unknown",
    })
    void quantitiesHaveFixedDecimalsAndAVisibleSign(double v, String expected) {
        assertThat(format.qty(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "65000.4    | +65,000",
            "-1234567.8 | \u22121,234,568",
            "0.3        | 0",
            "NaN        | unknown",
    })
    void usdIsWholeDollarsWithSeparators(double v, String expected) {
        assertThat(format.usd(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0       | 0.0s",
            "-5      | 0.0s",
            "450     | 0.4s",
            "9999    | 9.9s",
            "12500   | 12s",
            "245000  | 4m05s",
            "7380000 | 2h03m",
    })
    void agesAreCompact(long ms, String expected) {
        assertThat(Format.age(ms)).isEqualTo(expected);
    }
}
