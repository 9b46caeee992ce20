package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LadderSmokeTest {
    @TempDir
    Path dir;

    @Test
    void flattensAgainstFake() throws Exception {
        FakeVenue a = new FakeVenue("a").instrument("BTC-PERP", -2);
        FakeVenue b = new FakeVenue("b").instrument("BTCUSDT", 1);
        b.rejectNext = 2;
        a.maxFillPerOrder = 0.5;
        var snap = new Snapshots().venue(a.id, ConnectionState.CONNECTED).venue(b.id, ConnectionState.CONNECTED)
                .strategy("s1", HedgeStatus.NAKED, 50_000,
                        Snapshots.leg("s1", "perp", a.key("BTC-PERP"), -2, 50_000, HedgeStatus.NAKED, ConnectionState.CONNECTED),
                        Snapshots.leg("s1", "spot", b.key("BTCUSDT"), 1, 50_000, HedgeStatus.NAKED, ConnectionState.CONNECTED))
                .build();
        List<FlattenAlarm> alarms = new CopyOnWriteArrayList<>();
        try (Journal j = new Journal(dir, TimeSource.SYSTEM);
             KillSwitch ks = KillSwitch.builder().venues(List.of(a, b)).snapshots(() -> snap).journal(j)
                     .settings(FlattenSettings.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                     .alarms(alarms::add).build()) {
            FlattenPlan plan = ks.plan(KillScope.strategy("s1"));
            plan.lines().forEach(l -> org.slf4j.LoggerFactory.getLogger("t").info(l));
            KillResult r = ks.execute(plan, "user:test").result().get(10, TimeUnit.SECONDS);
            assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
            assertThat(a.positions.get("BTC-PERP")).isZero();
            assertThat(b.positions.get("BTCUSDT")).isZero();
            assertThat(b.received).hasSize(3);
            assertThat(a.received).hasSize(4);
            assertThat(r.receipts()).allSatisfy(k -> {
                assertThat(k.positionsZero()).isTrue();
                assertThat(k.openOrdersZero()).isTrue();
            });
        }
    }
}
