package io.legwatch.ui.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A synthesized two-tone alarm (no media library, no sound file) played through
 * {@code javax.sound.sampled} on its own daemon thread. Without an audio device (headless, CI) the
 * first attempt logs once at INFO and every later one is skipped: the popup and the red row still
 * tell the trader, a missing speaker must not.
 */
public final class ToneAlarmPlayer implements AlarmPlayer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ToneAlarmPlayer.class);
    private static final float RATE = 44_100f;
    private static final byte[] ALARM = twoTone(880, 660, 180, 3);

    // One alarm at a time; a burst of transitions queues at most one more, not a minute of beeping.
    private final ExecutorService audio = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(1), r -> {
                Thread t = new Thread(r, "legwatch-alarm-sound");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private volatile boolean unavailable;

    @Override
    public void play() {
        if (unavailable) {
            return;
        }
        try {
            audio.execute(this::playNow);
        } catch (RejectedExecutionException e) {
            // closed: the window is going away
        }
    }

    private void playNow() {
        if (unavailable) {
            return;
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(ALARM, 0, ALARM.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            unavailable = true;
            LOG.info("No audio output for the alarm sound ({}); alarms stay visual only", e.toString());
        }
    }

    /** {@code repeats} times: {@code ms} of {@code highHz} then {@code ms} of {@code lowHz}, 16-bit mono LE. */
    static byte[] twoTone(double highHz, double lowHz, int ms, int repeats) {
        int perTone = (int) (RATE * ms / 1000);
        byte[] out = new byte[perTone * 2 * repeats * 2];
        int i = 0;
        for (int r = 0; r < repeats; r++) {
            for (double hz : new double[] {highHz, lowHz}) {
                for (int n = 0; n < perTone; n++) {
                    // Short fade in/out so the tone edges do not click.
                    double envelope = Math.min(1.0, Math.min(n, perTone - n) / (RATE * 0.005));
                    short v = (short) (Math.sin(2 * Math.PI * hz * n / RATE) * 0.5 * envelope * Short.MAX_VALUE);
                    out[i++] = (byte) v;
                    out[i++] = (byte) (v >> 8);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        audio.shutdownNow();
    }
}
