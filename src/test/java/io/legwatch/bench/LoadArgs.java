package io.legwatch.bench;

import io.legwatch.sim.load.LoadProfile;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line parameters of the load harnesses, {@code --name value} pairs on top of
 * {@link LoadProfile#defaults()}: {@code --strategies 500 --legs 4 --rate 50000 --duration 60s
 * --failures 1.0 --grace 3s --hold 2s --seed 42} (durations take s or m suffixes).
 */
final class LoadArgs {
    final Map<String, String> values = new HashMap<>();

    LoadArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                values.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    LoadProfile profile(Duration defaultDuration) {
        LoadProfile p = LoadProfile.defaults().withDuration(defaultDuration);
        p = p.withStrategies(intValue("strategies", p.strategies()));
        p = p.withLegsPerStrategy(intValue("legs", p.legsPerStrategy()));
        p = p.withMessagesPerSecond(doubleValue("rate", p.messagesPerSecond()));
        p = p.withDuration(duration("duration", p.duration()));
        p = p.withFailuresPerSecond(doubleValue("failures", p.failuresPerSecond()));
        p = p.withGrace(duration("grace", p.grace()));
        p = p.withFailureHold(duration("hold", p.failureHold()));
        return p.withSeed(Long.parseLong(values.getOrDefault("seed", Long.toString(p.seed()))));
    }

    int intValue(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double doubleValue(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        } else if (v.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
        } else if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }
}
