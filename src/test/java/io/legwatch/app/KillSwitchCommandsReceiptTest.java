package io.legwatch.app;

import io.legwatch.flatten.FlattenPlan;
import io.legwatch.flatten.KillMode;
import io.legwatch.flatten.KillResult;
import io.legwatch.flatten.KillScope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt the trader reads carries the journal failure the kill switch reported. */
class KillSwitchCommandsReceiptTest {
    private static final FlattenPlan PLAN = new FlattenPlan("f1", new KillScope.Global(), KillMode.FLATTEN, 0, 0,
            List.of(), "ladder", List.of());

    @Test
    void aResultNotRecordedInTheJournalSaysSoOnTheReceipt() {
        KillResult r = new KillResult(PLAN, "user:t", KillResult.Outcome.VERIFIED_FLAT, List.of(), 0, 1, "verified flat")
                .withJournalFailure("journal fsync failed in /data/journal: Input/output error");

        ActionReceipt receipt = KillSwitchCommands.receipt(new FlattenTarget.Global(), "Kill switch", r);

        assertThat(receipt.ok()).isTrue();
        assertThat(receipt.journalNote())
                .isEqualTo("not recorded in the journal: journal fsync failed in /data/journal: Input/output error");
    }

    @Test
    void aRecordedResultHasNoJournalNote() {
        KillResult r = new KillResult(PLAN, "user:t", KillResult.Outcome.VERIFIED_FLAT, List.of(), 0, 1, "verified flat");

        assertThat(KillSwitchCommands.receipt(new FlattenTarget.Global(), "Kill switch", r).journalNote()).isEmpty();
    }
}
