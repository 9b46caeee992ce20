package io.legwatch.venue.deribit;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.VenueId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instrument metadata fetched from Deribit ({@code public/get_instruments}), normalised once.
 *
 * <p><b>Quantity convention</b> (one rule for every kind): a domain quantity is Deribit's
 * {@code amount}/{@code size} divided by the instrument's {@code contract_size}, and
 * {@link Instrument#contractSize()} is that {@code contract_size}. So an inverse future
 * (BTC-PERPETUAL, contract_size 10 USD, amounts in USD) has qty in contracts of 10 USD — a 50 USD
 * position is qty 5, and {@link Instrument#baseDelta} gives 5 x 10 / mark BTC; a linear USDC future
 * has qty in contracts of contract_size base units; an option (contract_size 1, amounts in BTC) has
 * qty in BTC. An order for qty q is sent with {@code amount = q x contract_size}. Thread-safe.
 */
final class DeribitInstruments {
    /** One instrument with the Deribit facts the mapping needs beyond the domain record. */
    record Entry(Instrument instrument, DeribitWire.InstrumentMeta meta) {
        double contractSize() {
            return instrument.contractSize();
        }
    }

    private final VenueId venue;
    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    DeribitInstruments(VenueId venue) {
        this.venue = venue;
    }

    /**
     * Adds or replaces metadata; returns what could not be normalised (combos, bad sizes) so the caller
     * can report it.
     */
    List<String> addAll(Collection<DeribitWire.InstrumentMeta> metas) {
        List<String> skipped = new java.util.ArrayList<>();
        for (DeribitWire.InstrumentMeta m : metas) {
            Optional<Instrument> i = normalise(venue, m);
            if (i.isPresent()) {
                byName.put(m.instrumentName(), new Entry(i.get(), m));
            } else {
                skipped.add(m.instrumentName());
            }
        }
        return skipped;
    }

    Optional<Entry> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    List<Instrument> all() {
        return byName.values().stream().map(Entry::instrument).toList();
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    static Optional<Instrument> normalise(VenueId venue, DeribitWire.InstrumentMeta m) {
        if (m.instrumentName() == null || m.kind() == null || m.baseCurrency() == null || m.contractSize() == null
                || !(m.contractSize() > 0)) {
            return Optional.empty();
        }
        InstrumentKind kind;
        switch (m.kind()) {
            case "future" -> kind = "linear".equals(m.instrumentType()) ? InstrumentKind.LINEAR : InstrumentKind.INVERSE;
            case "option" -> kind = InstrumentKind.OPTION;
            case "spot" -> kind = InstrumentKind.SPOT;
            default -> {
                return Optional.empty(); // future_combo / option_combo: positions are held in the legs
            }
        }
        double min = m.minTradeAmount() != null && m.minTradeAmount() > 0 ? m.minTradeAmount() : m.contractSize();
        return Optional.of(new Instrument(venue, m.instrumentName(), m.baseCurrency(), kind, m.contractSize(),
                min / m.contractSize()));
    }
}
