package io.legwatch.app;

import io.legwatch.domain.VenueId;
import io.legwatch.sim.FaultState;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimFaults;

import java.util.ArrayList;
import java.util.List;

/** The demo fault panel's port onto the simulator's fault injection. */
public final class SimFaultControl implements FaultControl {
    private final SimExchange exchange;

    public SimFaultControl(SimExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public List<VenueId> venues() {
        return exchange.venues();
    }

    @Override
    public void inject(VenueId venue, Fault fault) {
        SimFaults f = exchange.faults(venue);
        if (fault instanceof Fault.RejectNext r) {
            f.rejectNext(r.count());
        } else if (fault instanceof Fault.Disconnect) {
            f.disconnect();
        } else if (fault instanceof Fault.Silent) {
            f.goSilent();
        } else if (fault instanceof Fault.PartialFills p) {
            f.partialFills(p.fraction());
        } else if (fault instanceof Fault.DelayAcks a) {
            f.delayAcks(a.delay());
        } else {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
    }

    @Override
    public String describe(VenueId venue) {
        FaultState f = exchange.faults(venue).state();
        if (f.healthy()) {
            return "healthy";
        }
        List<String> parts = new ArrayList<>();
        parts.add("link " + f.link());
        if (f.rejectsPending() > 0) {
            parts.add(f.rejectsPending() + " rejects pending");
        }
        if (f.ackDelayMs() > 0) {
            parts.add("acks +" + f.ackDelayMs() + " ms");
        }
        if (f.fillFraction() < 1) {
            parts.add("fills " + Math.round(f.fillFraction() * 100) + " %");
        }
        if (f.pricesStale()) {
            parts.add("prices frozen");
        }
        return String.join(", ", parts);
    }

    @Override
    public void heal(VenueId venue) {
        exchange.faults(venue).heal();
    }
}
