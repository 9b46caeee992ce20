package io.legwatch.journal;

import io.legwatch.testing.Await;
import io.legwatch.testing.FaultyFileChannel;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UTC-midnight rollover against concurrent forces: a record is reported durable only after an
 * fsync of the file that holds it, and a force racing the rollover does not fail falsely.
 */
class JournalRolloverTest {
    private static final long MIDNIGHT = Instant.parse("2026-11-26T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final List<FaultyFileChannel> opened = new CopyOnWriteArrayList<>();

    private Journal journal(ManualTime clock) {
        return new Journal(dir, clock, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            opened.add(ch);
            return ch;
        });
    }

    @Test
    void aForceOfYesterdaysFileFinishingAfterTheRolloverDoesNotVouchForTodaysRecord() throws Exception {
        ManualTime clock = new ManualTime(MIDNIGHT - 1_000);
        try (Journal j = journal(clock)) {
            j.append("big", Map.of("pad", "x".repeat(4_000))); // yesterday's file is far longer than today's
            FaultyFileChannel yesterday = opened.get(0);
            CountDownLatch forcerInside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger yesterdayForces = new AtomicInteger();
            // The forcer's fsync completes, then the forcer is held before it can record what it forced.
            yesterday.afterForce = ch -> {
                if (yesterdayForces.incrementAndGet() == 1) {
                    forcerInside.countDown();
                    awaitQuietly(release);
                }
            };
            AtomicReference<Throwable> forcerFailed = new AtomicReference<>();
            Thread forcer = thread("forcer", j::force, forcerFailed);
            assertThat(forcerInside.await(10, TimeUnit.SECONDS)).isTrue();

            clock.advance(2_000); // past midnight: the next write rolls over to a new file
            AtomicReference<Throwable> writerFailed = new AtomicReference<>();
            Thread writer = thread("writer", () -> j.appendDurable("today", Map.of("n", 1)), writerFailed);
            Await.until(Duration.ofSeconds(10), () -> "today's record written",
                    () -> opened.size() == 2 && size(opened.get(1)) > 0);
            release.countDown();
            writer.join(10_000);
            forcer.join(10_000);

            assertThat(forcerFailed.get()).isNull();
            assertThat(writerFailed.get()).isNull();
            FaultyFileChannel today = opened.get(1);
            assertThat(today.forces.get()).as("fsyncs of the file holding today's record").isGreaterThanOrEqualTo(1);
            assertThat(today.forcedUpTo).isEqualTo(size(today));
        }
    }

    @Test
    void aForceOfYesterdaysFileThatTheRolloverClosedIsNotAFailure() throws Exception {
        ManualTime clock = new ManualTime(MIDNIGHT - 1_000);
        try (Journal j = journal(clock)) {
            j.append("yesterday", Map.of("n", 0));
            FaultyFileChannel yesterday = opened.get(0);
            CountDownLatch forcerInside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger calls = new AtomicInteger();
            // The forcer is held just before its fsync; meanwhile the rollover forces and closes the file.
            yesterday.beforeForce = ch -> {
                if (calls.incrementAndGet() == 1) {
                    forcerInside.countDown();
                    awaitQuietly(release);
                }
            };
            AtomicReference<Throwable> forcerFailed = new AtomicReference<>();
            Thread forcer = thread("forcer", j::force, forcerFailed);
            assertThat(forcerInside.await(10, TimeUnit.SECONDS)).isTrue();

            clock.advance(2_000);
            j.append("today", Map.of("n", 1)); // rollover: yesterday's file is forced and closed
            assertThat(yesterday.isOpen()).isFalse();
            assertThat(yesterday.forces.get()).isEqualTo(1); // the rollover's own fsync
            release.countDown();
            forcer.join(10_000);

            // Yesterday's records were forced by the rollover: the racing force has nothing to report.
            assertThat(forcerFailed.get()).isNull();
            j.force();
            assertThat(opened.get(1).forcedUpTo).isEqualTo(size(opened.get(1)));
        }
    }

    @Test
    void aRecordStampedBeforeMidnightThatArrivesAfterTheRolloverJoinsTheNewFile() throws Exception {
        ManualTime clock = new ManualTime(MIDNIGHT + 10);
        try (Journal j = new Journal(dir, clock, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            opened.add(ch);
            return ch;
        })) {
            j.append("r", Map.of("id", "after"));
            clock.advance(-20); // another thread read the clock just before midnight and got the lock second
            j.append("r", Map.of("id", "late"));
            j.force();
        }
        assertThat(opened).hasSize(1); // yesterday's file is not reopened
        assertThat(java.nio.file.Files.readString(opened.get(0).file)).contains("\"id\":\"after\"")
                .contains("\"id\":\"late\"");
    }

    @Test
    void concurrentWritersAcrossMidnightGetDurableOnlyAfterTheirOwnFileIsForced() throws Exception {
        ManualTime clock = new ManualTime(MIDNIGHT - 1_500);
        Map<String, long[]> where = new ConcurrentHashMap<>(); // id -> {file index, end offset}
        Pattern id = Pattern.compile("\"id\":\"([^\"]+)\"");
        List<String> violations = new CopyOnWriteArrayList<>();
        try (Journal j = new Journal(dir, clock, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file) {
                @Override
                public int write(java.nio.ByteBuffer src) throws IOException {
                    String text = java.nio.charset.StandardCharsets.UTF_8.decode(src.duplicate()).toString();
                    int n = super.write(src);
                    Matcher m = id.matcher(text);
                    if (m.find()) {
                        where.put(m.group(1), new long[] {opened.indexOf(this), position()});
                    }
                    return n;
                }
            };
            opened.add(ch);
            return ch;
        })) {
            int threads = 4;
            int each = 150;
            List<Thread> workers = new ArrayList<>();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                int tn = t;
                workers.add(thread("w" + t, () -> {
                    for (int i = 0; i < each; i++) {
                        String rid = tn + "-" + i;
                        clock.advance(5); // 600 writes x 5 ms: midnight falls in the middle
                        if (i % 3 == 0) {
                            j.appendDurable("r", Map.of("id", rid));
                            long[] at = where.get(rid);
                            FaultyFileChannel file = opened.get((int) at[0]);
                            if (file.forcedUpTo < at[1]) {
                                violations.add(rid + " reported durable at " + at[1] + " in " + file.file.getFileName()
                                        + " forced only to " + file.forcedUpTo);
                            }
                        } else if (i % 3 == 1) {
                            j.append("r", Map.of("id", rid));
                        } else {
                            j.force();
                        }
                    }
                }, failed));
            }
            for (Thread w : workers) {
                w.join(60_000);
            }
            assertThat(failed.get()).isNull();
        }
        assertThat(opened).hasSize(2);
        assertThat(violations).isEmpty();
        assertThat(where).hasSize(4 * 100);
    }

    private static Thread thread(String name, Runnable r, AtomicReference<Throwable> failed) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                failed.compareAndSet(null, e);
            }
        }, name);
        t.start();
        return t;
    }

    private static long size(FaultyFileChannel ch) {
        try {
            return java.nio.file.Files.size(ch.file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IOException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
