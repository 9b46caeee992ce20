package io.legwatch.config;

import java.util.List;

/** A config file that cannot be used, with every problem found, each naming its field path. */
public final class AppConfigException extends RuntimeException {
    private final List<String> problems;

    public AppConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code path: what is wrong}, in file order. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems in the config file:\n  " + String.join("\n  ", problems);
    }
}
