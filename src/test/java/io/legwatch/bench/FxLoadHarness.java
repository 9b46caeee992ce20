package io.legwatch.bench;

import io.legwatch.app.LoadTestMode;
import io.legwatch.domain.TimeSource;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.metrics.PipelineLatency;
import io.legwatch.metrics.StageSummary;
import io.legwatch.sim.load.InjectedFailure;
import io.legwatch.sim.load.LoadProfile;
import io.legwatch.ui.Css;
import io.legwatch.ui.MainWindow;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The FX side of issue 7 under load: the real {@link MainWindow} on a {@link LoadTestMode} session
 * (default 500 strategies x 4 legs, 50,000 venue msg/s, one injected leg failure per second), on a
 * real display, for a given time; then every FX stage of {@link PipelineLatency}, the FX time per
 * pulse and its split, skipped pulses, and failure -> red for every injected failure.
 * <pre>
 * ./mvnw -q -DskipTests test-compile
 * ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.legwatch.bench.FxLoadHarness --duration 60s --warmup 15s
 * </pre>
 * Other parameters as the other load harnesses ({@code --strategies --legs --rate --failures --grace
 * --hold --seed}). Add {@code -Dprism.order=sw} or {@code es2} to pick the pipeline and
 * {@code -Dprism.verbose=true} to see which one ran. Exit status 1 when an injected failure was not
 * shown red.
 *
 * <p>What counts as red: the strategy's row <em>rendered in the viewport</em> of the pinned "Needs
 * attention" table (a row cell of its VirtualFlow, inside the flow's visible area, after CSS and layout)
 * with the {@code :naked} pseudo-class and a red background. A row scrolled out of view does not count;
 * the pinned table lists the strategies in need most severe first (oldest first within NAKED) and shows
 * about six before it scrolls; the big table below keeps configuration order and is not looked at.
 */
public final class FxLoadHarness {
    private FxLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        LoadArgs a = new LoadArgs(args);
        Duration warmup = a.duration("warmup", Duration.ofSeconds(15));
        Duration measure = a.duration("duration", Duration.ofSeconds(60));
        LoadProfile profile = a.profile(measure).withDuration(warmup.plus(measure));
        Path journal = Files.createTempDirectory("fx-load-journal");
        LoadTestMode session = new LoadTestMode(profile, journal);

        CompletableFuture<Void> toolkit = new CompletableFuture<>();
        Platform.startup(() -> toolkit.complete(null));
        toolkit.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        FxLoadProbe probe = onFx(() -> {
            Css.installTheme();
            MainWindow window = new MainWindow(session, null, TimeSource.SYSTEM);
            Stage stage = new Stage();
            Scene scene = window.attach(stage);
            FxLoadProbe p = new FxLoadProbe(window);
            scene.addPostLayoutPulseListener(p::afterLayout); // after the pump's listener (added in attach)
            stage.show();
            p.start();
            return p;
        });
        session.addTransitionListener(probe);
        session.start();
        String pipeline = onFx(FxLoadHarness::pipeline);
        String loadAtStart = loadAverage();
        System.out.printf(Locale.ROOT, "FX load: %d x %d legs, %,.0f msg/s, %.1f failures/s, grace %d ms, hold %d ms; "
                        + "warm-up %d s, measured %d s; pipeline %s; load average at start %s%n",
                profile.strategies(), profile.legsPerStrategy(), profile.messagesPerSecond(), profile.failuresPerSecond(),
                profile.grace().toMillis(), profile.failureHold().toMillis(), warmup.toSeconds(), measure.toSeconds(),
                pipeline, loadAtStart);

        Thread.sleep(warmup.toMillis());
        PipelineLatency latency = session.latency();
        long measureStart = System.nanoTime();
        onFx(() -> {
            latency.roll();
            latency.reset();
            probe.measure(true);
            return null;
        });
        List<String> loads = new ArrayList<>();
        for (long left = measure.toMillis(); left > 0; left -= 10_000) {
            Thread.sleep(Math.min(left, 10_000));
            loads.add(loadAverage());
            System.out.printf(Locale.ROOT, "t=%3ds  FX p99 (5 s) %s  venue->screen p99 (5 s) %s  load %s%n",
                    (System.nanoTime() - measureStart) / 1_000_000_000L,
                    StageSummary.human(latency.rolling(LatencyStage.FX_PULSE).p99()),
                    StageSummary.human(latency.rolling(LatencyStage.VENUE_TO_SCREEN).p99()), loads.get(loads.size() - 1));
        }
        List<InjectedFailure> failures = awaitFailures(session, Duration.ofSeconds(15));
        Thread.sleep(500); // the last repair's frames
        List<StageSummary> stages = onFx(() -> {
            probe.measure(false);
            latency.roll();
            return latency.report();
        });
        int waiting = onFx(probe::stillWaiting);
        onFx(() -> {
            probe.stop();
            return null;
        });
        session.close();

        FxLoadReport report = new FxLoadReport(profile, probe, failures, measureStart, waiting);
        System.out.printf("load average during the run (1/5/15 min, every 10 s): %s%n", String.join(" | ", loads));
        for (StageSummary s : stages) {
            System.out.println("  " + s.format());
        }
        System.out.print(report.describe());
        Platform.exit();
        System.exit(report.allRed() ? 0 : 1);
    }

    private static List<InjectedFailure> awaitFailures(LoadTestMode session, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<InjectedFailure> failures = session.injectedFailures();
        while (failures.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
            failures = session.injectedFailures();
        }
        return failures;
    }

    /** Which Prism pipeline renders (the toolkit picks es2 when it can and falls back to sw). */
    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "unknown" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    static String percentiles(Histogram h, double unit, String suffix) {
        if (h.getTotalCount() == 0) {
            return "n=0";
        }
        return String.format(Locale.ROOT, "n=%,d  p50 %.2f%s  p99 %.2f%s  p99.9 %.2f%s  max %.2f%s", h.getTotalCount(),
                h.getValueAtPercentile(50) / unit, suffix, h.getValueAtPercentile(99) / unit, suffix,
                h.getValueAtPercentile(99.9) / unit, suffix, h.getMaxValue() / unit, suffix);
    }
}
