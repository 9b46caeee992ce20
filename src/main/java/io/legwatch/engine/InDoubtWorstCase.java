package io.legwatch.engine;

import io.legwatch.domain.Tolerance;

import java.util.Arrays;

/**
 * The worst tolerance excess of a strategy over its in-doubt orders, each of which may or may not
 * have filled: max over the fill combinations S of {@code |net(S)| - allowed(gross(S))}. Positive
 * means some combination is out of tolerance. Reusable scratch space; engine thread only.
 *
 * <p>Why two combinations suffice: filling an order of USD delta d moves the net by d and the gross by
 * at most |d|, so the allowed band ({@code max(abs, pct x gross)}) moves by at most pct x |d|. With
 * pct <= 100 %, filling every order with d > 0 and none of the others maximises
 * {@code net - allowed}, and symmetrically for d < 0; the worst excess is the larger of the two. This
 * is exact for any tolerance with {@code maxPctOfGross <= 100} (a band wider than the whole gross
 * makes no sense for a hedge); above that it is an approximation.
 */
final class InDoubtWorstCase {
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
        double buySide = excessWhenFilled(tolerance, legUsd, legs, 1);
        double sellSide = excessWhenFilled(tolerance, legUsd, legs, -1);
        return Math.max(buySide, sellSide);
    }

    /** The excess when every order whose USD delta has sign {@code sign} filled and no other did. */
    private double excessWhenFilled(Tolerance tolerance, double[] legUsd, int legs, int sign) {
        System.arraycopy(legUsd, 0, scratch, 0, legs);
        for (int i = 0; i < count; i++) {
            if (orderUsd[i] * sign > 0) {
                scratch[orderLeg[i]] += orderUsd[i];
            }
        }
        return excess(tolerance, legs);
    }

    private double excess(Tolerance tolerance, int legs) {
        double net = 0;
        double gross = 0;
        for (int i = 0; i < legs; i++) {
            net += scratch[i];
            gross += Math.abs(scratch[i]);
        }
        return Math.abs(net) - tolerance.allowedUsd(gross);
    }
}
