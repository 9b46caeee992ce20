package io.legwatch.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.legwatch.sim.load.LoadProfile;
import org.HdrHistogram.Histogram;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Benchmark 3, memory and GC at load: runs the engine-only load (default 2,000 legs, 50,000 msg/s)
 * for N minutes once under G1 and once under ZGC, each in a fresh JVM, and prints heap after GC and
 * RSS over time, bytes allocated per venue message, and pauses: GC pauses from the collectors'
 * MXBean notifications and every stop-the-world pause (time to safepoint included) from
 * {@code -Xlog:safepoint}. Targets: RSS <= 300 MB, no pause longer than one frame (16.7 ms).
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.legwatch.bench.MemoryHarness -Dexec.args="--duration 10m --heap 192m"
 * </pre>
 * Other parameters as for {@link LoadHarness}; {@code --gcs G1,Z} picks the collectors and
 * {@code --jvm=-XX:MaxGCPauseMillis=8,...} adds options to every child JVM. Pauses and
 * allocation are counted from the end of the warm-up ({@code --warmup}, default 30 s) to the end of
 * the load; the explicit GC used to read the final heap comes after that window.
 */
public final class MemoryHarness {
    private static final double FRAME_MS = 1000.0 / 60;
    private static final Pattern SAFEPOINT = Pattern.compile(
            "\\[(\\d+\\.\\d+)s\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private static final Pattern WINDOW = Pattern.compile("MEASURED_WINDOW_UPTIME_MS (\\d+) (\\d+)");

    private MemoryHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs parsed = new LoadArgs(args);
        if (parsed.values.containsKey("child")) {
            child(parsed);
            return;
        }
        String heap = parsed.string("heap", "192m");
        List<String> passOn = new ArrayList<>();
        for (String a : args) {
            passOn.add(a);
        }
        // Extra collector options for every child, comma-separated, e.g. --jvm=-XX:MaxGCPauseMillis=8
        List<String> jvmOptions = parsed.string("jvm", "").isBlank() ? List.of()
                : List.of(parsed.string("jvm", "").split(","));
        Path dir = Path.of("target", "memory-harness");
        Files.createDirectories(dir);
        for (String gc : parsed.string("gcs", "G1,Z").split(",")) {
            Path safepointLog = dir.resolve("safepoint-" + gc + ".log").toAbsolutePath();
            Path out = dir.resolve("child-" + gc + ".out").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+Use" + gc + "GC", "-Xmx" + heap,
                    "-Xlog:safepoint=info:file=" + safepointLog + ":uptime"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", classPath(), MemoryHarness.class.getName(), "--child", gc));
            command.addAll(passOn);
            System.out.println("=== " + gc + "GC, -Xmx" + heap + " " + String.join(" ", jvmOptions) + " ===");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            int rc = p.waitFor();
            String childOut = Files.readString(out);
            System.out.print(childOut);
            System.out.println("child exit status " + rc);
            Matcher w = WINDOW.matcher(childOut);
            if (w.find()) {
                safepoints(safepointLog, Long.parseLong(w.group(1)), Long.parseLong(w.group(2)));
            }
        }
    }

    /** The test class path: exec:java runs us in a class loader of its own, not on java.class.path. */
    static String classPath() {
        ClassLoader loader = MemoryHarness.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 1) {
            List<String> parts = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    parts.add(new File(url.toURI()).getPath());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    /** Stop-the-world pauses from the child's safepoint log, within the measured window. */
    private static void safepoints(Path log, long fromMs, long toMs) throws IOException {
        Histogram all = new Histogram(1, 60_000_000_000L, 3);
        Histogram gc = new Histogram(1, 60_000_000_000L, 3);
        int overFrame = 0;
        List<String> longest = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = SAFEPOINT.matcher(line);
            if (!m.find()) {
                continue;
            }
            long atMs = Math.round(Double.parseDouble(m.group(1)) * 1000);
            if (atMs < fromMs || atMs > toMs) {
                continue;
            }
            long ns = Math.max(1, Long.parseLong(m.group(3)));
            all.recordValue(ns);
            String op = m.group(2);
            if (op.startsWith("G1") || op.startsWith("Z") || op.startsWith("Shenandoah") || op.contains("GC")
                    || op.contains("Collect")) {
                gc.recordValue(ns);
            }
            if (ns > FRAME_MS * 1e6) {
                overFrame++;
                longest.add(String.format(Locale.ROOT, "%s %.2f ms", op, ns / 1e6));
            }
        }
        System.out.printf(Locale.ROOT, "STW pauses (safepoint log, all operations): n=%d p50 %.3f ms p99 %.3f ms "
                        + "p99.9 %.3f ms max %.3f ms; longer than a frame: %d %s%n", all.getTotalCount(),
                all.getValueAtPercentile(50) / 1e6, all.getValueAtPercentile(99) / 1e6,
                all.getValueAtPercentile(99.9) / 1e6, all.getMaxValue() / 1e6, overFrame, longest);
        System.out.printf(Locale.ROOT, "  of which GC operations: n=%d p50 %.3f ms p99 %.3f ms max %.3f ms%n",
                gc.getTotalCount(), gc.getValueAtPercentile(50) / 1e6, gc.getValueAtPercentile(99) / 1e6,
                gc.getMaxValue() / 1e6);
    }

    private static void child(LoadArgs parsed) throws Exception {
        LoadProfile profile = parsed.profile(Duration.ofMinutes(10));
        Duration warmup = parsed.duration("warmup", Duration.ofSeconds(30));
        GcPauses pauses = GcPauses.install();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println(LoadHarness.describe(profile) + ", GC " + collectors() + ", warm-up " + warmup.toSeconds()
                + " s");
        try (LoadRun run = new LoadRun(profile)) {
            run.connect(Duration.ofSeconds(60));
            long[] window = new long[4]; // uptime at warm-up end, allocated bytes then, venue messages then
            long sampleEvery = Math.max(1, profile.duration().toSeconds() / 10);
            LoadRun.Result result = run.run(warmup, elapsed -> {
                long s = elapsed / 1_000_000_000L;
                if (window[0] == 0 && elapsed >= warmup.toNanos()) {
                    window[0] = ManagementFactory.getRuntimeMXBean().getUptime();
                    window[1] = threads.getTotalThreadAllocatedBytes();
                    window[2] = run.venueMessages();
                    pauses.reset();
                }
                if (s % sampleEvery == 0) {
                    System.out.printf(Locale.ROOT, "t=%4ds  heap after last GC %s  heap used %s  RSS %s (peak %s)  "
                                    + "backlog %,d%n", s, mb(pauses.lastHeapAfterGc()), mb(heapUsed()),
                            kb(ProcStatus.value("VmRSS")), kb(ProcStatus.value("VmHWM")), run.backlog());
                }
            });
            long endUptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long allocated = threads.getTotalThreadAllocatedBytes() - window[1];
            long messages = run.venueMessages() - window[2];
            System.out.print(result.describe());
            System.out.printf(Locale.ROOT, "allocation: %,d bytes per venue message (%,d MB over %,d messages, "
                    + "harness accounting included)%n", messages == 0 ? 0 : allocated / messages, allocated >> 20, messages);
            System.out.println("GC pauses (MXBean notifications, after warm-up): " + pauses.describe());
            long rss = ProcStatus.value("VmRSS");
            String detail = String.format(Locale.ROOT, "anon %s, file %s, shmem %s; PSS %s",
                    kb(ProcStatus.value("RssAnon")), kb(ProcStatus.value("RssFile")), kb(ProcStatus.value("RssShmem")),
                    kb(ProcStatus.pss()));
            System.gc();
            System.out.printf(Locale.ROOT, "end of load: RSS %s (%s), peak RSS %s; heap after an explicit full GC %s; "
                            + "heap after GC min/max over the window %s / %s%n", kb(rss), detail,
                    kb(ProcStatus.value("VmHWM")), mb(heapUsed()), mb(pauses.minHeapAfterGc()),
                    mb(pauses.maxHeapAfterGc()));
            System.out.println("MEASURED_WINDOW_UPTIME_MS " + window[0] + " " + endUptime);
        }
        System.exit(0);
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("+"));
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    static String kb(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", kb / 1024.0);
    }

    /** GC pause durations and heap after each GC, from the collectors' notifications. */
    static final class GcPauses {
        private final Histogram pausesMicros = new Histogram(1, 60_000_000, 3);
        private long lastAfter = -1;
        private long minAfter = Long.MAX_VALUE;
        private long maxAfter = -1;
        private final List<String> overFrame = new ArrayList<>();

        static GcPauses install() {
            GcPauses p = new GcPauses();
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) bean).addNotificationListener((n, h) -> {
                    if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    p.record(info);
                }, null, null);
            }
            return p;
        }

        synchronized void record(GarbageCollectionNotificationInfo info) {
            if ("System.gc()".equals(info.getGcCause())) {
                return;
            }
            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(u -> u.getUsed()).sum();
            if (info.getGcName().equals("ZGC Cycles")) {
                // a concurrent cycle, not a pause ("ZGC Pauses" reports those), but it knows the heap after GC
                recordHeapAfter(after);
                return;
            }
            if (info.getGcName().equals("ZGC Pauses")) {
                after = -1; // pauses do not collect: their "after" is meaningless
            }
            long micros = Math.max(1, info.getGcInfo().getDuration() * 1000);
            pausesMicros.recordValue(micros);
            if (micros > FRAME_MS * 1000) {
                overFrame.add(info.getGcName() + " " + info.getGcAction() + " " + info.getGcInfo().getDuration() + " ms");
            }
            if (after >= 0) {
                recordHeapAfter(after);
            }
        }

        private void recordHeapAfter(long after) {
            lastAfter = after;
            minAfter = Math.min(minAfter, after);
            maxAfter = Math.max(maxAfter, after);
        }

        synchronized void reset() {
            pausesMicros.reset();
            overFrame.clear();
            minAfter = Long.MAX_VALUE;
            maxAfter = -1;
        }

        synchronized long lastHeapAfterGc() {
            return lastAfter;
        }

        synchronized long minHeapAfterGc() {
            return minAfter == Long.MAX_VALUE ? -1 : minAfter;
        }

        synchronized long maxHeapAfterGc() {
            return maxAfter;
        }

        synchronized String describe() {
            if (pausesMicros.getTotalCount() == 0) {
                return "none";
            }
            return String.format(Locale.ROOT, "n=%d p50 %.1f ms p99 %.1f ms max %.1f ms (ms resolution); longer "
                            + "than a frame: %d %s", pausesMicros.getTotalCount(),
                    pausesMicros.getValueAtPercentile(50) / 1e3, pausesMicros.getValueAtPercentile(99) / 1e3,
                    pausesMicros.getMaxValue() / 1e3, overFrame.size(), overFrame);
        }
    }

    /** Reads /proc/self/status (Linux): values in kB, or -1 elsewhere. */
    static final class ProcStatus {
        /**
         * Proportional set size (kB): ZGC maps its heap three times on JDK 17, which VmRSS counts three
         * times over; PSS counts each physical page once.
         */
        static long pss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        static long value(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(key + ":")) {
                        return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }
    }
}
