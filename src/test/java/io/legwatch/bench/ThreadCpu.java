package io.legwatch.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time per thread group (thread names with their numbers dropped) over the measured kills, plus
 * the JIT compiler's time: shows where the CPU of a kill goes on a machine where CPU is the limit.
 */
final class ThreadCpu {
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> atMark = new HashMap<>();
    private final Map<String, Long> total = new HashMap<>();
    private long compileAtMark;
    private long compileTotalMs;

    void mark() {
        atMark.clear();
        for (long id : mx.getAllThreadIds()) {
            atMark.put(id, Math.max(0, mx.getThreadCpuTime(id)));
        }
        compileAtMark = compileMs();
    }

    void add() {
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = Math.max(0, mx.getThreadCpuTime(info.getThreadId())) - atMark.getOrDefault(info.getThreadId(), 0L);
            total.merge(info.getThreadName().replaceAll("[0-9]+", "N"), Math.max(0, used), Long::sum);
        }
        compileTotalMs += compileMs() - compileAtMark;
    }

    void report(PrintWriter out, int kills) {
        out.println("  CPU per kill by thread group (mean over the measured kills; Java threads only)");
        total.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                .forEach(e -> out.printf(Locale.ROOT, "    %-46s %8.3f ms%n", e.getKey(), e.getValue() / 1e6 / kills));
        out.printf(Locale.ROOT, "    %-46s %8.3f ms%n", "JIT compilation (CompilationMXBean)", (double) compileTotalMs / kills);
    }

    /** CPU time used so far by the kill switch's threads: immune to other processes taking the cores. */
    static long flattenThreadsNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("legwatch-flatten")) {
                sum += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    private static long compileMs() {
        var c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }
}
