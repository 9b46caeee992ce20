package io.legwatch.journal;

import io.legwatch.domain.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void findsUnfinishedFlattensWithInDoubtOrdersAndSurvivesATornLastLine() throws Exception {
        try (Journal j = new Journal(dir, TimeSource.SYSTEM)) {
            j.appendDurable("flatten.started", Map.of("flattenId", "aaaaaaaaa", "firedBy", "user:a", "plan", Map.of()));
            j.append("order.sent", Map.of("flattenId", "aaaaaaaaa", "clientOrderId", "c1", "leg", 0, "attempt", 1));
            j.append("order.outcome", Map.of("flattenId", "aaaaaaaaa", "clientOrderId", "c1", "state", "REJECTED"));
            j.appendDurable("flatten.finished", Map.of("flattenId", "aaaaaaaaa"));
            j.appendDurable("flatten.started", Map.of("flattenId", "bbbbbbbbb", "firedBy", "auto:x", "plan", Map.of()));
            j.append("order.sent", Map.of("flattenId", "bbbbbbbbb", "clientOrderId", "c2", "leg", 0, "attempt", 1));
            j.append("order.outcome", Map.of("flattenId", "bbbbbbbbb", "clientOrderId", "c2", "state", "EXPIRED"));
            j.append("order.sent", Map.of("flattenId", "bbbbbbbbb", "clientOrderId", "c3", "leg", 0, "attempt", 2));
        }
        Path file;
        try (var files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        assertThat(file.getFileName().toString()).matches("journal-\\d{4}-\\d{2}-\\d{2}\\.jsonl");
        Files.writeString(file, "{\"type\":\"order.out", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        JournalRecovery.Report report = JournalRecovery.scan(dir);

        assertThat(report.unfinished()).singleElement().satisfies(u -> {
            assertThat(u.flattenId()).isEqualTo("bbbbbbbbb");
            assertThat(u.firedBy()).isEqualTo("auto:x");
            assertThat(u.ordersSent()).hasSize(2);
            assertThat(u.inDoubt()).containsExactly("c3");
        });
        assertThat(report.problems()).singleElement().asString().contains("not JSON");
    }

    @Test
    void emptyOrMissingDirectoryHasNothingToRecover() {
        assertThat(JournalRecovery.scan(dir.resolve("nope")).unfinished()).isEmpty();
        assertThat(JournalRecovery.scan(dir).unfinished()).isEmpty();
    }
}
