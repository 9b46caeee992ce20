package io.legwatch.journal;

import io.legwatch.testing.FaultyFileChannel;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A write that fails part-way (disk full) never costs the records written after it. */
class JournalTornWriteTest {
    private static final long NOON = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final List<FaultyFileChannel> opened = new CopyOnWriteArrayList<>();

    private Journal journal() {
        return new Journal(dir, new ManualTime(NOON), file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            opened.add(ch);
            return ch;
        });
    }

    private static Map<String, Object> started(String flattenId) {
        return Map.of("flattenId", flattenId, "firedBy", "user:t", "plan", Map.of());
    }

    @Test
    void aFailedWriteIsCutBackSoTheNextRecordIsIntact() throws Exception {
        try (Journal j = journal()) {
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("aaaaaaaaa"));
            opened.get(0).failNextWriteAfter = 12;
            assertThatThrownBy(() -> j.append(JournalRecovery.ORDER_SENT,
                    Map.of("flattenId", "aaaaaaaaa", "clientOrderId", "c1")))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("journal write failed");
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("bbbbbbbbb"));
        }

        List<String> lines = Files.readAllLines(onlyFile(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"ts\":").endsWith("}"));
        JournalRecovery.Report report = JournalRecovery.scan(dir);
        assertThat(report.problems()).isEmpty();
        assertThat(report.unfinished()).extracting(JournalRecovery.UnfinishedFlatten::flattenId)
                .containsExactly("aaaaaaaaa", "bbbbbbbbb");
    }

    @Test
    void whenTheFragmentCannotBeCutBackTheNextRecordStartsOnANewLine() throws Exception {
        try (Journal j = journal()) {
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("aaaaaaaaa"));
            FaultyFileChannel ch = opened.get(0);
            ch.failNextWriteAfter = 12;
            ch.beforeTruncate = c -> {
                throw new IOException("read-only file system");
            };
            assertThatThrownBy(() -> j.append(JournalRecovery.ORDER_SENT,
                    Map.of("flattenId", "aaaaaaaaa", "clientOrderId", "c1")))
                    .isInstanceOf(UncheckedIOException.class);
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("bbbbbbbbb"));
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("ccccccccc"));
        }

        List<String> lines = Files.readAllLines(onlyFile(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).hasSize(12); // the fragment, alone on its line
        JournalRecovery.Report report = JournalRecovery.scan(dir);
        assertThat(report.problems()).singleElement().asString().contains("line 2").contains("not JSON");
        assertThat(report.unfinished()).extracting(JournalRecovery.UnfinishedFlatten::flattenId)
                .containsExactly("aaaaaaaaa", "bbbbbbbbb", "ccccccccc");
    }

    @Test
    void aFileLeftWithAFragmentByAnEarlierRunGetsItsNextRecordOnANewLine() throws Exception {
        try (Journal j = journal()) {
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("aaaaaaaaa"));
        }
        Files.writeString(onlyFile(), "{\"ts\":1,\"type\":\"order.se", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND); // the earlier run crashed mid-write
        try (Journal j = journal()) {
            j.appendDurable(JournalRecovery.FLATTEN_STARTED, started("bbbbbbbbb"));
        }

        JournalRecovery.Report report = JournalRecovery.scan(dir);
        assertThat(report.problems()).singleElement().asString().contains("line 2");
        assertThat(report.unfinished()).extracting(JournalRecovery.UnfinishedFlatten::flattenId)
                .containsExactly("aaaaaaaaa", "bbbbbbbbb");
    }

    @Test
    void recoveryKeepsAGoodRecordGluedToAFragmentByAnOlderVersion() throws Exception {
        String good = "{\"ts\":5,\"seq\":2,\"type\":\"flatten.started\",\"flattenId\":\"bbbbbbbbb\",\"plan\":{\"ts\":1}}";
        String alsoGood = "{\"ts\":6,\"seq\":3,\"type\":\"flatten.started\",\"flattenId\":\"ccccccccc\",\"plan\":{}}";
        Files.writeString(dir.resolve("journal-2026-11-25.jsonl"),
                "{\"ts\":4,\"seq\":1,\"type\":\"order.se" + good + "\n"
                        + alsoGood.replace("ccccccccc", "ddddddddd") + alsoGood + "\n", // a lost newline only
                StandardCharsets.UTF_8);

        JournalRecovery.Report report = JournalRecovery.scan(dir);

        assertThat(report.problems()).singleElement().asString().contains("line 1").contains("not JSON");
        assertThat(report.unfinished()).extracting(JournalRecovery.UnfinishedFlatten::flattenId)
                .containsExactly("bbbbbbbbb", "ddddddddd", "ccccccccc");
    }

    @Test
    void aFailedFsyncIsNeverVouchedForByALaterOne() throws Exception {
        try (Journal j = journal()) {
            FaultyFileChannel ch;
            j.append("a", Map.of("n", 1));
            ch = opened.get(0);
            ch.beforeForce = c -> {
                throw new IOException("EIO");
            };
            assertThatThrownBy(() -> j.appendDurable("b", Map.of("n", 2))).isInstanceOf(UncheckedIOException.class);
            ch.beforeForce = c -> { };
            // The disk recovered, but the pages of the failed fsync may be gone: b is not vouched for again.
            assertThatThrownBy(j::force).isInstanceOf(UncheckedIOException.class).hasMessageContaining("earlier");
            j.appendDurable("c", Map.of("n", 3)); // a record after the failure is durable as usual
            assertThat(ch.forces.get()).isEqualTo(1);
        }
    }

    private Path onlyFile() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }
}
