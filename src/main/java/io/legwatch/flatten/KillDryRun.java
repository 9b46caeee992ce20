package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One global kill run start to finish against {@link DryRunVenue}s (in memory, one per venue, holding a
 * position on one of that venue's real instruments), through a kill switch of its own: its own halt
 * gate, its own journal in a temporary directory (deleted after), no listeners. The first real kill
 * otherwise loads and links the job's, the ladder's and the journal's code (hundreds of classes,
 * mostly lambdas) and runs it interpreted while the trader waits; after this it finds them ready.
 * Nothing here holds a connector or a gateway of a real venue, so nothing can reach one.
 */
final class KillDryRun {
    private static final Logger LOG = LoggerFactory.getLogger(KillDryRun.class);
    private static final long LIMIT_SECONDS = 10;

    private KillDryRun() {
    }

    /** Runs the dry kill on the calling thread (seconds at most); failures are logged, never thrown. */
    static void run(List<Instrument> samples, FlattenSettings settings, TimeSource time,
                    java.util.function.Supplier<MonitorSnapshot> snapshots) {
        if (samples.isEmpty()) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("legwatch-kill-dry-run");
            List<DryRunVenue> venues = new ArrayList<>();
            List<PlanLeg> legs = new ArrayList<>();
            for (Instrument i : samples) {
                double qty = 10 * i.lotSize();
                venues.add(new DryRunVenue(i, qty));
                legs.add(new PlanLeg(legs.size(), null, null, i.key(), Side.SELL, qty, OrderType.LIMIT_IOC, true, 100,
                        true, 0, ConnectionState.CONNECTED));
            }
            try (Journal journal = new Journal(dir, time);
                 KillSwitch ks = KillSwitch.builder().venues(venues).snapshots(snapshots)
                         .journal(journal).settings(settings).time(time).warmUp(false)
                         .alarms(a -> LOG.debug("dry-run kill alarm {}: {}", a.kind(), a.message())).build()) {
                FlattenPlan plan = new FlattenPlan(new FlattenIds(time).next(), KillScope.global(), KillMode.FLATTEN,
                        time.millis(), 0, legs, settings.describe(), List.of());
                KillResult r = ks.execute(plan, "warm-up").result().get(LIMIT_SECONDS, TimeUnit.SECONDS);
                LOG.debug("dry-run kill on {} venue(s): {}", samples.size(), r.outcome());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("dry-run kill failed: {}", e.toString());
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("dry-run journal {} not deleted: {}", dir, e.toString());
        }
    }
}
