package io.legwatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones of one start-up (first line of main, toolkit up, theme, scene built, first frame ...),
 * each with the wall time since the process started, the process's CPU time so far and the CPU time
 * of the thread that marks it (the FX thread for most), so the log says where start-up time goes
 * (packaging/start-time.sh collects the line). CPU time is reported beside wall time because on a busy
 * machine the wall time mostly measures the other processes; the marking thread's CPU time is the
 * figure for the FX thread's own work on the critical path, which the JIT threads do not inflate.
 *
 * <p>Uses {@link ProcessHandle} and /proc (java.base, cheap) rather than java.management, whose
 * classes would cost start-up time themselves. On Linux the process start comes from /proc (clock
 * ticks since boot against /proc/uptime, 10 ms resolution): {@link ProcessHandle.Info#startInstant()}
 * adds those ticks to the boot time in whole seconds, which puts it up to 1 s early.
 */
public final class StartupTimeline {
    /** Linux reports process start times in USER_HZ ticks, 100 per second on every architecture. */
    private static final long LINUX_TICKS_PER_SECOND = 100;
    private static final List<String> MARKS = new ArrayList<>();
    /** {@link System#nanoTime()} at the process start, estimated once at the first mark. */
    private static long startNanos;
    private static boolean startKnown;

    private StartupTimeline() {
    }

    /** Records a milestone now; cheap enough (one /proc read on Linux) to call a handful of times. */
    public static void mark(String name) {
        long now = System.nanoTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        long threadCpu = threadCpuMillis();
        synchronized (MARKS) {
            if (!startKnown) {
                startKnown = true;
                startNanos = now - sinceProcessStart().toNanos();
            }
            MARKS.add(name + " " + (now - startNanos) / 1_000_000 + "/" + cpu + "/" + threadCpu);
        }
    }

    /**
     * The milestones so far, e.g. {@code main 130/90/20, toolkit 610/700/150, ...} (wall ms since the
     * process started / process CPU ms / CPU ms of the thread that marked it, -1 where unknown).
     */
    public static String summary() {
        synchronized (MARKS) {
            return String.join(", ", MARKS);
        }
    }

    /** CPU time (user + system) of the calling thread from /proc, 10 ms resolution; -1 off Linux. */
    private static long threadCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // utime and stime are fields 14 and 15, counted from the state (field 3) after the name.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
            return ticks * 1000 / LINUX_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    private static Duration sinceProcessStart() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"));
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Duration.ofMillis(Math.round(upSeconds * 1000) - startTicks * 1000 / LINUX_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant()
                    .map(started -> Duration.between(started, Instant.now())).orElse(Duration.ZERO);
        }
    }
}
