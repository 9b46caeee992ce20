/**
 * Latency stamping from venue bytes to the screen, per {@link io.legwatch.metrics.LatencyStage}, in
 * HdrHistograms ({@link io.legwatch.metrics.PipelineLatency}). No JavaFX here: the UI calls it.
 *
 * <h2>Wiring (app and UI)</h2>
 * <pre>{@code
 * PipelineLatency latency = new PipelineLatency().attach(monitor);          // engine side: applied, published
 * connector.start(event -> {                                                // every connector's sink
 *     latency.onParsed(event, System.nanoTime());
 *     monitor.submit(event);
 * });
 *
 * // FX thread: the AnimationTimer that takes the newest snapshot once per pulse
 * public void handle(long now) {
 *     pulseStart = System.nanoTime();
 *     MonitorSnapshot s = monitor.snapshot();
 *     if (s != shown) { table.apply(s); shown = s; }
 *     latency.onSnapshotApplied(s, System.nanoTime());                     // same version twice records nothing
 * }
 * scene.addPostLayoutPulseListener(() -> {                                  // after CSS and layout
 *     long t = System.nanoTime();
 *     latency.onRendered(t);
 *     latency.onPulse(t - pulseStart);
 * });
 *
 * // status bar, once a second (a Timeline): roll() closes the interval the rolling figures use
 * latency.roll();
 * statusLabel.setText(latency.statusLine(System.nanoTime()));             // "venue→screen p99 4.2 ms · data age 18 ms"
 * }</pre>
 * The FX-side calls are allocation-free and never block; {@code roll()} and the readers take a lock
 * shared only with other readers. {@link io.legwatch.metrics.PipelineLatency#report()} gives every
 * stage's p50/p99/p99.9/max since start (e.g. for a diagnostics dialog or a log line at exit).
 */
package io.legwatch.metrics;
