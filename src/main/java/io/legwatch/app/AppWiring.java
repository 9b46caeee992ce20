package io.legwatch.app;

import io.legwatch.app.live.StartupChoice;
import io.legwatch.config.AppDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The composition root: turns the command line into a {@link LegwatchSession} (nothing connects
 * until its {@code start()}). {@code --demo [--seed=N]} runs the simulated demo; {@code --config PATH},
 * or {@code config.json} in the per-user data directory, runs live on the configured venues;
 * with neither, the demo ({@link StartupChoice} decides).
 */
public final class AppWiring {
    private static final Logger log = LoggerFactory.getLogger(AppWiring.class);

    private AppWiring() {
    }

    /**
     * @throws IllegalArgumentException with the message for the trader when nothing can start
     *                                  (bad arguments, a config that fails validation)
     */
    public static LegwatchSession fromArgs(List<String> args) {
        AppDirs dirs = AppDirs.forCurrentUser();
        StartupChoice choice = StartupChoice.decide(args, dirs.home());
        if (choice instanceof StartupChoice.Failed failed) {
            throw new IllegalArgumentException(failed.message());
        }
        if (choice instanceof StartupChoice.Demo demo) {
            log.info("Starting in demo mode (seed {}): {}", demo.seed(), demo.why());
        } else if (choice instanceof StartupChoice.Live live) {
            log.info("Starting live on {}", live.file());
        }
        return choice.open(dirs);
    }
}
