package io.legwatch.app;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** For session tests: which threads a session left running, and polling for another thread's work. */
final class SessionThreads {
    private static final Set<String> LIBRARY_SINGLETONS =
            Set.of("OkHttp TaskRunner", "Okio Watchdog", "CompletableFutureDelayScheduler");

    private SessionThreads() {
    }

    static Set<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("ForkJoinPool")) // the JDK's common pool is not ours
                // JVM-wide singletons of the libraries, idle daemons that outlive any one client or session:
                // OkHttp's shared task runner, Okio's watchdog and the JDK's CompletableFuture delayer.
                .filter(t -> !LIBRARY_SINGLETONS.contains(t.getName()))
                .map(Thread::getName).collect(Collectors.toSet());
    }

    /** Waits (generously) until every thread started since {@code before} has ended; names those left. */
    static void assertAllStoppedSince(Set<Thread> before) throws InterruptedException {
        try {
            waitUntil(Duration.ofSeconds(15), () -> startedSince(before).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("threads left running after close(): " + startedSince(before), e);
        }
    }

    static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
