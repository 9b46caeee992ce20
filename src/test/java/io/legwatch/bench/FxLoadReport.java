package io.legwatch.bench;

import io.legwatch.sim.load.InjectedFailure;
import io.legwatch.sim.load.LoadProfile;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FX harness's verdict: pulses and their split, skipped pulses, and failure -> red per injected
 * failure (each matched to the first red frame of its strategy between its injection and its repair).
 */
final class FxLoadReport {
    private final LoadProfile profile;
    private final FxLoadProbe probe;
    private final List<InjectedFailure> measured = new ArrayList<>();
    private final int stillWaiting;
    private final Histogram injectToRedMs = new Histogram(1, 3_600_000, 3);
    private final Histogram graceExpiryToRedMs = new Histogram(1, 3_600_000, 3);
    private final Histogram publishToRed = new Histogram(1, 60_000_000_000L, 2);
    private final Histogram publishToTable = new Histogram(1, 60_000_000_000L, 2);
    private final Histogram tableToRed = new Histogram(1, 60_000_000_000L, 2);
    private final List<InjectedFailure> notRed = new ArrayList<>();

    FxLoadReport(LoadProfile profile, FxLoadProbe probe, List<InjectedFailure> failures, long measureStartNanos,
                 int stillWaiting) {
        this.profile = profile;
        this.probe = probe;
        this.stillWaiting = stillWaiting;
        List<FxLoadProbe.RedSeen> reds = new ArrayList<>(probe.reds);
        long graceMs = profile.grace().toMillis();
        for (InjectedFailure f : failures) {
            if (f.injectedNanos() - measureStartNanos < 0) {
                continue; // injected during the warm-up
            }
            measured.add(f);
            FxLoadProbe.RedSeen hit = null;
            for (FxLoadProbe.RedSeen r : reds) {
                if (r.published().strategyId().equals(f.strategyId()) && r.redNanos() - f.injectedNanos() >= 0
                        && (!f.repaired() || r.published().nanos() - f.repairedNanos() <= 0)) {
                    hit = r;
                    break;
                }
            }
            if (hit == null) {
                notRed.add(f);
                continue;
            }
            reds.remove(hit);
            injectToRedMs.recordValue(Math.max(1, (hit.redNanos() - f.injectedNanos()) / 1_000_000));
            // The grace runs on the engine's epoch-ms clock from the injection's venue message.
            graceExpiryToRedMs.recordValue(Math.max(1, hit.redEpochMs() - (f.injectedEpochMs() + graceMs)));
            publishToRed.recordValue(Math.max(1, hit.redNanos() - hit.published().nanos()));
            if (hit.tableNanos() != 0) {
                publishToTable.recordValue(Math.max(1, hit.tableNanos() - hit.published().nanos()));
                tableToRed.recordValue(Math.max(1, hit.redNanos() - hit.tableNanos()));
            }
        }
    }

    boolean allRed() {
        return notRed.isEmpty() && !measured.isEmpty();
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "pulses measured %,d; FX time > %d ms in %,d of them%n", probe.pulses,
                FxLoadProbe.LONG_PULSE_NANOS / 1_000_000, probe.longPulses));
        b.append("  views (snapshot diff, row updates) per pulse: ")
                .append(FxLoadHarness.percentiles(probe.viewsNanos, 1e6, " ms")).append('\n');
        b.append("  CSS + layout per pulse:                        ")
                .append(FxLoadHarness.percentiles(probe.cssLayoutNanos, 1e6, " ms")).append('\n');
        b.append("  FX thread CPU time per pulse cycle (all work between two post-layout points): ")
                .append(FxLoadHarness.percentiles(probe.cpuPerCycleNanos, 1e6, " ms")).append('\n');
        b.append("    of which cycles with attention changes (pinned table rows came, went, reordered): ")
                .append(FxLoadHarness.percentiles(probe.cpuAttentionNanos, 1e6, " ms")).append('\n');
        b.append("    of which the other cycles:                       ")
                .append(FxLoadHarness.percentiles(probe.cpuSteadyNanos, 1e6, " ms")).append('\n');
        b.append(String.format(Locale.ROOT, "  big table top-level row changes while measuring: %,d (a status never moves a row); "
                + "stuck flow layouts rescued: big table %,d, pinned table %,d%n",
                probe.bigTableMoves, probe.bigLayoutRescues, probe.pinnedLayoutRescues));
        b.append("  gap between AnimationTimer pulses:             ")
                .append(FxLoadHarness.percentiles(probe.gapNanos, 1e6, " ms")).append('\n');
        b.append(String.format(Locale.ROOT, "skipped: %,d gaps > 1.5 frames (%,d pulses missed); after a pulse whose "
                        + "FX time (ours, wall) was > %d ms: %,d gaps; FX thread CPU > %d ms within the gap: %,d gaps%n",
                probe.skippedGaps, probe.skippedPulses, FxLoadProbe.LONG_PULSE_NANOS / 1_000_000,
                probe.skippedGapsAfterLongPulse, FxLoadProbe.LONG_PULSE_NANOS / 1_000_000, probe.skippedGapsWithBusyThread));
        b.append(String.format(Locale.ROOT, "failures injected after the warm-up %d, shown red %d, not shown red %d "
                        + "in the pinned table (NAKED came and went unseen %d, still waiting at the end %d, red pseudo-class "
                        + "without a red background %d)%n",
                measured.size(), measured.size() - notRed.size(), notRed.size(), probe.nakedLeftBeforeRed, stillWaiting,
                probe.redButNotRedPixels));
        b.append(String.format(Locale.ROOT, "  frames with the model row NAKED but no red row in the pinned table's view: "
                        + "not listed %,d, listed but out of its view %,d, in view without :naked %,d%n",
                probe.lateFramesNotListed, probe.lateFramesOutOfView, probe.lateFramesNotStyled));
        b.append("  failure injected -> red (ms, grace ").append(profile.grace().toMillis()).append(" ms included): ")
                .append(FxLoadHarness.percentiles(injectToRedMs, 1, " ms")).append('\n');
        b.append("  grace expiry -> red (epoch ms):                ")
                .append(FxLoadHarness.percentiles(graceExpiryToRedMs, 1, " ms")).append('\n');
        b.append("  NAKED published -> red frame:                  ")
                .append(FxLoadHarness.percentiles(publishToRed, 1e6, " ms")).append('\n');
        b.append("    NAKED published -> model row NAKED (seen after layout): ")
                .append(FxLoadHarness.percentiles(publishToTable, 1e6, " ms")).append('\n');
        b.append("    model row NAKED -> rendered row red:          ")
                .append(FxLoadHarness.percentiles(tableToRed, 1e6, " ms")).append('\n');
        for (InjectedFailure f : notRed.subList(0, Math.min(5, notRed.size()))) {
            b.append("  not red: ").append(f).append('\n');
        }
        b.append(allRed() ? "VERDICT: every injected failure rendered red" : "VERDICT: NOT every failure rendered red")
                .append('\n');
        return b.toString();
    }
}
