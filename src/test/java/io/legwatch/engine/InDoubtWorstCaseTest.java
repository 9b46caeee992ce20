package io.legwatch.engine;

import io.legwatch.domain.Tolerance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two-combination shortcut equals trying every fill combination, on seeded random strategies. */
class InDoubtWorstCaseTest {

    @Test
    void twoExtremesMatchEveryCombination() {
        SplittableRandom random = new SplittableRandom(7);
        InDoubtWorstCase worstCase = new InDoubtWorstCase();
        for (int trial = 0; trial < 2_000; trial++) {
            Tolerance tolerance = new Tolerance(random.nextDouble(0, 5_000), random.nextDouble(0, 100),
                    Duration.ZERO);
            int legs = 1 + random.nextInt(5);
            double[] legUsd = new double[legs];
            for (int l = 0; l < legs; l++) {
                legUsd[l] = random.nextDouble(-100_000, 100_000);
            }
            int orders = random.nextInt(8);
            int[] orderLeg = new int[orders];
            double[] orderUsd = new double[orders];
            worstCase.reset();
            for (int o = 0; o < orders; o++) {
                orderLeg[o] = random.nextInt(legs);
                orderUsd[o] = random.nextDouble(-50_000, 50_000);
                worstCase.add(orderLeg[o], orderUsd[o]);
            }
            double expected = Double.NEGATIVE_INFINITY;
            for (int mask = 0; mask < (1 << orders); mask++) {
                double[] usd = legUsd.clone();
                for (int o = 0; o < orders; o++) {
                    if ((mask & (1 << o)) != 0) {
                        usd[orderLeg[o]] += orderUsd[o];
                    }
                }
                double net = 0;
                double gross = 0;
                for (double u : usd) {
                    net += u;
                    gross += Math.abs(u);
                }
                expected = Math.max(expected, Math.abs(net) - tolerance.allowedUsd(gross));
            }
            assertThat(worstCase.worstExcess(tolerance, legUsd, legs)).as("trial " + trial)
                    .isCloseTo(expected, within(1e-6));
        }
    }
}
