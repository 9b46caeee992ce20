package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** What every flatten job shares: settings, executor, journal, venues, the halt gate, listeners. */
record FlattenContext(FlattenSettings settings, Executor executor, FlattenJournal journal, TimeSource time,
                      TradingHalt halt, FlattenListener listener, AlarmListener alarms,
                      Map<VenueId, VenueAccess> venues,
                      ConcurrentHashMap<InstrumentKey, CompletableFuture<?>> busy,
                      List<Consumer<KillResult>> resultListeners) {
}
