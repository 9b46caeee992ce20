package io.legwatch.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the environment variables a venue's {@link CredentialRefs} names. Missing or empty variables are
 * reported by NAME together with the config path, so the trader knows what to export; values never
 * appear in messages.
 */
public final class CredentialResolver {
    private final Function<String, String> env;

    public CredentialResolver(Function<String, String> env) {
        this.env = env;
    }

    public static CredentialResolver fromSystemEnvironment() {
        Map<String, String> environment = System.getenv();
        return new CredentialResolver(environment::get);
    }

    /**
     * @throws AppConfigException naming every missing variable
     */
    public CredentialValues resolve(VenueConfig venue) {
        CredentialRefs refs = venue.credentials();
        if (refs == null) {
            throw new AppConfigException(List.of("venue \"" + venue.id() + "\" has no credentials configured"));
        }
        List<String> problems = new ArrayList<>();
        String key = read(venue, "apiKeyEnv", refs.apiKeyEnv(), problems);
        String secret = read(venue, "apiSecretEnv", refs.apiSecretEnv(), problems);
        String passphrase = refs.passphraseEnv() == null ? null
                : read(venue, "passphraseEnv", refs.passphraseEnv(), problems);
        if (!problems.isEmpty()) {
            throw new AppConfigException(problems);
        }
        return new CredentialValues(key, secret, passphrase);
    }

    private String read(VenueConfig venue, String field, String name, List<String> problems) {
        if (name == null) {
            problems.add("venue \"" + venue.id() + "\" credentials." + field + ": missing");
            return null;
        }
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            problems.add("venue \"" + venue.id() + "\" credentials." + field + ": environment variable " + name
                    + " is not set");
            return null;
        }
        return value.trim();
    }
}
