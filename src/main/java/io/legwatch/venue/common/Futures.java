package io.legwatch.venue.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Combining the parallel REST calls a snapshot or query is made of. */
public final class Futures {
    private Futures() {
    }

    /** All items of all calls, in call order; fails when any call fails (a partial list would lie). */
    public static <T> CompletableFuture<List<T>> concat(List<CompletableFuture<List<T>>> calls) {
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenApply(x -> {
            List<T> out = new ArrayList<>();
            calls.forEach(c -> out.addAll(c.join()));
            return out;
        });
    }
}
