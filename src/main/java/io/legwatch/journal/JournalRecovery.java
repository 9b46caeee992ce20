package io.legwatch.journal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
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

    /** Every record starts with its timestamp ({@link Journal} writes it first); a string cannot contain it unescaped. */
    private static final String RECORD_START = "{\"ts\":";

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
                String where = file.getFileName() + " line " + (i + 1);
                for (JsonNode n : records(lines.get(i), where, problems)) {
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

    /**
     * The records on one line. Normally one; a write that failed part-way may have left a fragment
     * with a good record glued to its end (journals written before torn writes were cut back), so
     * an unreadable stretch is reported and reading resumes at the next record start.
     */
    static List<JsonNode> records(String line, String where, List<String> problems) {
        List<JsonNode> out = new ArrayList<>();
        int pos = 0;
        while (pos < line.length()) {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (pos == line.length()) {
                break;
            }
            String rest = line.substring(pos);
            try (JsonParser p = Journal.MAPPER.createParser(rest)) {
                JsonNode n = Journal.MAPPER.readTree(p);
                if (n == null || !n.isObject()) {
                    throw new JsonParseException(p, "not a record");
                }
                out.add(n);
                pos += (int) p.currentLocation().getCharOffset();
            } catch (IOException e) {
                problems.add(where + ": not JSON (torn write?)");
                int next = line.indexOf(RECORD_START, pos + 1);
                if (next < 0) {
                    break;
                }
                pos = next;
            }
        }
        return out;
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
