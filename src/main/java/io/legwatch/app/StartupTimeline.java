package io.legwatch.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Milestones of one start-up (first line of main, toolkit up, theme, scene built, first frame ...),
 * each with the wall time since the process started and the process's CPU time so far, so the log
 * says where start-up time goes (packaging/start-time.sh collects the line). CPU time is reported
 * beside wall time because on a busy machine the wall time mostly measures the other processes.
 *
 * <p>Uses {@link ProcessHandle} (java.base, cheap) rather than java.management, whose classes would
 * cost start-up time themselves. Process start comes from the OS at clock-tick resolution (10 ms on Linux).
 */
public final class StartupTimeline {
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTimeline() {
    }

    /** Records a milestone now; cheap enough (one /proc read on Linux) to call a handful of times. */
    public static void mark(String name) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<Instant> started = info.startInstant();
        long wall = started.map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        synchronized (MARKS) {
            MARKS.add(name + " " + wall + "/" + cpu);
        }
    }

    /**
     * The milestones so far, e.g. {@code main 130/90, toolkit 610/700, ...} (wall ms since the
     * process started / process CPU ms).
     */
    public static String summary() {
        synchronized (MARKS) {
            return String.join(", ", MARKS);
        }
    }
}
