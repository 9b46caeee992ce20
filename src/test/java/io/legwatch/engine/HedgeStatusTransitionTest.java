package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.legwatch.domain.HedgeStatus.FLAT;
import static io.legwatch.domain.HedgeStatus.FLATTENING;
import static io.legwatch.domain.HedgeStatus.FLATTEN_FAILED;
import static io.legwatch.domain.HedgeStatus.HEDGED;
import static io.legwatch.domain.HedgeStatus.LEGGING;
import static io.legwatch.domain.HedgeStatus.NAKED;
import static io.legwatch.domain.HedgeStatus.UNKNOWN;
import static io.legwatch.domain.OrderState.CANCELED;
import static io.legwatch.domain.OrderState.FILLED;
import static io.legwatch.domain.OrderState.NEW;
import static io.legwatch.domain.OrderState.PENDING;
import static io.legwatch.engine.EngineFixture.A;
import static io.legwatch.engine.EngineFixture.B;
import static io.legwatch.engine.EngineFixture.OTHER;
import static io.legwatch.engine.EngineFixture.PERP;
import static io.legwatch.engine.EngineFixture.PRICE;
import static io.legwatch.engine.EngineFixture.SPOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every strategy status transition, table-driven: each row is a script of inputs with the status
 * expected after each one; the transitions reported to listeners must be exactly the status changes.
 * Strategy s1 = long 1 BTC spot on A, short 1,000 x 0.001 BTC perp on B; 1 BTC = 50,000 USD;
 * tolerance 1,000 USD or 2 % of gross; grace 3 s; staleness 5 s.
 */
class HedgeStatusTransitionTest {

    record Step(String label, Consumer<EngineFixture> action, HedgeStatus expected) {
        @Override
        public String toString() {
            return label + " -> " + expected;
        }
    }

    static Step step(String label, Consumer<EngineFixture> action, HedgeStatus expected) {
        return new Step(label, action, expected);
    }

    static Arguments row(String name, Step... steps) {
        return Arguments.of(name, List.of(steps));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("nothing known before the venues connect",
                        step("constructed", f -> f.turn(), UNKNOWN),
                        step("A connected, no snapshot", f -> f.status(A, ConnectionState.CONNECTED), UNKNOWN),
                        step("A snapshot, B still connecting", f -> f.snapshot(A, List.of(SPOT),
                                List.of(new Position(SPOT.key(), 1, PRICE, Double.NaN))), UNKNOWN)),
                row("HEDGED -> LEGGING -> NAKED on grace expiry",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("perp leg lost", f -> f.position(PERP, 0), LEGGING),
                        step("2.999 s later", f -> f.advance(2_999), LEGGING),
                        step("grace expires", f -> f.advance(1), NAKED)),
                row("LEGGING -> HEDGED when the second leg fills within grace",
                        step("spot only", f -> f.connected(1, 0), LEGGING),
                        step("1 s later", f -> f.advance(1_000), LEGGING),
                        step("perp fills", f -> f.position(PERP, -1000), HEDGED),
                        step("grace would have expired", f -> f.advance(4_000), HEDGED)),
                row("small imbalance stays HEDGED within the 2 % band",
                        step("perp 1,030 contracts (1,500 USD off, band 2,030)", f -> f.connected(1, -1030), HEDGED)),
                row("NAKED -> HEDGED when the hedge is restored",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("half the perp lost", f -> f.position(PERP, -500), LEGGING),
                        step("grace expires", f -> f.advance(3_000), NAKED),
                        step("perp restored", f -> f.position(PERP, -1000), HEDGED)),
                row("venue stale -> UNKNOWN -> recovered by a message",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("A heard at 3 s", f -> { f.advance(3_000); f.heartbeat(A); }, HEDGED),
                        step("B silent for exactly 5 s", f -> f.advance(2_000), HEDGED),
                        step("B silent past 5 s", f -> f.advance(1), UNKNOWN),
                        step("B heartbeat", f -> f.heartbeat(B), HEDGED)),
                row("venue DOWN -> UNKNOWN, never HEDGED until a fresh snapshot",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("B down", f -> f.status(B, ConnectionState.DOWN), UNKNOWN),
                        step("B update while down", f -> f.position(PERP, -1000), UNKNOWN),
                        step("B reconnected, no snapshot yet", f -> f.status(B, ConnectionState.CONNECTED), UNKNOWN),
                        step("B fresh snapshot", f -> f.snapshot(B, List.of(PERP),
                                List.of(new Position(PERP.key(), -1000, PRICE, Double.NaN))), HEDGED)),
                row("DEGRADED (REST polling) is still trusted",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("B degraded", f -> f.status(B, ConnectionState.DEGRADED), HEDGED),
                        step("B reports STALE itself", f -> f.status(B, ConnectionState.STALE), UNKNOWN)),
                row("a snapshot replaces positions: an absent symbol is flat",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("B snapshot without the perp", f -> f.snapshot(B, List.of(PERP), List.of()), LEGGING)),
                row("an order with unknown outcome counts as possibly filled; its ack replaces it",
                        step("both legs flat", f -> f.connected(0, 0), FLAT),
                        step("perp order sent, no answer yet", f ->
                                f.order(PERP.key(), null, "h1", Side.SELL, 1000, PENDING), LEGGING),
                        step("venue acks it resting (by client id): no longer in doubt", f ->
                                f.order(PERP.key(), "v1", "h1", Side.SELL, 1000, NEW), FLAT),
                        step("it fills", f -> {
                            f.order(PERP.key(), "v1", "h1", Side.SELL, 1000, FILLED);
                            f.position(PERP, -1000);
                        }, LEGGING)),
                row("an in-doubt order keeps a hedged strategy out of tolerance (no double hedge)",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("a second hedge order times out", f -> f.order(PERP.key(), null, "h2", Side.SELL, 1000,
                                OrderState.UNKNOWN), LEGGING),
                        step("still in doubt past grace", f -> f.advance(3_000), NAKED),
                        step("venue says it was cancelled", f -> f.order(PERP.key(), "v2", "h2", Side.SELL, 1000,
                                CANCELED), HEDGED)),
                row("FLATTENING -> FLAT",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("flatten starts", f -> { f.monitor.flattenStarted("s1"); f.turn(); }, FLATTENING),
                        step("spot closed", f -> f.position(SPOT, 0), FLATTENING),
                        step("perp closed", f -> f.position(PERP, 0), FLATTENING),
                        step("flatten verified", f -> { f.monitor.flattenFinished("s1", true, "verified"); f.turn(); },
                                FLAT)),
                row("FLATTENING -> FLATTEN_FAILED -> cleared by a human",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("flatten starts", f -> { f.monitor.flattenStarted("s1"); f.turn(); }, FLATTENING),
                        step("only the perp closes", f -> f.position(PERP, 0), FLATTENING),
                        step("ladder ran out", f -> {
                            f.monitor.flattenFinished("s1", false, "spot: reduce-only market rejected");
                            f.turn();
                        }, FLATTEN_FAILED),
                        step("time passes, still latched", f -> f.advance(4_000), FLATTEN_FAILED),
                        step("new flatten attempt", f -> { f.monitor.flattenStarted("s1"); f.turn(); }, FLATTENING),
                        step("fails again", f -> { f.monitor.flattenFinished("s1", false, "again"); f.turn(); },
                                FLATTEN_FAILED),
                        step("human acknowledges: naked since the perp closed", f -> {
                            f.monitor.clearFailure("s1");
                            f.turn();
                        }, NAKED)),
                row("FLATTEN_FAILED outranks UNKNOWN, FLATTENING outranks UNKNOWN",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("flatten starts", f -> { f.monitor.flattenStarted("s1"); f.turn(); }, FLATTENING),
                        step("B down", f -> f.status(B, ConnectionState.DOWN), FLATTENING),
                        step("ladder ran out", f -> { f.monitor.flattenFinished("s1", false, "B down"); f.turn(); },
                                FLATTEN_FAILED),
                        step("cleared while B down", f -> { f.monitor.clearFailure("s1"); f.turn(); }, UNKNOWN)),
                row("a late fill after a verified flatten re-opens the strategy",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("flatten", f -> { f.monitor.flattenStarted("s1"); f.turn(); }, FLATTENING),
                        step("venues confirm flat, flatten verified", f -> {
                            f.position(SPOT, 0);
                            f.position(PERP, 0);
                            f.monitor.flattenFinished("s1", true, "verified");
                            f.turn();
                        }, FLAT),
                        step("late fill on the perp", f -> f.position(PERP, -200), LEGGING),
                        step("grace expires", f -> f.advance(3_000), NAKED)),
                row("UNKNOWN keeps the naked clock: out of tolerance before and after the outage",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("perp lost", f -> f.position(PERP, 0), LEGGING),
                        step("B down", f -> f.status(B, ConnectionState.DOWN), UNKNOWN),
                        step("grace passes during the outage", f -> f.advance(3_000), UNKNOWN),
                        step("B back, still flat", f -> {
                            f.status(B, ConnectionState.CONNECTED);
                            f.snapshot(B, List.of(PERP), List.of());
                        }, NAKED)),
                row("an untracked instrument never touches the strategy",
                        step("both legs on", f -> f.connected(1, -1000), HEDGED),
                        step("ETH position on A", f -> f.position(OTHER, 10), HEDGED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void transitions(String name, List<Step> steps) {
        EngineFixture f = new EngineFixture();
        List<HedgeStatus> expectedChanges = new ArrayList<>();
        HedgeStatus last = UNKNOWN;
        for (Step step : steps) {
            step.action().accept(f);
            StrategyView view = f.s1();
            assertThat(view.status()).as(step.toString() + " (reason: " + view.reason() + ")")
                    .isEqualTo(step.expected());
            if (step.expected() != last) {
                expectedChanges.add(step.expected());
                last = step.expected();
            }
        }
        assertThat(f.transitions).extracting(StatusTransition::to).as("transitions reported")
                .containsExactlyElementsOf(expectedChanges);
        HedgeStatus from = UNKNOWN;
        for (StatusTransition transition : f.transitions) {
            assertThat(transition.from()).as("chain of " + transition).isEqualTo(from);
            assertThat(transition.strategyId()).isEqualTo("s1");
            from = transition.to();
        }
    }
}
