package io.legwatch.flatten;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** Unreadable journal lines found at start reach the trader as an alarm, not only the log. */
class RecoveryProblemsSimTest extends SimWorldTest {
    @Test
    void aTornLineInTheJournalRaisesOneAlarmAtRecovery() throws Exception {
        Files.writeString(dir.resolve("journal-2026-01-01.jsonl"),
                "{\"ts\":1,\"seq\":1,\"type\":\"action\"}\n{\"ts\":2,\"seq\":2,\"type\":\"order.se\n",
                StandardCharsets.UTF_8);
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);

        assertThat(world.killSwitch.recover()).isEmpty();

        assertThat(world.alarms).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(FlattenAlarm.Kind.JOURNAL_FAILED);
            assertThat(a.message()).contains("1 unreadable line(s)").contains("journal-2026-01-01.jsonl line 2");
        });
    }

    @Test
    void aCleanJournalRaisesNothing() {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);

        assertThat(world.killSwitch.recover()).isEmpty();

        assertThat(world.alarms).isEmpty();
    }
}
