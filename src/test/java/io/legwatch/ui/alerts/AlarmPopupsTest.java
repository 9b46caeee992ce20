package io.legwatch.ui.alerts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Popup text that fits on screen, and titles that read right. */
class AlarmPopupsTest {
    @Test
    void aLongReasonIsBrokenIntoLinesWithoutLosingAWord() {
        String reason = "net USD delta out of tolerance past the 3000 ms grace";
        String wrapped = AlarmPopups.wrap(reason);
        assertThat(wrapped.split("\n")).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(40));
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(reason);
        assertThat(AlarmPopups.wrap("short reason")).isEqualTo("short reason");
        assertThat(AlarmPopups.wrap(null)).isNull();
    }

    @Test
    void summaryTitlesCountInEnglish() {
        assertThat(AlarmPopups.summaryTitle(1)).isEqualTo("1 more strategy needs attention");
        assertThat(AlarmPopups.summaryTitle(7)).isEqualTo("7 strategies need attention");
    }
}
