package io.legwatch.flatten;

import java.util.concurrent.CompletableFuture;

/** A running (or finished) kill action. */
public interface KillHandle {
    FlattenPlan plan();

    /** Who or what fired it: {@code "user:<name>"}, {@code "auto:<rule>"}, {@code "reopen:<id>"}, {@code "recovery"}. */
    String firedBy();

    /**
     * Completes when every leg is verified, failed or abandoned. Completes exceptionally only when
     * the kill switch was closed before the work finished ({@link IllegalStateException}: the
     * venues must be checked by hand).
     */
    CompletableFuture<KillResult> result();

    /** Current state, cheap and immutable: poll it. */
    KillProgress progress();

    /**
     * Stops the work at the next step (no further orders); the result says ABANDONED and the engine
     * is told the scope is not verified flat. {@code by} (e.g. {@code user:alice}) is journaled.
     */
    void abandon(String by);
}
