package io.legwatch.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;
import org.HdrHistogram.IntervalHistogramProvider;

import java.util.concurrent.TimeUnit;

/**
 * One stage's samples: written wait-free by its writer thread(s) through an HdrHistogram recorder,
 * moved by {@link #roll} (one reader at a time) into a cumulative histogram and a ring of
 * fixed-length intervals for the rolling window.
 */
final class StageRecorder {
    /** Longest latency tracked; longer samples are recorded as this (and show up as the max). */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int DIGITS = 2;

    private final ValueRecorder writer;
    private final IntervalHistogramProvider<Histogram> reader;
    private final Histogram total = new Histogram(1, MAX_NANOS, DIGITS);
    private final Histogram[] window;
    private int head;
    private Histogram recycled;

    StageRecorder(boolean multipleWriters, int windowIntervals) {
        if (multipleWriters) {
            Recorder r = new Recorder(1, MAX_NANOS, DIGITS);
            writer = r;
            reader = r;
        } else {
            SingleWriterRecorder r = new SingleWriterRecorder(1, MAX_NANOS, DIGITS);
            writer = r;
            reader = r;
        }
        window = new Histogram[windowIntervals];
        for (int i = 0; i < windowIntervals; i++) {
            window[i] = new Histogram(1, MAX_NANOS, DIGITS);
        }
    }

    void record(long nanos) {
        writer.recordValue(nanos < 1 ? 1 : Math.min(nanos, MAX_NANOS));
    }

    /** Closes the current interval: it joins the total and replaces the oldest interval of the window. */
    synchronized void roll() {
        Histogram interval = reader.getIntervalHistogram(recycled);
        total.add(interval);
        head = (head + 1) % window.length;
        window[head].reset();
        window[head].add(interval);
        recycled = interval;
    }

    synchronized StageSummary total(LatencyStage stage) {
        return summary(stage, total);
    }

    synchronized StageSummary window(LatencyStage stage) {
        Histogram merged = new Histogram(1, MAX_NANOS, DIGITS);
        for (Histogram h : window) {
            merged.add(h);
        }
        return summary(stage, merged);
    }

    /** p99 of the rolling window without building a summary of every percentile. */
    synchronized long windowP99() {
        long count = 0;
        for (Histogram h : window) {
            count += h.getTotalCount();
        }
        if (count == 0) {
            return -1;
        }
        Histogram merged = new Histogram(1, MAX_NANOS, DIGITS);
        for (Histogram h : window) {
            merged.add(h);
        }
        return merged.getValueAtPercentile(99);
    }

    synchronized void reset() {
        recycled = reader.getIntervalHistogram(recycled);
        total.reset();
        for (Histogram h : window) {
            h.reset();
        }
    }

    private static StageSummary summary(LatencyStage stage, Histogram h) {
        if (h.getTotalCount() == 0) {
            return new StageSummary(stage, 0, 0, 0, 0, 0);
        }
        return new StageSummary(stage, h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }
}
