package io.legwatch.sim.load;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The instruments and strategies of a load run. Every leg owns its own instrument (a leg owns its
 * instrument on its account), listed on one of the simulated venues in turn: strategy {@code s} leg
 * {@code l} is {@code LD-<UNDERLYING>-<s>-<l>} on venue {@code (s * legs + l) mod 3}. Even legs are long
 * spot, odd legs short linear perps (contract 1 base unit), on BTC for even strategies and ETH for odd
 * ones; starting quantities net to zero, so every strategy starts HEDGED. {@link #linearOnly} lists
 * every leg as a linear perp instead, for protocol front ends that serve only perps (Binance USD-M).
 */
public final class LoadUniverse {
    private final LoadProfile profile;
    private final List<VenueId> venues;
    private final List<Strategy> strategies;
    private final List<Instrument> instruments;
    /** [strategy][leg] */
    private final InstrumentKey[][] keys;
    private final double[][] startQty;
    private final double[] unit;
    private final double[] lot;

    private LoadUniverse(LoadProfile profile, List<VenueId> venues, boolean linearOnly) {
        this.profile = profile;
        this.venues = List.copyOf(venues);
        int n = profile.strategies();
        int legs = profile.legsPerStrategy();
        this.keys = new InstrumentKey[n][legs];
        this.startQty = new double[n][legs];
        this.unit = new double[n];
        this.lot = new double[n];
        List<Strategy> strategyList = new ArrayList<>(n);
        List<Instrument> instrumentList = new ArrayList<>(n * legs);
        Tolerance tolerance = new Tolerance(Tolerance.DEFAULT.maxAbsUsd(), Tolerance.DEFAULT.maxPctOfGross(),
                profile.grace());
        for (int s = 0; s < n; s++) {
            boolean btc = s % 2 == 0;
            String underlying = btc ? "BTC" : "ETH";
            unit[s] = btc ? 1.0 : 20.0;
            lot[s] = btc ? 0.001 : 0.01;
            List<Leg> legList = new ArrayList<>(legs);
            double sum = 0;
            for (int l = 0; l < legs; l++) {
                VenueId venue = venues.get((s * legs + l) % venues.size());
                boolean longLeg = l % 2 == 0;
                String symbol = String.format(Locale.ROOT, "LD-%s-%04d-%d", underlying, s, l);
                Instrument instrument = new Instrument(venue, symbol, underlying,
                        longLeg && !linearOnly ? InstrumentKind.SPOT : InstrumentKind.LINEAR, 1, lot[s]);
                instrumentList.add(instrument);
                keys[s][l] = instrument.key();
                legList.add(new Leg(legId(s, l), instrument.key(), longLeg ? Side.BUY : Side.SELL, 1.0));
                double q = l == legs - 1 ? -sum : (longLeg ? unit[s] : -unit[s]);
                startQty[s][l] = q;
                sum += q;
            }
            strategyList.add(new Strategy(strategyId(s), "load " + underlying + " basis " + s, legList, tolerance));
        }
        this.strategies = List.copyOf(strategyList);
        this.instruments = List.copyOf(instrumentList);
    }

    /** The universe of {@code profile} over the exchange's venues. */
    public static LoadUniverse of(LoadProfile profile, SimExchange exchange) {
        return new LoadUniverse(profile, exchange.venues(), false);
    }

    /** The same universe with every leg a linear perp (long and short), for perp-only front ends. */
    public static LoadUniverse linearOnly(LoadProfile profile, SimExchange exchange) {
        return new LoadUniverse(profile, exchange.venues(), true);
    }

    public static String strategyId(int s) {
        return String.format(Locale.ROOT, "load-%04d", s);
    }

    public static String legId(int s, int l) {
        return strategyId(s) + "/" + l;
    }

    public LoadProfile profile() {
        return profile;
    }

    /** The strategies to configure the engine with (tolerance: the defaults with the profile's grace). */
    public List<Strategy> strategies() {
        return strategies;
    }

    /** Every leg's instrument, strategy by strategy. */
    public List<Instrument> instruments() {
        return instruments;
    }

    /** Lists every leg's instrument on the exchange and opens the starting (hedged) positions. */
    public void install(SimExchange exchange) {
        for (Instrument instrument : instruments) {
            exchange.list(instrument);
        }
        for (int s = 0; s < keys.length; s++) {
            for (int l = 0; l < keys[s].length; l++) {
                exchange.setPosition(keys[s][l], startQty[s][l]);
            }
        }
    }

    InstrumentKey key(int s, int l) {
        return keys[s][l];
    }

    double startQty(int s, int l) {
        return startQty[s][l];
    }

    /** The strategy's size unit: starting |qty| of a leg, in base units. */
    double unit(int s) {
        return unit[s];
    }

    double lot(int s) {
        return lot[s];
    }

    List<VenueId> venues() {
        return venues;
    }
}
