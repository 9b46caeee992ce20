package io.legwatch.sim.load;

/**
 * What a load run did, as counted by the generator.
 *
 * @param elapsedNanos          schedule time covered
 * @param hedgedMoves           pair moves (two position pushes each)
 * @param failuresInjected      leg failures injected
 * @param failuresRepaired      failures whose missing leg has since filled
 * @param generatorMessages     position pushes the generator caused (moves, failures, repairs)
 * @param droppedMessages       scheduled pushes skipped because the generator fell more than 100 ms behind
 * @param failuresSkipped       scheduled failures skipped because every strategy was already failed
 * @param baseMessagesPerSecond what the simulator pushes by itself (prices, periodic positions, heartbeats)
 */
public record LoadStats(long elapsedNanos, long hedgedMoves, long failuresInjected, long failuresRepaired,
                        long generatorMessages, long droppedMessages, long failuresSkipped,
                        double baseMessagesPerSecond) {
}
