package io.legwatch.app;

import java.util.List;

/** The composition root: turns command-line arguments into a running {@link LegwatchSession}. */
public final class AppWiring {
    private AppWiring() {
    }

    /** {@code --demo [--seed=N]}; without {@code --demo} there is nothing to connect to yet. */
    public static LegwatchSession fromArgs(List<String> args) {
        long seed = args.stream().filter(a -> a.startsWith("--seed=")).findFirst()
                .map(a -> Long.parseLong(a.substring("--seed=".length()))).orElse(DemoMode.DEFAULT_SEED);
        if (!args.contains("--demo")) {
            throw new IllegalArgumentException("Only demo mode exists in this build: start with --demo "
                    + "(./mvnw -q javafx:run passes it).");
        }
        return new DemoMode(seed);
    }
}
