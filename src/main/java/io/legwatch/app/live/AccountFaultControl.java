package io.legwatch.app.live;

import io.legwatch.app.Fault;
import io.legwatch.app.FaultControl;
import io.legwatch.domain.VenueId;

import java.util.List;
import java.util.Map;

/**
 * The fault panel over the wire demo: the trader sees venues by the ids the table shows
 * ({@code okx-sim}, ...), the simulator breaks the accounts behind them ({@code sim-a}, ...).
 */
final class AccountFaultControl implements FaultControl {
    private final FaultControl simulator;
    private final Map<VenueId, VenueId> accountByVenue;
    private final List<VenueId> order;

    /** @param accountByVenue venue id as the table shows it -> simulator account, in display order */
    AccountFaultControl(FaultControl simulator, Map<VenueId, VenueId> accountByVenue) {
        this.simulator = simulator;
        this.accountByVenue = Map.copyOf(accountByVenue);
        this.order = List.copyOf(accountByVenue.keySet());
    }

    @Override
    public List<VenueId> venues() {
        return order;
    }

    @Override
    public void inject(VenueId venue, Fault fault) {
        simulator.inject(account(venue), fault);
    }

    @Override
    public String describe(VenueId venue) {
        return simulator.describe(account(venue));
    }

    @Override
    public void heal(VenueId venue) {
        simulator.heal(account(venue));
    }

    private VenueId account(VenueId venue) {
        VenueId account = accountByVenue.get(venue);
        if (account == null) {
            throw new IllegalArgumentException("no simulated venue " + venue + " (known: " + order + ")");
        }
        return account;
    }
}
