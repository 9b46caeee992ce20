package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.journal.JournalRecovery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between "order sent" (journaled) and "confirmed"; the restart finds the unfinished
 * flatten, re-verifies against the venue and resumes it without sending anything twice.
 */
class CrashRecoverySimTest extends SimWorldTest {
    @Test
    void orderExecutedButUnconfirmedAtCrashIsVerifiedNotResent() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).delayAcks(Duration.ofMillis(500));
        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:alice");
        await(() -> h.progress().legs().get(0).phase() == LegPhase.ORDERING, "order out at the venue");
        String flattenId = h.plan().flattenId();

        crash();
        world.sim.advance(Duration.ofMillis(600)); // the venue executes the order; nobody hears the ack
        assertThat(world.venueQty(SPOT)).isZero();
        List<String> sentBefore = world.journaledSends();
        assertThat(sentBefore).hasSize(1);

        world.killSwitch = world.newKillSwitch(FlattenLadderSimTest.FAST); // restart
        List<RecoveryNotice> notices = world.killSwitch.recover();

        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.flattenId()).isEqualTo(flattenId);
            assertThat(n.originalFiredBy()).isEqualTo("user:alice");
            assertThat(n.inDoubtOrders()).containsExactlyElementsOf(sentBefore);
            assertThat(n.message()).contains("unfinished").contains("re-verifying");
        });
        assertThat(world.killSwitch.recoveryNotices()).hasSize(1);
        assertThat(world.alarms).anySatisfy(a -> assertThat(a.kind()).isEqualTo(FlattenAlarm.Kind.RECOVERED));
        KillResult r = notices.get(0).handle().result().get(30, TimeUnit.SECONDS);
        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(r.firedBy()).isEqualTo("recovery:user:alice");
        assertThat(world.journaledSends()).isEqualTo(sentBefore); // nothing sent after the restart
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(JournalRecovery.scan(dir).unfinished()).isEmpty();
        world.awaitStatus(HedgeStatus.FLAT);
    }

    @Test
    void orderJournaledButNeverSentAtCrashIsResentUnderItsOwnId() throws Exception {
        world = new SimWorld(dir, FlattenLadderSimTest.FAST);
        world.nakedLong(1.0);
        // The previous run planned, journaled the start and the order (write-ahead), then died
        // before the order left the process.
        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS));
        String cid = ClientOrderIds.of(plan.flattenId(), 0, 1);
        FlattenJournal previousRun = new FlattenJournal(world.journal, world.alarms::add, world.clock);
        previousRun.started(plan, "user:alice", false);
        previousRun.sent(plan.flattenId(), 0, 1, new OrderRequest(SPOT, Side.SELL, 1.0, OrderType.LIMIT_IOC,
                59_000, true, cid), 1);
        crash();
        assertThat(world.venueQty(SPOT)).isEqualTo(1.0);

        world.killSwitch = world.newKillSwitch(FlattenLadderSimTest.FAST);
        List<RecoveryNotice> notices = world.killSwitch.recover();
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.inDoubtOrders()).containsExactly(cid));
        KillResult r = notices.get(0).handle().result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(world.journaledSends()).containsExactly(cid, cid); // the same id, sent once for real
        assertThat(world.flattenOrdersAtVenue()).containsOnlyKeys(cid)
                .allSatisfy((id, orderIds) -> assertThat(orderIds).hasSize(1));
        SentOrder resent = r.receipts().get(0).legs().get(0).orders().get(0);
        assertThat(resent.request().clientOrderId()).isEqualTo(cid);
        assertThat(resent.outcome()).isEqualTo(OrderState.FILLED);
        assertThat(resent.sends()).isEqualTo(2);
    }

    /** The process dies: its threads stop, nothing more is journaled (what was written is on disk). */
    private void crash() {
        world.killSwitch.close();
        world.journal.close();
    }
}
