package io.legwatch.flatten;

import io.legwatch.testing.FaultyFileChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.SPOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk fails under a flatten: the flatten is never stopped by it (safety first), but the
 * trader is told, by one alarm and by the result, that it is not recorded.
 */
class JournalFailureSimTest extends SimWorldTest {
    @Test
    void aFlattenWhoseJournalCannotFsyncStillVerifiesFlatAndSaysItIsNotRecorded() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            ch.beforeForce = c -> {
                throw new IOException("Input/output error");
            };
            return ch;
        });
        world.nakedLong(1.0);

        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS));
        KillResult r = world.killSwitch.execute(plan, "user:test").result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(r.journalFailure()).contains("journal fsync failed").contains("Input/output error");
        assertThat(r.journalNote()).startsWith("not recorded in the journal: ").contains("Input/output error");
        assertThat(world.alarms).filteredOn(a -> a.kind() == FlattenAlarm.Kind.JOURNAL_FAILED
                        && plan.flattenId().equals(a.flattenId()))
                .singleElement().satisfies(a -> assertThat(a.message())
                        .contains("continues, but it is not recorded in the journal").contains("Input/output error"));
    }

    @Test
    void aFlattenOnAHealthyDiskCarriesNoJournalFailure() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);

        KillResult r = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test")
                .result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(r.journalFailure()).isNull();
        assertThat(r.journalNote()).isEmpty();
        assertThat(world.alarms).noneMatch(a -> a.kind() == FlattenAlarm.Kind.JOURNAL_FAILED);
        assertThat(world.journalHasLine("flatten.finished", r.plan().flattenId())).isTrue();
    }
}
