package io.legwatch.ui;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.ui.positions.PositionRow;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.ui.TestSnapshots.A;
import static io.legwatch.ui.TestSnapshots.B;
import static io.legwatch.ui.TestSnapshots.leg;
import static io.legwatch.ui.TestSnapshots.snapshot;
import static io.legwatch.ui.TestSnapshots.strategy;
import static org.assertj.core.api.Assertions.assertThat;

/** The table's tooltips are made when the pointer reaches a cell, and say what they said before. */
@ExtendWith(ApplicationExtension.class)
class PositionTooltipsTest {
    private final FakeSession session = new FakeSession();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session.snapshot.set(snapshot(1, List.of(strategy("basis", HedgeStatus.NAKED, 65_000, 1_000,
                leg("basis", "spot", A, "BTC-USD", 1.0, 65_000, HedgeStatus.NAKED, 500),
                leg("basis", "perp", B, "BTCUSDT", 0, 65_000, HedgeStatus.NAKED, 500))), List.of()));
        window = TestWindow.open(stage, session, TimeSource.SYSTEM);
        stage.setWidth(1200);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void noCellCarriesATooltipUntilThePointerRestsOnIt(FxRobot robot) throws Exception {
        TreeTableView<PositionRow> big = window.table().view();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> FxRows.inStrategyRow(big, "basis", ".status-cell").isPresent());
        Control status = (Control) FxRows.inStrategyRow(big, "basis", ".status-cell").orElseThrow();
        Control flatten = (Control) FxRows.inStrategyRow(big, "basis", ".flatten-button").orElseThrow();
        assertThat(status.getTooltip()).isNull();
        assertThat(flatten.getTooltip()).isNull();

        robot.moveTo((Node) status);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getTooltip() != null);
        assertThat(text(status.getTooltip())).isEqualTo(StatusText.explain(HedgeStatus.NAKED));

        robot.moveTo((Node) flatten);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> flatten.getTooltip() != null);
        assertThat(text(flatten.getTooltip())).isEqualTo("Flatten every leg of this strategy (asks first)");
    }

    private static String text(Tooltip t) throws Exception {
        return WaitForAsyncUtils.asyncFx(t::getText).get(5, TimeUnit.SECONDS);
    }
}
