package io.legwatch.app;

import java.util.List;

/** The composition root: turns command-line arguments into a running {@link LegwatchSession}. */
public final class AppWiring {
    private AppWiring() {
    }

    /**
     * {@code --demo [--seed=N]}. Configured real venues are not wired in this build, so without
     * {@code --demo} there is nothing to connect to (the launcher says so before a window opens).
     *
     * @throws IllegalArgumentException on a malformed seed or without {@code --demo}
     */
    public static LegwatchSession fromArgs(List<String> args) {
        long seed = args.stream().filter(a -> a.startsWith("--seed=")).findFirst()
                .map(AppWiring::seed).orElse(DemoMode.DEFAULT_SEED);
        if (!args.contains("--demo")) {
            throw new IllegalArgumentException("Only demo mode exists in this build: start with --demo "
                    + "(./mvnw -q javafx:run passes it).");
        }
        return new DemoMode(seed);
    }

    private static long seed(String arg) {
        String value = arg.substring("--seed=".length());
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, was \"" + value + "\"", e);
        }
    }
}
