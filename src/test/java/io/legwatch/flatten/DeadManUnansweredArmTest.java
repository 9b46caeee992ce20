package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.VenueView;
import io.legwatch.testing.ManualTime;
import io.legwatch.testing.StubVenue;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dead-man refresh the venue never answers must not leave the switch shown ARMED with nothing more
 * sent: the exchange's timer runs out and cancels our orders while the panel says armed. After one
 * refresh period without an answer the switch shows ERROR and the next tick sends a new arm.
 * The connector here only records the arm calls and lets the test answer them (or not).
 */
class DeadManUnansweredArmTest {
    static final VenueId V = VenueId.of("sim-a");

    /** Every armDeadMan call, unanswered until the test completes it. */
    final List<CompletableFuture<Void>> arms = new ArrayList<>();

    final OrderGateway gateway = new OrderGateway() {
        @Override
        public CompletableFuture<Order> place(OrderRequest request) {
            throw new UnsupportedOperationException("this test sends no orders");
        }

        @Override
        public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
            throw new UnsupportedOperationException("this test cancels nothing");
        }

        @Override
        public CompletableFuture<Void> armDeadMan(Duration timeout) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            arms.add(f);
            return f;
        }
    };

    final VenueConnector connector = new StubVenue(V) {
        @Override
        public Optional<OrderGateway> orders() {
            return Optional.of(gateway);
        }
    };

    @Test
    void anUnansweredRefreshShowsErrorAndIsSentAgain() {
        ManualTime clock = new ManualTime(1_700_000_000_000L);
        DeadManSwitches switches = new DeadManSwitches(List.of(connector), clock, Duration.ofSeconds(10),
                Duration.ofSeconds(3));
        switches.onSnapshot(new MonitorSnapshot(1, clock.millis(), List.of(), List.of(), List.of(),
                Map.of(V, new VenueView(V, ConnectionState.CONNECTED, "", clock.millis(), null, 0)), 0));
        assertThat(arms).hasSize(1);
        arms.get(0).complete(null);
        assertThat(state(switches).status()).isEqualTo(DeadManSwitches.Status.ARMED);

        clock.advance(3_000);
        switches.tick();
        assertThat(arms).as("refresh due after 3 s").hasSize(2); // this one is never answered

        clock.advance(2_999);
        switches.tick();
        assertThat(arms).as("still waiting for the refresh's answer").hasSize(2);

        clock.advance(1);
        switches.tick();
        DeadManSwitches.State s = state(switches);
        assertThat(s.status()).as(s.toString()).isEqualTo(DeadManSwitches.Status.ERROR);
        assertThat(s.lastError()).contains("no answer");
        assertThat(arms).as("a new arm is sent").hasSize(3);

        arms.get(1).complete(null); // the old, superseded answer arrives late: the new call is still out
        assertThat(state(switches).status()).isEqualTo(DeadManSwitches.Status.ERROR);
        arms.get(2).complete(null);
        assertThat(state(switches).status()).isEqualTo(DeadManSwitches.Status.ARMED);
        assertThat(state(switches).firesInMs()).isEqualTo(10_000);
    }

    private static DeadManSwitches.State state(DeadManSwitches switches) {
        return switches.states().stream().filter(s -> s.venue().equals(V)).findFirst().orElseThrow();
    }
}
