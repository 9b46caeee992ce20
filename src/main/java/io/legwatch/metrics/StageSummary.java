package io.legwatch.metrics;

import java.util.Locale;

/**
 * Percentiles of one stage, in nanoseconds (HdrHistogram, 2 significant digits: values are within 1 %).
 *
 * @param count samples recorded
 */
public record StageSummary(LatencyStage stage, long count, long p50, long p99, long p999, long max) {

    /** One line: {@code venue -> applied   n=1,234  p50 12.3 µs  p99 ...}. */
    public String format() {
        if (count == 0) {
            return String.format(Locale.ROOT, "%-22s n=0", stage.label());
        }
        return String.format(Locale.ROOT, "%-22s n=%,d  p50 %s  p99 %s  p99.9 %s  max %s", stage.label(), count,
                human(p50), human(p99), human(p999), human(max));
    }

    /** A duration in the unit that keeps three significant figures readable. */
    public static String human(long nanos) {
        if (nanos < 10_000) {
            return String.format(Locale.ROOT, "%.2f µs", nanos / 1e3);
        } else if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        } else if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
