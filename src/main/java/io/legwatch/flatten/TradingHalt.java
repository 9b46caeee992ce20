package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.venue.OrderGateway;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The HALT gate: while a halt covers an instrument, Legwatch sends no new risk-increasing order
 * there. Every Legwatch order path goes through {@link #gate(OrderGateway)}; reduce-only orders
 * (the flatten's own) always pass. CANCEL and FLATTEN close the gate for their scope first, so
 * nothing of ours re-opens what they are closing. Halts stay until the trader releases them.
 */
public final class TradingHalt {
    /**
     * One active halt.
     *
     * @param instruments the instruments a leg/strategy scope covered when it was fired
     *                    (venue and global scopes cover whatever appears later too)
     */
    public record Halt(String flattenId, KillScope scope, Set<InstrumentKey> instruments, String firedBy,
                       long sinceMs) {
        public Halt {
            instruments = Set.copyOf(instruments);
        }

        boolean covers(InstrumentKey key) {
            if (scope instanceof KillScope.Global) {
                return true;
            }
            if (scope instanceof KillScope.Venue v) {
                return v.venue().equals(key.venue());
            }
            return instruments.contains(key);
        }
    }

    private final List<Halt> halts = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Halt>>> listeners = new CopyOnWriteArrayList<>();

    void halt(FlattenPlan plan, String firedBy, long nowMs) {
        Set<InstrumentKey> keys = new java.util.HashSet<>();
        plan.legs().forEach(l -> keys.add(l.instrument()));
        halts.add(new Halt(plan.flattenId(), plan.scope(), keys, firedBy, nowMs));
        fire();
    }

    /** True when a new risk-increasing order on {@code key} must not be sent. */
    public boolean blocks(InstrumentKey key) {
        for (Halt h : halts) {
            if (h.covers(key)) {
                return true;
            }
        }
        return false;
    }

    /** Active halts, oldest first. */
    public List<Halt> active() {
        return List.copyOf(halts);
    }

    /** Lifts every halt fired with exactly this scope (via {@link KillSwitch#release}, which journals it). */
    int release(KillScope scope) {
        int before = halts.size();
        halts.removeIf(h -> h.scope().equals(scope));
        fire();
        return before - halts.size();
    }

    /** Called (on the releasing or halting thread) whenever the set of halts changes; the UI lists them. */
    public void addListener(Consumer<List<Halt>> listener) {
        listeners.add(listener);
    }

    private void fire() {
        List<Halt> now = active();
        listeners.forEach(l -> l.accept(now));
    }

    /** Wraps an order path so it refuses risk-increasing orders while halted. */
    public OrderGateway gate(OrderGateway delegate) {
        return new OrderGateway() {
            @Override
            public CompletableFuture<Order> place(OrderRequest request) {
                if (!request.reduceOnly() && blocks(request.instrument())) {
                    return CompletableFuture.failedFuture(new VenueException(new VenueError(
                            request.instrument().venue(), VenueError.Kind.REJECTED, "LW-HALT",
                            "Legwatch kill switch HALT is active for " + request.instrument()
                                    + ": only reduce-only orders are sent")));
                }
                return delegate.place(request);
            }

            @Override
            public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
                return delegate.cancelAll(instrument);
            }

            @Override
            public CompletableFuture<Void> armDeadMan(Duration timeout) {
                return delegate.armDeadMan(timeout);
            }
        };
    }
}
