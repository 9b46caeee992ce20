package io.legwatch.sim;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Several threads place orders while another steps time: nothing is lost or counted twice. */
class SimConcurrencyTest {
    @Test
    void concurrentOrdersAndStepsKeepPositionsConsistentWithFills() throws Exception {
        SimExchange sim = new SimExchange(3, SimExchangeTest.T0);
        InstrumentKey key = new InstrumentKey(SimExchange.SIM_A, SimExchange.ETH_LINEAR);
        DoubleAdder fillSum = new DoubleAdder();
        sim.subscribe(SimExchange.SIM_A, new SimListener() {
            @Override
            public void onFill(Fill fill, long t) {
                fillSum.add(fill.signedQty());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Double>> traders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                traders.add(pool.submit(() -> {
                    double filled = 0;
                    for (int i = 0; i < 250; i++) {
                        Side side = (i + thread) % 2 == 0 ? Side.BUY : Side.SELL;
                        Order o = sim.place(OrderRequest.market(key, side, 0.5, false, "t" + thread + "-" + i))
                                .get(10, TimeUnit.SECONDS);
                        filled += side.sign() * o.filledQty();
                    }
                    return filled;
                }));
            }
            Future<?> clock = pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    sim.advance(Duration.ofMillis(100));
                }
            });
            double acked = 0;
            for (Future<Double> f : traders) {
                acked += f.get(30, TimeUnit.SECONDS);
            }
            clock.get(30, TimeUnit.SECONDS);
            assertThat(sim.position(key).qty()).isCloseTo(acked, within(1e-6));
            assertThat(fillSum.sum()).isCloseTo(acked, within(1e-6));
        } finally {
            pool.shutdownNow();
        }
    }
}
