package io.legwatch.ui;

import io.legwatch.app.AutoFlattenControl;
import io.legwatch.app.LegwatchSession;
import io.legwatch.config.SettingsStore;
import io.legwatch.config.UserSettings;
import io.legwatch.domain.TimeSource;
import io.legwatch.ui.alerts.AlarmPopups;
import io.legwatch.ui.alerts.AlarmSound;
import io.legwatch.ui.alerts.IncidentsDialog;
import io.legwatch.ui.alerts.StatusAlarms;
import io.legwatch.ui.alerts.ToneAlarmPlayer;
import io.legwatch.ui.demo.FaultPanel;
import io.legwatch.ui.demo.LoadTestWindow;
import io.legwatch.ui.flatten.FlattenActions;
import io.legwatch.ui.flatten.HoldToFireButton;
import io.legwatch.ui.positions.AttentionPane;
import io.legwatch.ui.positions.PositionRow;
import io.legwatch.ui.positions.PositionTable;
import io.legwatch.ui.positions.PositionTreeModel;
import io.legwatch.ui.positions.RowKind;
import io.legwatch.ui.venues.DeadManDialog;
import io.legwatch.ui.venues.VenueStrip;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The main window's content and its live wiring: toolbar with the kill switch, the by-underlying
 * strip, the pinned "Needs attention" table over the positions tree, recent venue errors, the venue
 * strip and (demo) the fault panel.
 * One {@link SnapshotPump} feeds every view; one {@link UiClock} drives every age.
 */
public final class MainWindow {
    /** The documented kill hotkey: Ctrl+Shift+K (Cmd+Shift+K on macOS), then confirm. */
    public static final KeyCombination KILL_HOTKEY =
            new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final Duration KILL_HOLD = Duration.seconds(1);
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    private final LegwatchSession session;
    private final SettingsStore settings;
    private final PositionTreeModel model = new PositionTreeModel();
    private final PositionTable table;
    private final PositionTable pinned;
    /** The table the trader selected in last; selecting in one clears the other, so "selected" is never ambiguous. */
    private PositionTable selecting;
    private final VBox tables = new VBox();
    private final AttentionPane attention;
    private final VenueStrip venues;
    private final AlertLog errors = new AlertLog();
    private final UnderlyingStrip underlying = new UnderlyingStrip();
    private final SnapshotPump pump;
    private final UiClock clock;
    private final LatencyStatus latencyStatus;
    private final FlattenActions actions;
    private final HoldToFireButton killButton = new HoldToFireButton("KILL ALL", KILL_HOLD);
    private final Optional<FaultPanel> faultPanel;
    private final StatusAlarms statusAlarms = new StatusAlarms();
    private final ToneAlarmPlayer tone = new ToneAlarmPlayer();
    private final AlarmSound sound = new AlarmSound(tone);
    private final AlarmPopups popups = new AlarmPopups(this::window);
    private final BorderPane root = new BorderPane();
    private Stage stage;

    public MainWindow(LegwatchSession session, SettingsStore settings, TimeSource time) {
        this.session = Objects.requireNonNull(session, "session");
        this.settings = settings;
        this.actions = new FlattenActions(session, this::window);
        this.table = new PositionTable(model, session.autoFlatten(), actions::flattenRow);
        this.pinned = PositionTable.attention(model, session.autoFlatten(), actions::flattenRow, table);
        this.attention = new AttentionPane(model, pinned, tables);
        this.selecting = table;
        this.venues = new VenueStrip(actions);
        this.clock = new UiClock(time, Duration.millis(250));
        this.pump = new SnapshotPump(session::snapshot, session.latency(), time);
        this.latencyStatus = new LatencyStatus(session.latency(), time);
        this.faultPanel = session.faults().map(FaultPanel::new);

        pump.subscribe(s -> model.apply(s, clock.nowMs()));
        pump.subscribe(venues::apply);
        pump.subscribe(underlying::apply);
        pump.subscribe(s -> errors.apply(s, clock.nowMs()));
        pump.subscribe(s -> {
            List<StatusAlarms.Entered> entered = statusAlarms.update(s);
            sound.onEntered(entered);
            if (!entered.isEmpty()) {
                // After this frame: a popup builds a window and its scene (20 ms and more under load),
                // and the frame that turns the row red must not wait for it.
                javafx.application.Platform.runLater(() -> popups.onEntered(entered));
            }
        });
        clock.onTick(model::tick);
        clock.onTick(venues::tick);
        clock.onTick(now -> errors.applyAlarms(session.alarms()));
        clock.onTick(now -> model.showAutoCountdowns(session.autoFlatten().countdowns()));
        faultPanel.ifPresent(p -> clock.onTick(now -> {
            if (p.view().isVisible()) {
                p.refreshState();
            }
        }));

        root.getStyleClass().add("legwatch");
        root.setTop(new VBox(toolbar(), underlying.view()));
        root.setCenter(center());
        Button deadMan = new Button("Dead-man", new FontIcon("mdmz-timer"));
        deadMan.setId("dead-man-button");
        deadMan.getStyleClass().addAll("small", "flat");
        deadMan.setTooltip(new Tooltip("Exchange-side dead-man switches per venue (they cancel orders, not positions)"));
        deadMan.setOnAction(e -> new DeadManDialog(window(), session::deadManSwitches).show());
        venues.addRight(deadMan, latencyStatus.view());
        root.setBottom(venues.view());
        // The fault panel joins the scene when first opened (toolbar): hidden, it would still be styled
        // and skinned (combo boxes, spinner) before the first frame.
        for (PositionTable t : List.of(table, pinned)) {
            t.view().setContextMenu(rowMenu());
            t.view().getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
                if (now != null && selecting != t) {
                    PositionTable other = selecting;
                    selecting = t;
                    other.view().getSelectionModel().clearSelection();
                }
            });
        }
    }

    /** The strategy selected in either table (a selected leg counts as its strategy). */
    private Optional<PositionRow> selectedStrategy() {
        return selecting.selectedStrategy();
    }

    private Optional<PositionRow> selectedRow() {
        return selecting.selectedRow();
    }

    private HBox toolbar() {
        Label brand = new Label("LEGWATCH", new FontIcon("mdmz-security"));
        brand.getStyleClass().add("brand");
        Label mode = new Label(session.label());
        mode.getStyleClass().add("mode-badge");
        mode.setId("mode-badge");

        Button flattenSelected = new Button("Flatten selected...", new FontIcon("mdal-clear_all"));
        flattenSelected.setId("flatten-selected");
        flattenSelected.setTooltip(new Tooltip("Flatten the selected strategy (asks first, showing every order)"));
        flattenSelected.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedStrategy().isEmpty(),
                table.view().getSelectionModel().selectedItemProperty(), pinned.view().getSelectionModel().selectedItemProperty()));
        flattenSelected.setOnAction(e -> selectedStrategy().ifPresent(actions::flattenRow));

        AutoFlattenControl auto = session.autoFlatten();
        ToggleButton globalAuto = new ToggleButton();
        globalAuto.setId("auto-global");
        globalAuto.getStyleClass().add("auto-toggle");
        globalAuto.setSelected(auto.globalArmed());
        globalAuto.setTooltip(new Tooltip("Automatic flatten for all strategies. Armed: the policy flattens a "
                + "strategy that stays naked, and the surviving legs when a venue stays down. Disarmed: alerts only."));
        javafx.css.PseudoClass autoOff = javafx.css.PseudoClass.getPseudoClass("auto-global-off");
        Runnable showAuto = () -> {
            globalAuto.setText(globalAuto.isSelected() ? "Auto-flatten ARMED" : "Auto-flatten off");
            // Per-strategy switches only act while the global one is armed; show them muted otherwise.
            table.view().pseudoClassStateChanged(autoOff, !globalAuto.isSelected());
            pinned.view().pseudoClassStateChanged(autoOff, !globalAuto.isSelected());
        };
        showAuto.run();
        globalAuto.setOnAction(e -> {
            auto.setGlobalArmed(globalAuto.isSelected());
            globalAuto.setSelected(auto.globalArmed());
            showAuto.run();
        });

        ToggleButton mute = new ToggleButton();
        mute.setId("mute-alarm");
        mute.setTooltip(new Tooltip("Mute the alarm sound for strategies going NAKED or FLATTEN FAILED "
                + "(the popups and red rows stay)"));
        mute.selectedProperty().bindBidirectional(sound.mutedProperty());
        if (settings != null) {
            sound.mutedProperty().set(settings.get().alarmMuted());
            sound.mutedProperty().addListener((obs, was, muted) -> settings.update(s -> s.withAlarmMuted(muted)));
        }
        mute.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(mute.isSelected() ? "mdmz-volume_off" : "mdmz-volume_up"), mute.selectedProperty()));

        Button incidents = new Button("Incidents", new FontIcon("mdal-history"));
        incidents.setId("incidents-button");
        incidents.setTooltip(new Tooltip("Leg failures since start: peak exposure, time naked, what fired, receipts, time to flat"));
        incidents.setOnAction(e -> new IncidentsDialog(window(), session::incidents).show());

        HBox bar = new HBox(brand, mode, flattenSelected, globalAuto, mute, incidents);
        faultPanel.ifPresent(p -> {
            ToggleButton faults = new ToggleButton("Faults", new FontIcon("mdal-bug_report"));
            faults.setId("toggle-faults");
            faults.setTooltip(new Tooltip("Demo: break and heal simulated venues"));
            faults.selectedProperty().addListener((obs, o, on) -> {
                if (root.getRight() != p.view()) {
                    root.setRight(p.view());
                }
                p.refreshVenues();
                p.view().setVisible(on);
                p.view().setManaged(on);
            });
            Button loadTest = new Button("Load test", new FontIcon("mdmz-speed"));
            loadTest.setId("load-test");
            loadTest.setTooltip(new Tooltip("Demo: open a second window on a simulated load of 500 strategies x 4 legs "
                    + "at 50,000 messages/s with injected leg failures (runs 60 s; closing the window stops it)"));
            loadTest.setOnAction(e -> LoadTestWindow.open(window()));
            bar.getChildren().addAll(faults, loadTest);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("hold 1 s, or " + KILL_HOTKEY.getDisplayText() + " then confirm");
        hint.getStyleClass().add("kill-hint");
        killButton.setId("kill-all");
        killButton.setOnFire(actions::killNow);
        Tooltip.install(killButton, new Tooltip("Global kill switch: cancels every order and flattens every position "
                + "on every venue (reduce-only), then shows a receipt per venue.\nHold for one second to fire, or press "
                + KILL_HOTKEY.getDisplayText() + " and confirm."));
        killButton.disableProperty().bind(actions.killRunningProperty());
        actions.killRunningProperty().addListener((obs, o, running) ->
                killButton.setText(running ? "KILL RUNNING..." : "KILL ALL"));
        bar.getChildren().addAll(spacer, hint, killButton);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private SplitPane center() {
        TitledPane errorPane = new TitledPane("", errors.view());
        errorPane.setId("errors-pane");
        errorPane.getStyleClass().add("errors-pane");
        errorPane.textProperty().bind(Bindings.size(errors.entries()).asString("Alarms and venue errors (%d)"));
        errorPane.setAnimated(false);
        javafx.css.PseudoClass hasErrors = javafx.css.PseudoClass.getPseudoClass("has-errors");
        errors.entries().addListener((javafx.collections.ListChangeListener<AlertLog.Entry>) c ->
                errorPane.pseudoClassStateChanged(hasErrors, !errors.entries().isEmpty()));
        // The pinned table on top, the big one takes the rest; AttentionPane caps the pinned one's share.
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        tables.getChildren().setAll(attention.view(), table.view());
        SplitPane split = new SplitPane(tables, errorPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.76);
        SplitPane.setResizableWithParent(errorPane, false);
        return split;
    }

    private ContextMenu rowMenu() {
        MenuItem flattenStrategy = new MenuItem("Flatten strategy...", new FontIcon("mdal-clear_all"));
        flattenStrategy.setOnAction(e -> selectedStrategy().ifPresent(actions::flattenRow));
        MenuItem flattenLeg = new MenuItem("Flatten this leg...");
        flattenLeg.setOnAction(e -> selectedRow().filter(r -> r.kind() == RowKind.LEG).ifPresent(actions::flattenRow));
        CheckMenuItem armed = new CheckMenuItem("Auto-flatten armed");
        armed.setOnAction(e -> selectedStrategy().ifPresent(r -> {
            session.autoFlatten().setArmed(r.strategyId(), armed.isSelected());
            model.autoArmedChanged();
        }));
        ContextMenu menu = new ContextMenu(flattenStrategy, flattenLeg, new SeparatorMenuItem(), armed);
        menu.setOnShowing(e -> {
            Optional<PositionRow> strategy = selectedStrategy();
            Optional<PositionRow> row = selectedRow();
            flattenStrategy.setDisable(strategy.isEmpty());
            flattenLeg.setDisable(row.filter(r -> r.kind() == RowKind.LEG).isEmpty());
            armed.setDisable(strategy.isEmpty());
            armed.setSelected(strategy.map(r -> session.autoFlatten().armed(r.strategyId())).orElse(false));
        });
        return menu;
    }

    /** Puts the content into {@code stage}: scene, styles, hotkey, icons and remembered placement. */
    public Scene attach(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Css.url());
        scene.getAccelerators().put(KILL_HOTKEY, actions::killWithConfirm);
        // After CSS and layout: the frame that shows the pump's snapshot is ready (latency stamps).
        scene.addPostLayoutPulseListener(pump::onRendered);
        stage.setScene(scene);
        stage.setTitle("Legwatch \u2014 " + session.label());
        // Window icons are set after the first frame (LegwatchApp): decoding them is not part of it.
        // Below this the table and the kill switch stop being readable.
        stage.setMinWidth(Math.min(MIN_WIDTH, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()));
        if (settings != null) {
            new WindowStatePersister(settings).restoreAndTrack(stage, table.view().getColumns());
        } else {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(UserSettings.DEFAULT.windowWidth(), screen.getWidth()));
            stage.setHeight(Math.min(UserSettings.DEFAULT.windowHeight(), screen.getHeight()));
            stage.centerOnScreen();
        }
        // Pulses and ticks only while the window is up.
        stage.setOnShown(e -> start());
        stage.setOnHidden(e -> stop());
        return scene;
    }

    public void start() {
        pump.start();
        clock.start();
        latencyStatus.start();
    }

    public void stop() {
        pump.stop();
        clock.stop();
        latencyStatus.stop();
        tone.close();
    }

    private Window window() {
        return stage;
    }

    public PositionTreeModel model() {
        return model;
    }

    /** The big table: every strategy in configuration order. */
    public PositionTable table() {
        return table;
    }

    /** The pinned "Needs attention" block above the big table. */
    public AttentionPane attention() {
        return attention;
    }

    public FlattenActions actions() {
        return actions;
    }

    public SnapshotPump pump() {
        return pump;
    }

    public UiClock clock() {
        return clock;
    }

    public LatencyStatus latencyStatus() {
        return latencyStatus;
    }

    public AlarmSound sound() {
        return sound;
    }

    public AlertLog errors() {
        return errors;
    }

    public Optional<FaultPanel> faultPanel() {
        return faultPanel;
    }
}
