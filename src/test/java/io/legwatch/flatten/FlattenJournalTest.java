package io.legwatch.flatten;

import io.legwatch.journal.Journal;
import io.legwatch.testing.FaultyFileChannel;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Who is told about a journal failure, and when no longer. */
class FlattenJournalTest {
    @TempDir
    Path dir;

    @Test
    void anFsyncFailingAfterAFlattenFinishedRaisesNoSecondAlarmForIt() {
        ManualTime time = new ManualTime(1_795_622_400_000L);
        List<FlattenAlarm> alarms = new CopyOnWriteArrayList<>();
        try (Journal journal = new Journal(dir, time, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            ch.beforeForce = c -> {
                throw new IOException("Input/output error");
            };
            return ch;
        })) {
            FlattenJournal fj = new FlattenJournal(journal, alarms::add, time);
            journal.append("x", Map.of());
            fj.force("f-1");                       // the flatten's own fsync fails: told once
            assertThat(fj.failure("f-1", 0)).contains("Input/output error");
            fj.forget("f-1");                      // its result has told the trader

            // The start-of-flatten fsync can run late, on another flatten thread, after the result.
            fj.force("f-1");

            assertThat(alarms).filteredOn(a -> a.kind() == FlattenAlarm.Kind.JOURNAL_FAILED).hasSize(1);
            assertThat(fj.failure("f-1", 0)).isNull();
        }
    }
}
