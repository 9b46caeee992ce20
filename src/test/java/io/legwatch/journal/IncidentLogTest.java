package io.legwatch.journal;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.testing.FaultyFileChannel;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Status transitions are journaled and fsynced without the incident thread falling behind a burst. */
class IncidentLogTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfTransitionsIsWrittenInFullAndForcedOncePerBurst() throws Exception {
        ManualTime time = new ManualTime(1_795_622_400_000L);
        CountDownLatch firstWriteHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<FaultyFileChannel> channel = new AtomicReference<>();
        try (Journal journal = new Journal(dir, time, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            ch.beforeWrite = c -> {
                firstWriteHeld.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS); // the disk is slow while the burst arrives
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            channel.set(ch);
            return ch;
        }); IncidentLog log = new IncidentLog(journal, time)) {
            log.onTransition("s0", HedgeStatus.HEDGED, HedgeStatus.LEGGING, time.millis(), 10, "first");
            assertThat(firstWriteHeld.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 200; i++) {
                log.onTransition("s" + i, HedgeStatus.HEDGED, HedgeStatus.NAKED, time.millis(), 1_000, "burst");
            }
            release.countDown();
            log.close(); // waits for what was handed over

            FaultyFileChannel ch = channel.get();
            long lines = Files.readAllLines(ch.file).stream().filter(l -> l.contains("\"type\":\"transition\"")).count();
            assertThat(lines).isEqualTo(201);
            assertThat(ch.forcedUpTo).isEqualTo(Files.size(ch.file)); // every line is on disk
            // One fsync for the first record, one for the burst (a slack of one for the thread's timing).
            assertThat(ch.forces.get()).isBetween(1, 3);
        }
    }
}
