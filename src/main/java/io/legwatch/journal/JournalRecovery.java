package io.legwatch.journal;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the journal at start and finds flattens that were started and never finished (the app
 * stopped or crashed mid-flatten), with the orders each sent and which of those have no recorded
 * outcome. The flatten service re-verifies them against the venues and resumes them.
 */
public final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

    /** Record types the flatten service writes and recovery understands. */
    public static final String FLATTEN_STARTED = "flatten.started";
    public static final String FLATTEN_FINISHED = "flatten.finished";
    public static final String ORDER_SENT = "order.sent";
    public static final String ORDER_OUTCOME = "order.outcome";

    /**
     * A flatten with no finish record.
     *
     * @param plan        the plan as journaled at start
     * @param ordersSent  every order.sent record of the flatten, in order
     * @param inDoubt     client order ids sent without a recorded outcome: possibly filled
     */
    public record UnfinishedFlatten(String flattenId, long startedAtMs, String firedBy, JsonNode plan,
                                    List<JsonNode> ordersSent, Set<String> inDoubt) {
        public UnfinishedFlatten {
            ordersSent = List.copyOf(ordersSent);
            inDoubt = Set.copyOf(inDoubt);
        }
    }

    /** What recovery found; {@code problems} lists unreadable lines (a torn last line after a crash). */
    public record Report(List<UnfinishedFlatten> unfinished, List<String> problems) {
        public Report {
            unfinished = List.copyOf(unfinished);
            problems = List.copyOf(problems);
        }
    }

    private JournalRecovery() {
    }

    public static Report scan(Path dir) {
        Map<String, JsonNode> started = new LinkedHashMap<>();
        Set<String> finished = new LinkedHashSet<>();
        Map<String, List<JsonNode>> sent = new LinkedHashMap<>();
        Set<String> outcomes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files(dir)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(file.getFileName() + ": unreadable: " + e.getMessage());
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = Journal.MAPPER.readTree(line);
                } catch (IOException e) {
                    problems.add(file.getFileName() + " line " + (i + 1) + ": not JSON (torn write?)");
                    continue;
                }
                String type = n.path("type").asText();
                String fid = n.path("flattenId").asText(null);
                switch (type) {
                    case FLATTEN_STARTED -> started.putIfAbsent(fid, n);
                    case FLATTEN_FINISHED -> finished.add(fid);
                    case ORDER_SENT -> sent.computeIfAbsent(fid, k -> new ArrayList<>()).add(n);
                    case ORDER_OUTCOME -> outcomes.add(n.path("clientOrderId").asText());
                    default -> {
                    }
                }
            }
        }
        List<UnfinishedFlatten> out = new ArrayList<>();
        started.forEach((fid, n) -> {
            if (fid == null || finished.contains(fid)) {
                return;
            }
            List<JsonNode> orders = sent.getOrDefault(fid, List.of());
            Set<String> inDoubt = new LinkedHashSet<>();
            orders.forEach(o -> {
                String cid = o.path("clientOrderId").asText();
                if (!outcomes.contains(cid)) {
                    inDoubt.add(cid);
                }
            });
            out.add(new UnfinishedFlatten(fid, n.path("ts").asLong(), n.path("firedBy").asText(""), n.path("plan"),
                    orders, inDoubt));
        });
        if (!out.isEmpty()) {
            LOG.warn("journal recovery: {} unfinished flatten(s)", out.size());
        }
        return new Report(out, problems);
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(Journal.PREFIX) && name.endsWith(Journal.SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list journal directory " + dir, e);
        }
    }
}
