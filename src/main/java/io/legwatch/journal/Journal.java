package io.legwatch.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only audit journal: one JSON object per line, one file per UTC day
 * ({@code journal-YYYY-MM-DD.jsonl}) in the directory it is given.
 *
 * <p>Durability: {@link #append} hands the line to the OS at once (it survives a crash of this
 * process) and {@link #appendDurable} additionally forces it to disk before returning; forces are
 * coalesced, so one fsync covers every line written before it. Callers use {@code appendDurable}
 * (or {@link #force}) before they report an action done.
 *
 * <p>Secrets: any field whose name looks like a credential is replaced by {@code "***"} before the
 * line is written, wherever it is nested. Legwatch never passes credentials here; this is the belt
 * to that braces.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String PREFIX = "journal-";
    static final String SUFFIX = ".jsonl";
    private static final List<String> SECRET_WORDS =
            List.of("secret", "apikey", "passphrase", "password", "signature", "token", "credential");
    /** Field names seen so far and whether they look like credentials (names are few; lines are many). */
    private static final Map<String, Boolean> SECRET_NAMES = new ConcurrentHashMap<>();
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

    private final Path dir;
    private final TimeSource time;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    private FileChannel channel;
    private long day = -1;
    private long seq;
    /** Bytes written to the current channel; only grows while the channel is current. */
    private long written;
    private volatile long forced;

    public Journal(Path dir, TimeSource time) {
        this.dir = dir;
        this.time = time;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create journal directory " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Writes one record now (visible after a crash of this process); fsync comes with the next force. */
    public void append(String type, Map<String, ?> fields) {
        write(type, fields);
    }

    /** Writes one record and forces it to disk before returning. */
    public void appendDurable(String type, Map<String, ?> fields) {
        long end = write(type, fields);
        force(end);
    }

    /** Forces everything written so far to disk. */
    public void force() {
        long end;
        synchronized (writeLock) {
            end = written;
        }
        force(end);
    }

    private void force(long upTo) {
        synchronized (forceLock) {
            if (forced >= upTo) {
                return; // another caller's fsync already covered this line
            }
            FileChannel ch;
            long end;
            synchronized (writeLock) {
                ch = channel;
                end = written;
            }
            if (ch == null) {
                return;
            }
            try {
                ch.force(false);
                forced = end;
            } catch (IOException e) {
                throw new UncheckedIOException("journal fsync failed in " + dir, e);
            }
        }
    }

    private long write(String type, Map<String, ?> fields) {
        String body = body(fields); // serialized outside the lock: writers only queue for the syscall
        long now = time.millis();
        synchronized (writeLock) {
            StringBuilder sb = new StringBuilder(body.length() + 96).append("{\"ts\":").append(now)
                    .append(",\"at\":\"").append(Instant.ofEpochMilli(now)).append("\",\"seq\":").append(++seq)
                    .append(",\"type\":").append(quote(type));
            if (body.length() > 2) {
                sb.append(',').append(body, 1, body.length());
            } else {
                sb.append('}');
            }
            byte[] line = sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            try {
                FileChannel ch = channelFor(now);
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                written += line.length;
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("journal write failed in " + dir, e);
            }
        }
    }

    /** The fields as one JSON object, credential-looking fields replaced, nested maps and lists included. */
    private static String body(Map<String, ?> fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            value(g, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("journal record could not be serialized", e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                g.writeFieldName(name);
                if (SECRET_NAMES.computeIfAbsent(name, Journal::looksSecret)) {
                    g.writeString("***");
                } else {
                    value(g, e.getValue());
                }
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v == null) {
            g.writeNull();
        } else if (v instanceof String str) {
            g.writeString(str);
        } else if (v instanceof Double d) {
            g.writeNumber(d); // NaN is written as the string "NaN" (WRITE_NAN_AS_STRINGS): JSON has no NaN
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            // Anything else (a record, an enum) goes through a tree so its fields are scrubbed too.
            JsonNode tree = MAPPER.valueToTree(v);
            scrub(tree);
            g.writeTree(tree);
        }
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel channelFor(long nowMs) throws IOException {
        long today = Math.floorDiv(nowMs, 86_400_000L);
        if (channel != null && today == day) {
            return channel;
        }
        if (channel != null) {
            channel.force(false);
            channel.close();
        }
        day = today;
        Path file = dir.resolve(PREFIX + Instant.ofEpochMilli(nowMs).atZone(ZoneOffset.UTC).toLocalDate() + SUFFIX);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        written = 0;
        forced = 0;
        LOG.info("journal file {}", file);
        return channel;
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (SECRET_NAMES.computeIfAbsent(e.getKey(), Journal::looksSecret)) {
                    e.setValue(obj.textNode("***"));
                } else {
                    scrub(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Journal::scrub);
        }
    }

    private static boolean looksSecret(String fieldName) {
        String n = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (String w : SECRET_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        synchronized (forceLock) {
            synchronized (writeLock) {
                if (channel == null) {
                    return;
                }
                try {
                    channel.force(false);
                    channel.close();
                } catch (IOException e) {
                    LOG.error("closing journal in {} failed", dir, e);
                } finally {
                    channel = null;
                }
            }
        }
    }
}
