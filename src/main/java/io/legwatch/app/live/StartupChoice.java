package io.legwatch.app.live;

import io.legwatch.app.DemoMode;
import io.legwatch.app.LegwatchSession;
import io.legwatch.config.AppConfig;
import io.legwatch.config.AppConfigException;
import io.legwatch.config.AppDirs;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.TimeSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Legwatch starts, decided from the command line and the per-user data directory before any
 * window or thread exists:
 * <ul>
 *   <li>{@code --demo} (optionally {@code --seed=N}) forces demo mode: the simulator serves its
 *       venues over the OKX, Bybit and Deribit wire protocols on 127.0.0.1 and Legwatch watches them
 *       with the production connectors ({@link WireDemoMode}); {@code --in-process} runs the same
 *       demo without sockets ({@link DemoMode}, in-process connectors);</li>
 *   <li>{@code --config <path>} (or {@code --config=<path>}) uses that file;</li>
 *   <li>otherwise {@code <data dir>/config.json} if it exists, else demo mode: an installed app opens
 *       in demo mode until the trader writes a config;</li>
 *   <li>a config that cannot be used is a {@link Failed} with the message to show (every problem with
 *       its field path), never a half-started app.</li>
 * </ul>
 * {@link #decide} only reads the config file; {@link #open} builds the session (nothing connects
 * until the session's {@code start()}).
 */
public sealed interface StartupChoice {
    /** The config file looked for when no flag names one. */
    String DEFAULT_CONFIG_FILE = "config.json";

    /**
     * Builds the session this choice stands for.
     *
     * @throws AppConfigException for a live config whose venues cannot be built (e.g. a missing
     *                            environment variable); nothing is left running
     * @throws IllegalStateException on a {@link Failed} choice (show its message instead)
     */
    LegwatchSession open(AppDirs dirs);

    /** Demo mode; {@code why} says how it was chosen (for the log). */
    record Demo(long seed, String why, boolean inProcess) implements StartupChoice {
        public Demo(long seed, String why) {
            this(seed, why, false);
        }

        @Override
        public LegwatchSession open(AppDirs dirs) {
            return inProcess ? new DemoMode(seed) : new WireDemoMode(seed);
        }
    }

    /** A validated config file. */
    record Live(Path file, AppConfig config) implements StartupChoice {
        @Override
        public LegwatchSession open(AppDirs dirs) {
            return new LiveMode(config, file.toString(), CredentialResolver.fromSystemEnvironment(), dirs.journalDir(),
                    TimeSource.SYSTEM);
        }
    }

    /** Nothing can start; {@code message} is for the trader (an error dialog or stderr). */
    record Failed(String message) implements StartupChoice {
        @Override
        public LegwatchSession open(AppDirs dirs) {
            throw new IllegalStateException(message);
        }
    }

    static StartupChoice decide(List<String> args, Path dataDir) {
        long seed = DemoMode.DEFAULT_SEED;
        boolean demo = false;
        boolean inProcess = false;
        Path config = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--demo")) {
                demo = true;
            } else if (a.equals("--in-process")) {
                inProcess = true;
            } else if (a.startsWith("--seed=")) {
                String v = a.substring("--seed=".length());
                try {
                    seed = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    return new Failed("--seed must be a whole number, was \"" + v + "\"");
                }
            } else if (a.equals("--config")) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    return new Failed("--config needs the path of a config file");
                }
                config = Path.of(args.get(++i));
            } else if (a.startsWith("--config=")) {
                config = Path.of(a.substring("--config=".length()));
            }
        }
        if (demo) {
            return new Demo(seed, "--demo", inProcess);
        }
        if (config != null) {
            return load(config);
        }
        Path standard = dataDir.resolve(DEFAULT_CONFIG_FILE);
        if (Files.exists(standard)) {
            return load(standard);
        }
        return new Demo(seed, "no config file at " + standard, inProcess);
    }

    private static StartupChoice load(Path file) {
        try {
            return new Live(file, ConfigLoader.load(file));
        } catch (AppConfigException e) {
            return new Failed("Cannot start with " + file + ":\n" + e.getMessage());
        }
    }
}
