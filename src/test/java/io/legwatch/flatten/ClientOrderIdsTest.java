package io.legwatch.flatten;

import io.legwatch.domain.TimeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIdsTest {
    /** The strictest venue rule we know (OKX clOrdId): letters and digits only, 1..32. */
    static final Pattern OKX = Pattern.compile("[A-Za-z0-9]{1,32}");

    @ParameterizedTest
    @CsvSource({
            "000000000, 0, 1, lw00000000000001",
            "mww8m50q0, 0, 1, lwmww8m50q000001",
            "mww8m50q0, 1, 2, lwmww8m50q000102",
            "mww8m50q0, 199, 3, lwmww8m50q005j03",
            "zzzzzzzzz, 46655, 1295, lwzzzzzzzzzzzzzz",
    })
    void deterministicWithinEveryVenuesLimitsAndParsedBack(String flattenId, int leg, int attempt, String expected) {
        String id = ClientOrderIds.of(flattenId, leg, attempt);
        assertThat(id).isEqualTo(ClientOrderIds.of(flattenId, leg, attempt));
        assertThat(id).hasSize(16).isEqualTo(expected);
        assertThat(id.length()).isLessThanOrEqualTo(ClientOrderIds.MAX_LENGTH);
        assertThat(ClientOrderIds.ALLOWED.matcher(id).matches()).isTrue();
        assertThat(OKX.matcher(id).matches()).isTrue();
        assertThat(ClientOrderIds.parse(id)).contains(new ClientOrderIds.Parsed(flattenId, leg, attempt));
    }

    @Test
    void everyLegAndAttemptGetsItsOwnId() {
        Set<String> ids = new HashSet<>();
        for (int leg = 0; leg < 200; leg++) {
            for (int attempt = 1; attempt <= 40; attempt++) {
                assertThat(ids.add(ClientOrderIds.of("mww8m50q0", leg, attempt))).isTrue();
            }
        }
    }

    @Test
    void outOfRangeIsRefusedNotTruncated() {
        assertThatThrownBy(() -> ClientOrderIds.of("mww8m50q0", 46_656, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderIds.of("mww8m50q0", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderIds.of("MWW8M50Q0", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderIds.of("short", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientOrderIds.parse("bot-1")).isEmpty();
        assertThat(ClientOrderIds.parse(null)).isEmpty();
    }

    @Test
    void flattenIdsStrictlyIncreaseEvenWithinOneMillisecond() {
        TestClock clock = new TestClock(1_767_225_600_000L);
        FlattenIds ids = new FlattenIds(clock);
        String a = ids.next();
        String b = ids.next();
        clock.advance(1);
        String c = ids.next();
        assertThat(a).hasSize(9).matches("[0-9a-z]{9}");
        assertThat(b.compareTo(a)).isPositive();
        assertThat(c.compareTo(b)).isPositive();
        // A restart later in time never reuses an earlier run's ids.
        assertThat(new FlattenIds(TimeSource.SYSTEM).next().compareTo(c)).isPositive();
    }
}
