package io.legwatch.sim;

/** Lot arithmetic: quantities are kept on exact lot multiples so positions do not drift. */
final class Lots {
    private Lots() {
    }

    static double round(double qty, double lot) {
        return Math.round(qty / lot) * lot;
    }

    static double floor(double qty, double lot) {
        return Math.floor(qty / lot + 1e-9) * lot;
    }

    static boolean isMultiple(double qty, double lot) {
        return Math.abs(qty / lot - Math.rint(qty / lot)) < 1e-6;
    }

    static boolean isZero(double qty, double lot) {
        return Math.abs(qty) < lot / 2;
    }
}
