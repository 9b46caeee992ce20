package io.legwatch.sim;

/** One price level of the synthetic book: price in the instrument's quote, size in venue units. */
public record BookLevel(double price, double size) {
}
