package io.legwatch.ui.flatten;

import io.legwatch.app.ActionReceipt;
import io.legwatch.app.FlattenPreview;
import io.legwatch.app.FlattenTarget;
import io.legwatch.app.LegwatchSession;
import io.legwatch.domain.VenueId;
import io.legwatch.ui.ErrorDialogs;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.RowKind;
import io.legwatch.ui.venues.VenueStrip;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every flatten/cancel/kill the trader can start from the window: asks for confirmation with the
 * exact plan, sends it through the session, and shows what came back. Session calls that return
 * futures never block the FX thread; results come back via {@link Platform#runLater} (once per
 * action, not per message).
 */
public final class FlattenActions implements VenueStrip.Actions {
    private static final Logger log = LoggerFactory.getLogger(FlattenActions.class);

    private final LegwatchSession session;
    private final Supplier<Window> owner;
    private final ReadOnlyBooleanWrapper killRunning = new ReadOnlyBooleanWrapper(this, "killRunning");
    private final ReadOnlyObjectWrapper<ActionReceipt> lastReceipt = new ReadOnlyObjectWrapper<>(this, "lastReceipt");

    public FlattenActions(LegwatchSession session, Supplier<Window> owner) {
        this.session = session;
        this.owner = owner;
    }

    /** Flatten button / menu on a row: the strategy, or a single leg. */
    public void flattenRow(PositionRow row) {
        if (row.kind() == RowKind.STRATEGY) {
            confirmAndFlatten(new FlattenTarget.Strategy(row.strategyId(), row.strategyName()), false);
        } else if (row.kind() == RowKind.LEG) {
            confirmAndFlatten(new FlattenTarget.Leg(row.strategyId(), row.legId(), row.instrument()), false);
        }
    }

    @Override
    public void flattenVenue(VenueId venue) {
        confirmAndFlatten(new FlattenTarget.Venue(venue), true);
    }

    @Override
    public void cancelAll(VenueId venue) {
        run(session.cancelAll(venue), "Cancel all orders on " + venue, true);
    }

    /** The hotkey path of the kill switch: shows the global plan and fires only on confirm. */
    public void killWithConfirm() {
        if (!killRunning.get()) {
            confirmAndFlatten(new FlattenTarget.Global(), true);
        }
    }

    /** The hold-to-fire path: the one-second hold was the confirmation. */
    public void killNow() {
        if (!killRunning.get()) {
            log.warn("Kill switch fired (hold)");
            startKill();
        }
    }

    private void confirmAndFlatten(FlattenTarget target, boolean alwaysShowReceipt) {
        FlattenPreview preview;
        try {
            preview = session.preview(target);
        } catch (RuntimeException e) {
            log.error("Could not build the flatten plan for {}", target, e);
            ErrorDialogs.create(owner.get(), "Could not build the flatten plan for " + target.describe(), e).show();
            return;
        }
        boolean confirmed = new FlattenConfirmDialog(owner.get(), preview).showAndWait().orElse(false);
        if (!confirmed) {
            return;
        }
        log.info("Trader confirmed flatten of {} (plan {})", target.describe(), preview.planId());
        if (target instanceof FlattenTarget.Global) {
            trackKill(session.execute(preview));
        } else {
            run(session.execute(preview), "Flatten", alwaysShowReceipt);
        }
    }

    private void startKill() {
        trackKill(session.killAll());
    }

    private void trackKill(CompletableFuture<ActionReceipt> kill) {
        killRunning.set(true);
        run(kill, "Kill switch", true).whenComplete((r, e) -> Platform.runLater(() -> killRunning.set(false)));
    }

    private CompletableFuture<ActionReceipt> run(CompletableFuture<ActionReceipt> action, String what,
                                                 boolean alwaysShowReceipt) {
        return action.whenComplete((receipt, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("{} failed", what, error);
                ErrorDialogs.create(owner.get(), what + " failed: " + ErrorDialogs.message(error), error).show();
                return;
            }
            lastReceipt.set(receipt);
            if (alwaysShowReceipt || !receipt.ok()) {
                new ReceiptDialog(owner.get(), receipt).show();
            }
        }));
    }

    /** True from the kill switch firing until its receipt is in. */
    public ReadOnlyBooleanProperty killRunningProperty() {
        return killRunning.getReadOnlyProperty();
    }

    /** The most recent receipt shown or received. */
    public ReadOnlyObjectProperty<ActionReceipt> lastReceiptProperty() {
        return lastReceipt.getReadOnlyProperty();
    }
}
