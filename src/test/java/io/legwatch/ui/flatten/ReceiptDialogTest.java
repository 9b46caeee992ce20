package io.legwatch.ui.flatten;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.VenueReceipt;
import io.legwatch.domain.VenueId;
import io.legwatch.ui.Css;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt says so when the action is not recorded in the journal, and says nothing when it is. */
@ExtendWith(ApplicationExtension.class)
class ReceiptDialogTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        Css.installTheme();
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private String header(String journalNote) throws Exception {
        ActionReceipt receipt = new ActionReceipt(new FlattenTarget.Global(), "Kill switch", true,
                "VERIFIED_FLAT: verified flat", List.of(new VenueReceipt(VenueId.of("sim-a"), 1, true, true, 12,
                List.of())), journalNote);
        return WaitForAsyncUtils.asyncFx(() -> new ReceiptDialog(owner, receipt).getHeaderText()).get();
    }

    @Test
    void aReceiptNotRecordedInTheJournalWarnsInItsHeader() throws Exception {
        assertThat(header("not recorded in the journal: journal fsync failed in /data: Input/output error"))
                .contains("verified by every venue")
                .contains("WARNING: not recorded in the journal: journal fsync failed in /data: Input/output error");
    }

    @Test
    void aRecordedReceiptHasNoWarning() throws Exception {
        assertThat(header("")).contains("verified by every venue").doesNotContain("WARNING").doesNotContain("journal");
    }
}
