package io.legwatch.sim;

/** Black-Scholes for a European call with zero rates: enough for a plausible option mark and delta. */
final class BlackScholes {
    private BlackScholes() {
    }

    /** Call premium in the underlying's quote currency per unit of underlying. */
    static double callPrice(double spot, double strike, double years, double vol) {
        double sd = vol * Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + 0.5 * sd * sd) / sd;
        double d2 = d1 - sd;
        return spot * normCdf(d1) - strike * normCdf(d2);
    }

    /** Call delta (dPrice/dSpot), between 0 and 1. */
    static double callDelta(double spot, double strike, double years, double vol) {
        double sd = vol * Math.sqrt(years);
        double d1 = (Math.log(spot / strike) + 0.5 * sd * sd) / sd;
        return normCdf(d1);
    }

    /** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (|error| < 1.5e-7). */
    static double normCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
