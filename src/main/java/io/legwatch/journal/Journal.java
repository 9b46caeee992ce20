package io.legwatch.journal;

import com.fasterxml.jackson.core.JsonEncoding;
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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * <p>Rollover: at UTC midnight the next write forces and closes the old file before it opens the
 * new one. Every written position carries the generation of the file it is in, so a force never
 * compares offsets of two different files and a record is reported durable only after an fsync
 * of the file that holds it.
 *
 * <p>Torn writes: when a write fails part-way (disk full), the file is truncated back to the end
 * of the last complete line; if even that fails, the next record starts on a new line. A fragment
 * therefore never swallows the record after it ({@link JournalRecovery} reports it as a problem).
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
    private static final Map<String, byte[]> QUOTED_TYPES = new ConcurrentHashMap<>();
    /**
     * Per-thread buffers for a record's body and its whole line: a flatten writes a record per
     * order and answer, the incident log one per status transition, and neither should cost a
     * String, a StringBuilder and a byte[] each.
     */
    private static final ThreadLocal<LineBuffer> BODIES = ThreadLocal.withInitial(LineBuffer::new);
    private static final ThreadLocal<LineBuffer> LINES = ThreadLocal.withInitial(LineBuffer::new);
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

    /** Opens a day file for reading and writing (injected so tests can make the disk fail). */
    @FunctionalInterface
    public interface ChannelOpener {
        FileChannel open(Path file) throws IOException;
    }

    /** The real opener: creates the file if missing; the journal positions itself at the end. */
    public static final ChannelOpener FILES = file -> FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.READ, StandardOpenOption.WRITE);

    /** An fsync failed (or cannot be vouched for): records written so far may not be on disk. */
    public static final class NotDurableException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        NotDurableException(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Where a record ends: the file (by generation) and the offset just past its newline. */
    private record Position(long generation, long end) {
    }

    private final Path dir;
    private final TimeSource time;
    private final ChannelOpener opener;
    private final Object writeLock = new Object();
    private final Object forceLock = new Object();
    // Guarded by writeLock.
    private FileChannel channel;
    private long day = -1;
    private long seq;
    /**
     * Bumped each time a file is opened. A file is only left behind (by a rollover) after it was
     * forced, so a position of an older generation is durable.
     */
    private long generation;
    /** Offset in the current file just past its last complete line. */
    private long written;
    /** Set when a failed write could not be cut back: the file may end in a fragment. */
    private boolean tornTail;
    /** Offset of the current file known to be on disk (only meaningful for {@code generation}). */
    private long forced;
    /**
     * Ends of ranges whose fsync failed. Linux may drop the failed pages and let a later fsync
     * succeed, so a record in such a range is never vouched for again (the list grows only on failures).
     */
    private final List<FsyncFailure> fsyncFailedUpTo = new ArrayList<>();

    /** A range whose fsync failed, with the error: a later record in it is refused with the same cause. */
    private record FsyncFailure(Position upTo, IOException cause) {
    }
    private boolean closed;

    public Journal(Path dir, TimeSource time) {
        this(dir, time, FILES);
    }

    public Journal(Path dir, TimeSource time, ChannelOpener opener) {
        this.dir = dir;
        this.time = time;
        this.opener = opener;
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
        force(write(type, fields));
    }

    /** Forces everything written so far to disk. */
    public void force() {
        Position upTo;
        synchronized (writeLock) {
            upTo = new Position(generation, written);
        }
        force(upTo);
    }

    private void force(Position upTo) {
        synchronized (forceLock) {
            FileChannel ch;
            long end;
            synchronized (writeLock) {
                failIfFsyncFailedBefore(upTo);
                if (upTo.generation() != generation) {
                    return; // its file was forced before the rollover left it behind
                }
                if (forced >= upTo.end()) {
                    return; // another caller's fsync already covered this line
                }
                ch = channel;
                end = written;
            }
            if (ch == null) {
                throw new NotDurableException("journal in " + dir + " was closed without its fsync",
                        new IOException("not open"));
            }
            try {
                ch.force(false);
            } catch (IOException e) {
                synchronized (writeLock) {
                    if (upTo.generation() != generation) {
                        return; // a rollover closed this file under us, after forcing it itself
                    }
                    fsyncFailedUpTo.add(new FsyncFailure(new Position(generation, end), e));
                }
                throw new NotDurableException("journal fsync failed in " + dir, e);
            }
            synchronized (writeLock) {
                // Only if the file is still the one forced: a rollover in between resets the offsets.
                if (upTo.generation() == generation && ch == channel) {
                    forced = Math.max(forced, end);
                }
            }
        }
    }

    private void failIfFsyncFailedBefore(Position p) {
        for (FsyncFailure failed : fsyncFailedUpTo) {
            if (failed.upTo().generation() == p.generation() && p.end() <= failed.upTo().end()) {
                // The original error as the cause: whichever caller reports first names the real problem
                // (a caller here can beat the failing fsync's own caller to the report).
                throw new NotDurableException("journal fsync failed in " + dir
                        + " earlier for this record; it cannot be vouched for", failed.cause());
            }
        }
    }

    private Position write(String type, Map<String, ?> fields) {
        LineBuffer body = BODIES.get();
        body(fields, body); // serialized outside the lock: writers only queue for the syscall
        byte[] quotedType = QUOTED_TYPES.computeIfAbsent(type, Journal::quote); // a handful of types, quoted once
        long now = time.millis();
        String at = Instant.ofEpochMilli(now).toString();
        synchronized (writeLock) {
            LineBuffer line = LINES.get();
            line.reset();
            FileChannel ch;
            long start;
            if (closed) {
                throw new UncheckedIOException("journal in " + dir + " is closed", new ClosedChannelException());
            }
            try {
                ch = channelFor(now);
                if (tornTail) {
                    // A failed write could not be cut back: end its fragment so this record gets a line of its own.
                    start = ch.size();
                    ch.position(start);
                    line.write('\n');
                } else {
                    start = written;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("journal write failed in " + dir, e);
            }
            line.ascii("{\"ts\":").number(now).ascii(",\"at\":\"").ascii(at).ascii("\",\"seq\":").number(seq + 1)
                    .ascii(",\"type\":").bytes(quotedType);
            if (body.size() > 2) {
                line.write(',');
                line.write(body.array(), 1, body.size() - 1); // the fields, without the body's own '{'
            } else {
                line.write('}');
            }
            line.write('\n');
            try {
                ByteBuffer buf = line.asByteBuffer();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            } catch (IOException e) {
                cutBack(ch, start);
                throw new UncheckedIOException("journal write failed in " + dir, e);
            }
            seq++;
            tornTail = false;
            written = start + line.size();
            return new Position(generation, written);
        }
    }

    /** After a failed write: remove its fragment, or remember that the file may end in one. */
    private void cutBack(FileChannel ch, long lastCompleteLine) {
        try {
            ch.truncate(lastCompleteLine);
            ch.position(lastCompleteLine);
            written = lastCompleteLine;
        } catch (IOException | RuntimeException e) {
            LOG.error("journal in {}: a failed write could not be cut back; the next record starts on a new line",
                    dir, e);
            tornTail = true;
        }
    }

    /**
     * The fields as one JSON object (UTF-8) into {@code out}, credential-looking fields replaced,
     * nested maps and lists included.
     */
    private static void body(Map<String, ?> fields, LineBuffer out) {
        out.reset();
        try (JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            value(g, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("journal record could not be serialized", e);
        }
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

    private static byte[] quote(String s) {
        try {
            return MAPPER.writeValueAsBytes(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileChannel channelFor(long nowMs) throws IOException {
        long today = Math.floorDiv(nowMs, 86_400_000L);
        // Never back to an earlier day: a writer that read the clock just before midnight can reach
        // the lock after another has rolled over; its record joins the new file (its "ts" still says
        // when) instead of reopening yesterday's and flipping between the two.
        if (channel != null && today <= day) {
            return channel;
        }
        if (channel != null) {
            // Forced before it is left behind: a position in it is durable once its generation is past.
            try {
                channel.force(false);
            } catch (IOException e) {
                fsyncFailedUpTo.add(new FsyncFailure(new Position(generation, written), e));
                throw new NotDurableException("journal fsync at the day's rollover failed in " + dir, e);
            }
            forced = written;
            leaveCurrentFile();
        }
        Path file = dir.resolve(PREFIX + Instant.ofEpochMilli(nowMs).atZone(ZoneOffset.UTC).toLocalDate() + SUFFIX);
        FileChannel ch = opener.open(file);
        try {
            long size = ch.size();
            ch.position(size);
            // A file from an earlier run may end in a fragment (a crash mid-write): start on a new line.
            tornTail = size > 0 && !endsWithNewline(ch, size);
            written = size;
            forced = size; // what was there before this run is not ours to vouch for, nor to force again
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        day = today;
        generation++;
        LOG.info("journal file {}", file);
        return channel;
    }

    private static boolean endsWithNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return ch.read(last, size - 1) == 1 && last.get(0) == '\n';
    }

    /** Closes the current file; callers have forced it (or, at close, failed to and said so). */
    private void leaveCurrentFile() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing journal file in {} failed", dir, e);
        } finally {
            channel = null;
            day = -1;
        }
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
                closed = true;
                if (channel == null) {
                    return;
                }
                try {
                    channel.force(false);
                    forced = written;
                } catch (IOException e) {
                    // forced stays behind: a later force of these records fails instead of vouching for them.
                    fsyncFailedUpTo.add(new FsyncFailure(new Position(generation, written), e));
                    LOG.error("journal fsync at close failed in {}", dir, e);
                }
                leaveCurrentFile();
            }
        }
    }
}
