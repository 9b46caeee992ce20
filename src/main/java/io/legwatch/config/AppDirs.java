package io.legwatch.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Legwatch keeps its per-user files (settings, logs, journal). The system property
 * {@value #HOME_PROPERTY} overrides the OS default, so tests and portable installs stay self-contained.
 *
 * <p>Pure path arithmetic: nothing here creates directories or logs, because the launcher calls it
 * before logging is configured.
 */
public final class AppDirs {
    public static final String HOME_PROPERTY = "legwatch.home";
    /** Read by logback.xml; the launcher sets it from {@link #logDir()} before the first logger exists. */
    public static final String LOG_DIR_PROPERTY = "legwatch.logdir";

    private final Path home;

    public AppDirs(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** The directory for this user on this machine, honouring {@value #HOME_PROPERTY}. */
    public static AppDirs forCurrentUser() {
        return new AppDirs(resolveHome(System.getProperty(HOME_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv()));
    }

    static Path resolveHome(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Legwatch")
                    : Path.of(userHome, "AppData", "Roaming", "Legwatch");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Legwatch");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "legwatch") : Path.of(userHome, ".local", "share", "legwatch");
    }

    public Path home() {
        return home;
    }

    public Path logDir() {
        return home.resolve("logs");
    }

    public Path settingsFile() {
        return home.resolve("settings.json");
    }

    public Path journalDir() {
        return home.resolve("journal");
    }
}
