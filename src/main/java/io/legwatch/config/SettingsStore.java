package io.legwatch.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Loads and saves {@link UserSettings} as one JSON document. Saves are debounced (a window drag
 * produces hundreds of changes; we write once it settles) and atomic (temp file + move), so a
 * crash mid-write never leaves a half-written file. Thread-safe.
 */
public final class SettingsStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Duration debounce;
    private final ScheduledExecutorService writer;
    private UserSettings current;
    private ScheduledFuture<?> pendingSave;
    private boolean closed;

    public SettingsStore(Path file, Duration debounce) {
        this.file = file;
        this.debounce = debounce;
        this.current = load(file);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settings-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public synchronized UserSettings get() {
        return current;
    }

    /** Applies {@code change} now and schedules a save once changes have been quiet for the debounce period. */
    public synchronized void update(UnaryOperator<UserSettings> change) {
        UserSettings next = change.apply(current);
        if (next.equals(current) || closed) {
            return;
        }
        current = next;
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        pendingSave = writer.schedule(this::saveNow, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes any pending change now (on close, and for tests). */
    public void flush() {
        ScheduledFuture<?> pending;
        synchronized (this) {
            pending = pendingSave;
            pendingSave = null;
        }
        if (pending != null && pending.cancel(false)) {
            saveNow();
        }
    }

    @Override
    public void close() {
        flush();
        synchronized (this) {
            closed = true;
        }
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void saveNow() {
        UserSettings snapshot = get();
        try {
            write(file, snapshot);
        } catch (IOException e) {
            log.warn("Could not save settings to {}: {}", file, e.toString());
        }
    }

    static void write(Path file, UserSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ObjectNode root = JSON.createObjectNode();
        ObjectNode window = root.putObject("window");
        if (settings.hasWindowPosition()) {
            window.put("x", settings.windowX());
            window.put("y", settings.windowY());
        }
        window.put("width", settings.windowWidth());
        window.put("height", settings.windowHeight());
        window.put("maximized", settings.maximized());
        ObjectNode columns = root.putObject("columnWidths");
        settings.columnWidths().forEach(columns::put);
        root.putObject("alarm").put("muted", settings.alarmMuted());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
        try {
            Files.write(tmp, JSON.writeValueAsBytes(root));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads the file; a missing file gives defaults, a broken one gives defaults and a clear warning. */
    static UserSettings load(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return UserSettings.DEFAULT;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring unreadable settings file {} ({}); using defaults", file, e.getMessage());
            return UserSettings.DEFAULT;
        }
    }

    static UserSettings parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("settings must be a JSON object");
        }
        UserSettings d = UserSettings.DEFAULT;
        JsonNode w = root.path("window");
        double x = w.path("x").isNumber() ? w.path("x").asDouble() : Double.NaN;
        double y = w.path("y").isNumber() ? w.path("y").asDouble() : Double.NaN;
        double width = w.path("width").isNumber() ? w.path("width").asDouble() : d.windowWidth();
        double height = w.path("height").isNumber() ? w.path("height").asDouble() : d.windowHeight();
        Map<String, Double> widths = new LinkedHashMap<>();
        root.path("columnWidths").properties().forEach(e -> {
            if (e.getValue().isNumber() && e.getValue().asDouble() > 0) {
                widths.put(e.getKey(), e.getValue().asDouble());
            }
        });
        boolean muted = root.path("alarm").path("muted").asBoolean(d.alarmMuted());
        return new UserSettings(x, y, width, height, w.path("maximized").asBoolean(false), widths, muted);
    }
}
