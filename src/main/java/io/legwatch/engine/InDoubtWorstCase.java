package io.legwatch.engine;

import io.legwatch.domain.Tolerance;

import java.util.Arrays;

/**
 * The worst tolerance excess of a strategy over its in-doubt orders, each of which may or may not
 * have filled: max over the fill combinations of {@code |net| - allowed(gross)}. Positive means some
 * combination is out of tolerance. Reusable scratch space; engine thread only.
 */
final class InDoubtWorstCase {
    /** Up to this many in-doubt orders every combination is tried (2^10 = 1024); beyond, the two net extremes. */
    static final int EXHAUSTIVE_LIMIT = 10;

    private int[] orderLeg = new int[8];
    private double[] orderUsd = new double[8];
    private int count;
    private double[] scratch = new double[8];

    void reset() {
        count = 0;
    }

    void add(int leg, double usdIfFilled) {
        if (count == orderLeg.length) {
            orderLeg = Arrays.copyOf(orderLeg, count * 2);
            orderUsd = Arrays.copyOf(orderUsd, count * 2);
        }
        orderLeg[count] = leg;
        orderUsd[count] = usdIfFilled;
        count++;
    }

    int count() {
        return count;
    }

    /** Worst excess over the combinations, given each leg's current USD delta in {@code legUsd[0..legs)}. */
    double worstExcess(Tolerance tolerance, double[] legUsd, int legs) {
        if (scratch.length < legs) {
            scratch = new double[legs];
        }
        double worst = excess(tolerance, legUsd, legs, 0L);
        if (count <= EXHAUSTIVE_LIMIT) {
            long combinations = 1L << count;
            for (long mask = 1; mask < combinations; mask++) {
                worst = Math.max(worst, excess(tolerance, legUsd, legs, mask));
            }
            return worst;
        }
        // Too many to enumerate: the net is most extreme when every buy-side or every sell-side order filled;
        // the gross term moves far less than the net (percent of gross), so these bound the excess in practice.
        long positive = 0;
        long negative = 0;
        for (int i = 0; i < Math.min(count, 63); i++) {
            if (orderUsd[i] > 0) {
                positive |= 1L << i;
            } else {
                negative |= 1L << i;
            }
        }
        return Math.max(worst, Math.max(excess(tolerance, legUsd, legs, positive),
                excess(tolerance, legUsd, legs, negative)));
    }

    private double excess(Tolerance tolerance, double[] legUsd, int legs, long mask) {
        System.arraycopy(legUsd, 0, scratch, 0, legs);
        for (int i = 0; i < count && i < 63; i++) {
            if ((mask & (1L << i)) != 0) {
                scratch[orderLeg[i]] += orderUsd[i];
            }
        }
        double net = 0;
        double gross = 0;
        for (int i = 0; i < legs; i++) {
            net += scratch[i];
            gross += Math.abs(scratch[i]);
        }
        return Math.abs(net) - tolerance.allowedUsd(gross);
    }
}
