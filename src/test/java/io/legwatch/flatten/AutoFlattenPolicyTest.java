package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.journal.Journal;
import io.legwatch.testing.FaultyFileChannel;
import io.legwatch.testing.ManualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The automatic policy as a state machine: snapshots and ticks in, actions out, on a manual clock. */
class AutoFlattenPolicyTest {
    static final long T0 = 1_767_225_600_000L;
    static final VenueId A = VenueId.of("a");
    static final VenueId B = VenueId.of("b");
    static final InstrumentKey SPOT = new InstrumentKey(A, "BTC-USD");
    static final InstrumentKey PERP = new InstrumentKey(B, "BTCUSDT");

    final ManualTime clock = new ManualTime(T0);
    final List<String> actions = new ArrayList<>();
    final AutoActions recorder = new AutoActions() {
        @Override
        public void flatten(KillScope scope, String firedBy) {
            actions.add("flatten " + scope.label());
        }

        @Override
        public void alert(String strategyId, String message) {
            actions.add("alert " + (strategyId == null ? "venue" : strategyId) + (message.contains("cap") ? " cap" : "")
                    + (message.contains("has not connected since start") ? " never-connected" : ""));
        }
    };
    @TempDir
    Path dir;
    Journal journal;
    AutoFlattenPolicy policy;

    @BeforeEach
    void setUp() {
        journal = new Journal(dir, clock);
        policy = new AutoFlattenPolicy(clock, recorder, VenueDownRule.OFF, journal);
    }

    @AfterEach
    void closeJournal() {
        policy.close();
        journal.close();
    }

    static MonitorSnapshot snapshot(HedgeStatus status, double netUsd, ConnectionState b) {
        return new Snapshots().venue(A, ConnectionState.CONNECTED).venue(B, b)
                .strategy("s", status, netUsd,
                        Snapshots.leg("s", "spot", SPOT, 1, 60_000, status, ConnectionState.CONNECTED),
                        Snapshots.leg("s", "perp", PERP, 0, 60_000, status, b))
                .build();
    }

    /**
     * Each step: {@code <ms after start>:<NAKED|HEDGED|tick|disarm|arm|off|on>[:netUsd]}; the
     * expected actions after all steps, joined by "|". Rule: > 5 000 USD for 5 s, 2 attempts per 60 s.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "one-tick blip does not fire; 0:NAKED:60000 100:HEDGED:0 10000:tick; ",
            "fires when the grace is over, not before; 0:NAKED:60000 4999:tick; ",
            "fires at the grace; 0:NAKED:60000 5000:tick; flatten strategy s",
            "fires once per episode; 0:NAKED:60000 5000:tick 6000:tick 9000:NAKED:61000; flatten strategy s",
            "blip in the middle restarts the clock; 0:NAKED:60000 3000:HEDGED:0 4000:NAKED:60000 8000:tick; ",
            "after a restart it fires 5 s later; 0:NAKED:60000 3000:HEDGED:0 4000:NAKED:60000 9000:tick; flatten strategy s",
            "below the threshold never; 0:NAKED:4000 60000:tick; ",
            "LEGGING is not NAKED; 0:LEGGING:60000 60000:tick; ",
            "globally disarmed never; 0:off 0:NAKED:60000 60000:tick; ",
            "strategy disarmed never; 0:disarm 0:NAKED:60000 60000:tick; ",
            "re-armed mid-episode fires; 0:disarm 0:NAKED:60000 6000:tick 7000:arm 7000:tick; flatten strategy s",
            "cap: third episode in the window alerts; 0:NAKED:60000 5000:tick 6000:HEDGED:0 7000:NAKED:60000 12000:tick 13000:HEDGED:0 14000:NAKED:60000 19000:tick; flatten strategy s|flatten strategy s|alert s cap",
            "cap: window over, fires again; 0:NAKED:60000 5000:tick 6000:HEDGED:0 7000:NAKED:60000 12000:tick 13000:HEDGED:0 60000:NAKED:60000 65000:tick; flatten strategy s|flatten strategy s|flatten strategy s",
    })
    void nakedRule(String name, String steps, String expected) {
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 2,
                Duration.ofSeconds(60)));
        policy.armGlobally(true, "user:test");
        run(steps);
        policy.close(); // runs every decided effect
        assertThat(String.join("|", actions)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void alertOnlyRuleAlertsOnceAndNeverFlattens() {
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.ALERT, 2,
                Duration.ofSeconds(60)));
        policy.armGlobally(true, "user:test");
        run("0:NAKED:60000 5000:tick 6000:tick");
        policy.close();
        assertThat(actions).containsExactly("alert s");
        // Arming and the decision are in the audit journal, with who made them.
        String lines = String.join("\n", journalLines());
        assertThat(lines).contains("\"type\":\"auto.arm\"").contains("\"by\":\"user:test\"")
                .contains("\"type\":\"auto.decision\"").contains("alert: NAKED 60000 USD > 5000 for 5 s")
                .contains("\"by\":\"auto-flatten policy\"");
    }

    private List<String> journalLines() {
        try (var files = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.toList()) {
                out.addAll(Files.readAllLines(p));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stateTellsTheUiWhatIsArmedAndWhenItFires() {
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 2,
                Duration.ofSeconds(60)));
        List<AutoFlattenPolicy.State> seen = new ArrayList<>();
        policy.addListener(seen::add);
        policy.armGlobally(true, "user:test");
        run("0:NAKED:60000 2000:tick");
        AutoFlattenPolicy.StrategyState s = policy.state().strategies().get(0);
        assertThat(policy.state().globallyArmed()).isTrue();
        assertThat(s.effective()).isTrue();
        assertThat(s.conditionSinceMs()).isEqualTo(T0);
        assertThat(s.firesInMs()).isEqualTo(3_000);
        assertThat(policy.countdowns()).containsExactly(java.util.Map.entry("s", 3_000L));
        policy.arm("s", false, "user:alice");
        assertThat(policy.state().strategies().get(0).effective()).isFalse();
        assertThat(policy.countdowns()).as("disarmed: nothing counts down").isEmpty();
        policy.close();
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).strategies().get(0).armed()).isFalse();
    }

    @Test
    void listenersHearSnapshotsThatChangeTheStateAndEveryTickNotTheRest() {
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 2,
                Duration.ofSeconds(60)));
        policy.armGlobally(true, "user:test");
        List<String> heard = new CopyOnWriteArrayList<>();
        policy.addListener(s -> heard.add(s.strategies().get(0).conditionSinceMs() == 0 ? "calm"
                : "counting from +" + (s.strategies().get(0).conditionSinceMs() - T0)));
        policy.onSnapshot(snapshot(HedgeStatus.HEDGED, 0, ConnectionState.CONNECTED)); // venues first seen
        policy.onSnapshot(snapshot(HedgeStatus.HEDGED, 0, ConnectionState.CONNECTED)); // nothing new
        clock.advance(1_000);
        policy.onSnapshot(snapshot(HedgeStatus.NAKED, 60_000, ConnectionState.CONNECTED)); // the clock starts
        clock.advance(100);
        policy.onSnapshot(snapshot(HedgeStatus.NAKED, 61_000, ConnectionState.CONNECTED)); // still counting
        policy.tick(); // the countdown moved: always told
        policy.onSnapshot(snapshot(HedgeStatus.HEDGED, 0, ConnectionState.CONNECTED)); // the clock resets
        policy.onSnapshot(snapshot(HedgeStatus.HEDGED, 0, ConnectionState.CONNECTED));
        policy.close(); // runs every queued listener call
        assertThat(heard).containsExactly("calm", "counting from +1000", "counting from +1000", "calm");
    }

    @Test
    void armedSwitchesAreReadWithoutTheWholeState() {
        assertThat(policy.armed("s")).as("no rule: never armed").isFalse();
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 2,
                Duration.ofSeconds(60)));
        assertThat(policy.armed("s")).as("a rule arms its strategy").isTrue();
        assertThat(policy.globallyArmed()).isFalse();
        policy.arm("s", false, "user:test");
        policy.armGlobally(true, "user:test");
        assertThat(policy.armed("s")).isFalse();
        assertThat(policy.globallyArmed()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "down shorter than the limit; 0:UP 0:DOWN 9999:tick; ",
            "down for the limit flattens the survivors; 0:UP 0:DOWN 10000:tick; flatten legs spot of strategy s",
            "once per outage; 0:UP 0:DOWN 10000:tick 20000:tick; flatten legs spot of strategy s",
            "a new outage fires again; 0:UP 0:DOWN 10000:tick 11000:UP 12000:DOWN 22000:tick; flatten legs spot of strategy s|flatten legs spot of strategy s",
            "back before the limit resets the clock; 0:UP 0:DOWN 5000:UP 6000:DOWN 15000:tick; ",
            "stale counts as down; 0:UP 0:STALE 10000:tick; flatten legs spot of strategy s",
            "globally disarmed never; 0:off 0:UP 0:DOWN 60000:tick; ",
            "never connected is not down, and quiet before the limit; 0:DOWN 9999:tick; ",
            "never connected alerts once at the limit and never flattens; 0:DOWN 10000:tick 60000:tick 61000:DOWN; alert venue never-connected",
            "never connected, stale from the start, the same; 0:STALE 10000:tick; alert venue never-connected",
            "connected before the limit: no alert, its later outage counts; 0:DOWN 5000:UP 6000:DOWN 16000:tick; flatten legs spot of strategy s",
            "connected late, then down: the outage fires; 0:DOWN 10000:tick 11000:UP 12000:DOWN 22000:tick; alert venue never-connected|flatten legs spot of strategy s",
            "globally disarmed: never flattens, still says the venue is not covered; 0:off 0:DOWN 60000:tick; alert venue never-connected",
    })
    void venueDownRule(String name, String steps, String expected) {
        policy.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 5,
                Duration.ofSeconds(60)));
        policy.setVenueDownRule(new VenueDownRule(true, Duration.ofSeconds(10)));
        policy.armGlobally(true, "user:test");
        run(steps);
        policy.close(); // runs every decided effect
        assertThat(String.join("|", actions)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void aBlockedListenerActionOrDiskNeverHoldsUpTheEngineThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch listenerEntered = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        Path slowDir = dir.resolve("slow");
        Journal slowDisk = new Journal(slowDir, clock, file -> {
            FaultyFileChannel ch = new FaultyFileChannel(file);
            ch.beforeWrite = c -> hold(release); // every journal write waits
            return ch;
        });
        AutoActions blocking = new AutoActions() {
            @Override
            public void flatten(KillScope scope, String firedBy) {
                hold(release);
                done.add("flatten " + scope.label());
            }

            @Override
            public void alert(String strategyId, String message) {
                hold(release);
                done.add("alert " + strategyId);
            }
        };
        AutoFlattenPolicy p = new AutoFlattenPolicy(clock, blocking, VenueDownRule.OFF, slowDisk);
        p.addListener(s -> {
            listenerEntered.countDown();
            hold(release);
        });
        CountDownLatch engineDone = new CountDownLatch(1);
        Thread engine = new Thread(() -> {
            p.setRule("s", new AutoFlattenRule(5_000, Duration.ofSeconds(5), AutoFlattenRule.Action.FLATTEN, 2,
                    Duration.ofSeconds(60)));
            p.armGlobally(true, "user:test");
            p.onSnapshot(snapshot(HedgeStatus.NAKED, 60_000, ConnectionState.CONNECTED));
            clock.advance(5_000);
            p.onSnapshot(snapshot(HedgeStatus.NAKED, 60_000, ConnectionState.CONNECTED)); // decides: flatten
            engineDone.countDown();
        }, "engine");
        try {
            engine.start();
            assertThat(engineDone.await(10, TimeUnit.SECONDS))
                    .as("engine-side calls return while the listener, the action and the disk are blocked").isTrue();
            assertThat(listenerEntered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.state().strategies().get(0).lastAction()).startsWith("flatten: NAKED");
            assertThat(done).isEmpty();
        } finally {
            release.countDown();
            engine.join(10_000);
            p.close();
            slowDisk.close();
        }
        assertThat(done).containsExactly("flatten strategy s");
        List<String> types = new ArrayList<>();
        try (var files = Files.list(slowDir)) {
            for (Path f : files.toList()) {
                Files.readAllLines(f).forEach(l -> types.add(l.replaceAll(".*\"type\":\"([^\"]+)\".*", "$1")));
            }
        }
        assertThat(types).containsExactly("auto.arm", "auto.decision"); // in decision order
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void run(String steps) {
        for (String step : steps.trim().split("\\s+")) {
            String[] p = step.split(":");
            clock.advance(T0 + Long.parseLong(p[0]) - clock.millis());
            switch (p[1]) {
                case "tick" -> policy.tick();
                case "off" -> policy.armGlobally(false, "user:test");
                case "disarm" -> policy.arm("s", false, "user:test");
                case "arm" -> policy.arm("s", true, "user:test");
                case "DOWN", "STALE" -> policy.onSnapshot(snapshot(HedgeStatus.UNKNOWN, Double.NaN,
                        ConnectionState.valueOf(p[1])));
                case "UP" -> policy.onSnapshot(snapshot(HedgeStatus.HEDGED, 0, ConnectionState.CONNECTED));
                default -> policy.onSnapshot(snapshot(HedgeStatus.valueOf(p[1]), Double.parseDouble(p[2]),
                        ConnectionState.CONNECTED));
            }
        }
    }
}
