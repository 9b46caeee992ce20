package io.legwatch.engine;

/**
 * Told of every strategy status change, on the engine thread, after the snapshot that contains the
 * new status was published: must return quickly and never block (hand work to another executor).
 */
@FunctionalInterface
public interface TransitionListener {
    void onTransition(StatusTransition transition);
}
