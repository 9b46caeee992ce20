package io.legwatch.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of Legwatch as a trader runs it (issue 7): the standalone simulator in a process of its own
 * ({@code SimulatorMain --load 500x4 --rate 50000 --failures 1}, protocol front ends on 127.0.0.1), and
 * the app in another ({@code Launcher --config} the simulator's config: production connectors, engine,
 * the real window) with the JVM options {@code javafx:run} uses, read from pom.xml's
 * javafx-maven-plugin {@code <options>} (the jpackage {@code --java-options} are kept equal to them, see
 * {@code JvmOptionsInStepTest}). Samples the app's RSS and PSS (/proc) every few seconds, and reports
 * after the warm-up: heap after GC and GC pauses ({@code -Xlog:gc}), every stop-the-world pause
 * ({@code -Xlog:safepoint}), the app's CPU, the simulator's achieved rate and whether its stream
 * connections' queues stayed empty (the app kept up), and at the end the JVM's committed memory by
 * NMT category, the class histogram's top and the largest mappings.
 *
 * <pre>
 * ./mvnw -q -DskipTests test-compile
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.legwatch.bench.WindowMemoryHarness --duration 10m
 * </pre>
 * Parameters: {@code --duration 10m} (after the warm-up), {@code --warmup 60s}, {@code --sample 5s},
 * {@code --load 500x4}, {@code --rate 50000}, {@code --failures 1}; {@code --app-jvm=a,b} replaces the
 * pom's heap/GC options (the {@code --add-exports} stays), {@code --jvm=a,b} appends to them (a comma
 * before a dash separates options);
 * {@code --nmt false} runs without native memory tracking (it costs a few MB itself); files in
 * {@code --out target/window-memory}.
 */
public final class WindowMemoryHarness {
    private static final double FRAME_MS = 1000.0 / 60;
    private static final Pattern SAFEPOINT = Pattern.compile(
            "\\[(\\d+\\.\\d+)s\\].*Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private static final Pattern GC_PAUSE = Pattern.compile(
            "\\[(\\d+\\.\\d+)s\\].*(Pause (?:Young|Full|Remark|Cleanup)[^\\n]*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms");
    private static final Pattern SIM_LINE = Pattern.compile(
            "load t=(\\d+)s simulator (\\d+) msg/s\\s+streams wrote (\\d+) frames/s\\s+queued (\\d+) frames");
    private static final Pattern NMT_CATEGORY = Pattern.compile(
            "^-\\s+([A-Za-z ]+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    private WindowMemoryHarness() {
    }

    public static void main(String[] argv) throws Exception {
        LoadArgs args = new LoadArgs(argv);
        Duration duration = args.duration("duration", Duration.ofMinutes(10));
        Duration warmup = args.duration("warmup", Duration.ofSeconds(60));
        Duration sample = args.duration("sample", Duration.ofSeconds(5));
        Path out = Path.of(args.string("out", "target/window-memory")).toAbsolutePath();
        Files.createDirectories(out);
        String classPath = MemoryHarness.classPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> appJvm = appJvmOptions(args);
        System.out.println("app JVM options: " + String.join(" ", appJvm));
        System.out.printf(Locale.ROOT, "load %s at %s msg/s, %s failures/s; %d s warm-up, then %d s measured; "
                        + "load average at start %s%n", args.string("load", "500x4"), args.string("rate", "50000"),
                args.string("failures", "1"), warmup.toSeconds(), duration.toSeconds(), loadAverage());

        Path config = out.resolve("load-config.json");
        Files.deleteIfExists(config);
        long simSeconds = warmup.plus(duration).toSeconds() + 120;
        List<String> simCommand = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classPath,
                "io.legwatch.sim.main.SimulatorMain", "--load", args.string("load", "500x4"),
                "--rate", args.string("rate", "50000"), "--failures", args.string("failures", "1"),
                "--duration", simSeconds + "s", "--report", sample.toSeconds() + "s", "--write-config", config.toString()));
        Process sim = new ProcessBuilder(simCommand).redirectErrorStream(true).start();
        SimOutput simOut = new SimOutput(sim, out.resolve("simulator.out"));
        Process app = null;
        try {
            if (!simOut.configWritten.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the simulator wrote no config; see " + out.resolve("simulator.out"));
            }
            Path gcLog = out.resolve("app-gc.log");
            List<String> appCommand = new ArrayList<>();
            appCommand.add(java);
            appCommand.addAll(appJvm);
            appCommand.add("-Xlog:gc,safepoint:file=" + gcLog + ":uptime");
            appCommand.add("-Dlegwatch.home=" + out.resolve("home"));
            appCommand.addAll(List.of("-cp", classPath, "io.legwatch.Launcher", "--config", config.toString()));
            ProcessBuilder pb = new ProcessBuilder(appCommand).redirectErrorStream(true)
                    .redirectOutput(out.resolve("app.out").toFile());
            pb.environment().putAll(simOut.exports);
            long appStart = System.nanoTime();
            app = pb.start();
            long pid = app.pid();
            System.out.println("app pid " + pid + "; samples every " + sample.toSeconds() + " s:");
            System.out.println("    t  RSS MB  PSS MB  anon  file shmem  app CPU  sim msg/s  frames/s  queued  load");
            List<Sample> samples = new ArrayList<>();
            long end = appStart + warmup.plus(duration).toNanos();
            long[] lastCpu = {cpuTicks(pid), System.nanoTime()};
            while (System.nanoTime() < end && app.isAlive()) {
                Thread.sleep(sample.toMillis());
                Sample s = Sample.read(pid, (System.nanoTime() - appStart) / 1_000_000_000L, lastCpu);
                samples.add(s);
                SimLine sl = simOut.latest();
                System.out.printf(Locale.ROOT, "%5d %7.1f %7.1f %5.0f %5.0f %5.0f %7.0f%% %10s %9s %7s  %s%n", s.t,
                        s.rssKb / 1024.0, s.pssKb / 1024.0, s.anonKb / 1024.0, s.fileKb / 1024.0,
                        s.shmemKb / 1024.0, s.cpuPercent, sl == null ? "-" : sl.msgs, sl == null ? "-" : sl.frames,
                        sl == null ? "-" : sl.queued, loadAverage());
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited early (status " + app.exitValue() + "); see "
                        + out.resolve("app.out"));
            }
            long windowFrom = warmup.toMillis();
            long windowTo = (System.nanoTime() - appStart) / 1_000_000;
            String nmt = jcmd(pid, out.resolve("nmt-summary.txt"), "VM.native_memory", "summary");
            String histogram = jcmd(pid, out.resolve("class-histogram.txt"), "GC.class_histogram");
            Files.copy(Path.of("/proc", Long.toString(pid), "smaps"), out.resolve("smaps.txt"),
                    StandardCopyOption.REPLACE_EXISTING);
            screenshot(out.resolve("window.png"));
            Sample last = samples.get(samples.size() - 1);
            startupLine(out.resolve("home").resolve("logs").resolve("legwatch.log"));
            report(samples, last, windowFrom, windowTo, appStart, gcLog, simOut, nmt, histogram, out.resolve("smaps.txt"));
        } finally {
            if (app != null) {
                app.destroy();
                app.waitFor(20, TimeUnit.SECONDS);
                app.destroyForcibly();
            }
            sim.destroy();
            sim.waitFor(20, TimeUnit.SECONDS);
            sim.destroyForcibly();
        }
        System.out.println("files in " + out);
    }

    /** The pom's javafx:run options (one place), replaced or extended by --app-jvm / --jvm. */
    static List<String> appJvmOptions(LoadArgs args) throws IOException {
        List<String> pom = pomJvmOptions(Path.of("pom.xml"));
        List<String> options = new ArrayList<>();
        String replace = args.string("app-jvm", "");
        if (replace.isBlank()) {
            options.addAll(pom);
        } else {
            pom.stream().filter(o -> o.startsWith("--add-")).forEach(options::add);
            options.addAll(List.of(replace.split(",(?=-)")));
        }
        String extra = args.string("jvm", "");
        if (!extra.isBlank()) {
            options.addAll(List.of(extra.split(",(?=-)")));
        }
        if (Boolean.parseBoolean(args.string("nmt", "true"))) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        return options;
    }

    /** The {@code <option>}s of the javafx-maven-plugin in pom.xml: what javafx:run starts the app with. */
    static List<String> pomJvmOptions(Path pom) throws IOException {
        String text = Files.readString(pom);
        int plugin = text.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        int from = text.indexOf("<options>", plugin);
        int to = text.indexOf("</options>", from);
        if (plugin < 0 || from < 0 || to < 0) {
            throw new IllegalStateException("no javafx-maven-plugin <options> in " + pom.toAbsolutePath());
        }
        List<String> options = new ArrayList<>();
        Matcher m = Pattern.compile("<option>([^<]+)</option>").matcher(text.substring(from, to));
        while (m.find()) {
            options.add(m.group(1).trim());
        }
        return options;
    }

    private static void report(List<Sample> samples, Sample last, long fromMs, long toMs, long appStart, Path gcLog,
                               SimOutput sim,
                               String nmt, String histogram, Path smaps) throws IOException {
        System.out.println();
        System.out.println("=== after the warm-up (app uptime " + fromMs / 1000 + "-" + toMs / 1000 + " s) ===");
        double rssMin = Double.MAX_VALUE;
        double rssMax = 0;
        double cpuSum = 0;
        int n = 0;
        for (Sample s : samples) {
            if (s.t * 1000 >= fromMs) {
                rssMin = Math.min(rssMin, s.rssKb / 1024.0);
                rssMax = Math.max(rssMax, s.rssKb / 1024.0);
                cpuSum += s.cpuPercent;
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "RSS at the end %.1f MB (peak %.1f MB; window %.1f-%.1f MB); PSS %.1f MB "
                        + "(anon %.1f, file %.1f, shmem %.1f)%n", last.rssKb / 1024.0, last.hwmKb / 1024.0, rssMin,
                rssMax, last.pssKb / 1024.0, last.anonKb / 1024.0, last.fileKb / 1024.0, last.shmemKb / 1024.0);
        System.out.printf(Locale.ROOT, "app CPU mean %.0f%% of one core over %d samples%n", n == 0 ? 0 : cpuSum / n, n);

        long simMsgs = 0;
        long simFrames = 0;
        long maxQueued = 0;
        int lines = 0;
        for (SimLine l : sim.lines) {
            long atMs = (l.atNanos - appStart) / 1_000_000;
            if (atMs > fromMs && atMs <= toMs) {
                simMsgs += l.msgs;
                simFrames += l.frames;
                maxQueued = Math.max(maxQueued, l.queued);
                lines++;
            }
        }
        SimLine lastLine = sim.latest();
        System.out.printf(Locale.ROOT, "simulator achieved %.0f msg/s, streams wrote %.0f frames/s (mean of %d lines); "
                        + "frames queued max %d, at the end %d%n", lines == 0 ? 0.0 : (double) simMsgs / lines,
                lines == 0 ? 0.0 : (double) simFrames / lines, lines, maxQueued, lastLine == null ? -1 : lastLine.queued);

        List<String> log = Files.readAllLines(gcLog);
        Histogram gcPauses = new Histogram(1, 60_000_000_000L, 3);
        double heapAfterMin = Double.MAX_VALUE;
        double heapAfterMax = 0;
        double committedMax = 0;
        Histogram stw = new Histogram(1, 60_000_000_000L, 3);
        List<String> overFrame = new ArrayList<>();
        for (String line : log) {
            Matcher g = GC_PAUSE.matcher(line);
            if (g.find() && inWindow(g.group(1), fromMs, toMs)) {
                gcPauses.recordValue(Math.max(1, Math.round(Double.parseDouble(g.group(6)) * 1e6)));
                if (g.group(2).startsWith("Pause Young") || g.group(2).startsWith("Pause Full")) {
                    heapAfterMin = Math.min(heapAfterMin, Double.parseDouble(g.group(4)));
                    heapAfterMax = Math.max(heapAfterMax, Double.parseDouble(g.group(4)));
                }
                committedMax = Math.max(committedMax, Double.parseDouble(g.group(5)));
            }
            Matcher s = SAFEPOINT.matcher(line);
            if (s.find() && inWindow(s.group(1), fromMs, toMs)) {
                long ns = Math.max(1, Long.parseLong(s.group(3)));
                stw.recordValue(ns);
                if (ns > FRAME_MS * 1e6) {
                    overFrame.add(String.format(Locale.ROOT, "%s %.2f ms at %ss", s.group(2), ns / 1e6, s.group(1)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "heap after GC (young/full, window) %.0f-%.0f MB; heap committed max %.0f MB%n",
                heapAfterMin == Double.MAX_VALUE ? 0 : heapAfterMin, heapAfterMax, committedMax);
        System.out.printf(Locale.ROOT, "GC pauses (gc log): n=%d p50 %.2f ms p99 %.2f ms max %.2f ms%n",
                gcPauses.getTotalCount(), gcPauses.getValueAtPercentile(50) / 1e6,
                gcPauses.getValueAtPercentile(99) / 1e6, gcPauses.getMaxValue() / 1e6);
        System.out.printf(Locale.ROOT, "STW pauses (safepoint log, all operations): n=%d p50 %.3f ms p99 %.3f ms "
                        + "max %.3f ms; longer than a frame: %d %s%n", stw.getTotalCount(),
                stw.getValueAtPercentile(50) / 1e6, stw.getValueAtPercentile(99) / 1e6, stw.getMaxValue() / 1e6,
                overFrame.size(), overFrame);

        System.out.println();
        System.out.println("JVM committed memory by NMT category (MB):");
        for (String line : nmt.split("\n")) {
            Matcher t = NMT_TOTAL.matcher(line);
            if (t.find()) {
                System.out.printf(Locale.ROOT, "  %-28s %7.1f%n", "Total", Long.parseLong(t.group(2)) / 1024.0);
            }
            Matcher c = NMT_CATEGORY.matcher(line.trim());
            if (c.find() && Long.parseLong(c.group(3)) >= 1024) {
                System.out.printf(Locale.ROOT, "  %-28s %7.1f%n", c.group(1), Long.parseLong(c.group(3)) / 1024.0);
            }
        }
        System.out.println();
        System.out.println("largest mappings by RSS (MB):");
        largestMappings(smaps, 12).forEach((k, v) -> System.out.printf(Locale.ROOT, "  %7.1f  %s%n", v / 1024.0, k));
        System.out.println();
        System.out.println("class histogram (top 15):");
        String[] h = histogram.split("\n");
        for (int i = 0; i < Math.min(h.length, 18); i++) {
            System.out.println("  " + h[i]);
        }
    }

    /** The app logs where its start went; a heap or GC option must not slow it. */
    private static void startupLine(Path log) throws IOException {
        if (Files.exists(log)) {
            try (var lines = Files.lines(log)) {
                lines.filter(l -> l.contains("Start-up timeline")).findFirst()
                        .ifPresent(l -> System.out.println("app " + l.substring(l.indexOf("Start-up timeline"))));
            }
        }
    }

    private static boolean inWindow(String uptimeSeconds, long fromMs, long toMs) {
        long ms = Math.round(Double.parseDouble(uptimeSeconds) * 1000);
        return ms >= fromMs && ms <= toMs;
    }

    /** RSS per mapped path ("[anon]" for anonymous memory, "[heap]" etc. as the kernel names them). */
    static Map<String, Long> largestMappings(Path smaps, int top) throws IOException {
        Map<String, Long> byName = new HashMap<>();
        String name = "[anon]";
        for (String line : Files.readAllLines(smaps)) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] parts = line.trim().split("\\s+", 6);
                name = parts.length == 6 ? parts[5] : "[anon]";
            } else if (line.startsWith("Rss:")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                byName.merge(name, kb, Long::sum);
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String jcmd(long pid, Path file, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        Files.writeString(file, text);
        return text;
    }

    /** The whole virtual screen, to see what the app showed (best effort: needs ImageMagick's import). */
    private static void screenshot(Path png) {
        try {
            Process p = new ProcessBuilder("import", "-window", "root", png.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                System.out.println("screenshot " + png);
            }
        } catch (IOException e) {
            System.out.println("no screenshot (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    /** One sample of the app's memory (/proc/PID/status, smaps_rollup) and CPU since the last sample. */
    private record Sample(long t, long rssKb, long hwmKb, long pssKb, long anonKb, long fileKb, long shmemKb,
                          double cpuPercent) {
        static Sample read(long pid, long t, long[] lastCpu) throws IOException {
            Map<String, Long> status = kbFields(Path.of("/proc", Long.toString(pid), "status"));
            Map<String, Long> rollup = kbFields(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
            long ticks = cpuTicks(pid);
            long now = System.nanoTime();
            // USER_HZ is 100 ticks/s, so ticks per second of wall time is the percentage of one core
            double cpu = (ticks - lastCpu[0]) / ((now - lastCpu[1]) / 1e9);
            lastCpu[0] = ticks;
            lastCpu[1] = now;
            return new Sample(t, status.getOrDefault("VmRSS", 0L), status.getOrDefault("VmHWM", 0L),
                    rollup.getOrDefault("Pss", 0L), rollup.getOrDefault("Pss_Anon", 0L),
                    rollup.getOrDefault("Pss_File", 0L), rollup.getOrDefault("Pss_Shmem", 0L), cpu);
        }

        private static Map<String, Long> kbFields(Path file) throws IOException {
            Map<String, Long> out = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.endsWith("kB")) {
                    out.put(line.substring(0, colon).trim(), Long.parseLong(line.substring(colon + 1).replaceAll("\\D", "")));
                }
            }
            return out;
        }
    }

    /** One rate line of the simulator; {@code atNanos} is when it arrived here (System.nanoTime). */
    private record SimLine(long atNanos, long msgs, long frames, long queued) {
    }

    /** Reads the simulator's output: its export lines, the config line, and the rate lines. */
    private static final class SimOutput {
        final Map<String, String> exports = new HashMap<>();
        final CountDownLatch configWritten = new CountDownLatch(1);
        final List<SimLine> lines = new CopyOnWriteArrayList<>();

        SimOutput(Process sim, Path copy) {
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(sim.getInputStream(),
                        StandardCharsets.UTF_8)); var w = Files.newBufferedWriter(copy)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        // the sim-only keys are not kept in the file
                        w.write(line.startsWith("export ") ? line.replaceFirst("=.*", "=(not kept)") : line);
                        w.newLine();
                        w.flush();
                        if (line.startsWith("export ")) {
                            String[] kv = line.substring(7).split("=", 2);
                            exports.put(kv[0], kv[1]);
                        } else if (line.startsWith("Legwatch config written")) {
                            configWritten.countDown();
                        } else {
                            Matcher m = SIM_LINE.matcher(line);
                            if (m.find()) {
                                lines.add(new SimLine(System.nanoTime(), Long.parseLong(m.group(2)),
                                        Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
                            }
                        }
                    }
                } catch (IOException e) {
                    System.out.println("simulator output: " + e.getMessage());
                }
            }, "simulator-output");
            reader.setDaemon(true);
            reader.start();
        }

        SimLine latest() {
            return lines.isEmpty() ? null : lines.get(lines.size() - 1);
        }
    }
}
